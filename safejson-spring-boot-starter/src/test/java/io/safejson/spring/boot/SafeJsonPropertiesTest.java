package io.safejson.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.SafeSerializer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The configuration metadata that spring-boot-configuration-processor generates, as IDEs read it. */
final class SafeJsonPropertiesTest {
  /** Builder options that take code, not a value: set them with a SafeSerializerCustomizer. */
  private static final Set<String> CODE_ONLY = Set.of("addConverter", "addModule", "onIncident", "build", "toString");

  private final Map<String, JsonNode> properties = readMetadata();

  @Test
  void everyValueOptionOfTheSerializerBuilderHasAProperty() {
    Set<String> options = Arrays.stream(SafeSerializer.Builder.class.getDeclaredMethods())
        .filter(method -> Modifier.isPublic(method.getModifiers()))
        .map(Method::getName)
        .filter(name -> !CODE_ONLY.contains(name))
        .collect(Collectors.toSet());
    assertThat(options).hasSizeGreaterThanOrEqualTo(12);

    for (String option : options) {
      assertThat(properties).as("a property for SafeSerializer.Builder.%s", option)
          .containsKey("safejson." + kebab(option));
    }
  }

  @Test
  void defaultsAreTheBuildersAndEveryPropertyIsDescribed() {
    assertThat(properties.get("safejson.max-depth").path("defaultValue").asInt())
        .isEqualTo(SafeSerializer.DEFAULT_MAX_DEPTH);
    assertThat(properties.get("safejson.max-items").path("defaultValue").asInt())
        .isEqualTo(SafeSerializer.DEFAULT_MAX_ITEMS);
    assertThat(properties.get("safejson.max-string-length").path("defaultValue").asInt())
        .isEqualTo(SafeSerializer.DEFAULT_MAX_STRING_LENGTH);
    assertThat(properties.get("safejson.max-values").path("defaultValue").asInt())
        .isEqualTo(SafeSerializer.DEFAULT_MAX_VALUES);
    assertThat(properties.get("safejson.max-input-length").path("defaultValue").asLong())
        .isEqualTo(SafeSerializer.DEFAULT_MAX_INPUT_LENGTH);
    assertThat(properties.get("safejson.enum-style").path("defaultValue").asText()).isEqualTo("name");
    assertThat(properties.get("safejson.web.enabled").path("defaultValue").asBoolean(true)).isFalse();
    assertThat(properties.get("safejson.websocket.max-pending-bytes").path("defaultValue").asText())
        .isEqualTo("16MB");
    assertThat(properties.get("safejson.logging.format").path("type").asText())
        .isEqualTo("io.safejson.logging.LogFormat");

    for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
      assertThat(property.getValue().path("description").asText())
          .as("description of %s", property.getKey()).isNotBlank();
    }
  }

  @Test
  void theWebWebSocketAndLoggingGroupsAreListed() {
    assertThat(properties).containsKeys(
        "safejson.web.enabled",
        "safejson.websocket.max-pending-bytes",
        "safejson.websocket.max-pending-messages",
        "safejson.websocket.overflow-policy",
        "safejson.websocket.send-timeout",
        "safejson.logging.format",
        "safejson.logging.service-name",
        "safejson.logging.gcp-project-id",
        "safejson.logging.trace-id-mdc-keys",
        "safejson.logging.max-event-bytes",
        "safejson.logging.redact");
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static Map<String, JsonNode> readMetadata() {
    Path file = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
        .resolve("target/classes/META-INF/spring-configuration-metadata.json");
    try {
      JsonNode root = new ObjectMapper().readTree(Files.readString(file));
      Map<String, JsonNode> byName = new HashMap<>();
      root.path("properties").forEach(property -> byName.put(property.path("name").asText(), property));
      return byName;
    } catch (java.io.IOException e) {
      throw new AssertionError("the processor did not write " + file, e);
    }
  }
}
