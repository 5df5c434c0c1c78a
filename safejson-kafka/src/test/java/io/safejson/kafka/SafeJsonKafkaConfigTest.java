package io.safejson.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.safejson.EnumStyle;
import io.safejson.SafeSerializer;
import io.safejson.kafka.internal.ClientSettings;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code safejson.*} key reaches its builder option; a bad value fails naming the key. */
final class SafeJsonKafkaConfigTest {
  private static String write(Map<String, ?> props, Object value) {
    SafeJsonSerializer serializer = new SafeJsonSerializer();
    serializer.configure(props, false);
    return new String(serializer.serialize("t", value), StandardCharsets.UTF_8);
  }

  private static Map<String, Object> sample() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("z", OrderPlaced.Status.PAID);
    value.put("a", new BigDecimal("12.50"));
    return value;
  }

  private static final BuilderParts.Money PRICE = new BuilderParts.Money(new BigDecimal("12.50"), "EUR");

  static Stream<Arguments> options() {
    OffsetDateTime at = OffsetDateTime.parse("2026-11-24T01:05:30+01:00");
    return Stream.of(
        Arguments.of("safejson.enum.style", "lower_case", OrderPlaced.Status.PAID, "\"paid\""),
        Arguments.of("safejson.enum.style", EnumStyle.TO_STRING, OrderPlaced.Status.NEW, "\"NEW\""),
        Arguments.of("safejson.decimal.style", "NUMBER", new BigDecimal("12.50"), "12.50"),
        Arguments.of("safejson.large.integers", "STRING_WHEN_UNSAFE", Long.MAX_VALUE, "\"9223372036854775807\""),
        Arguments.of("safejson.zone", "UTC", at, "\"2026-11-24T00:05:30Z\""),
        Arguments.of("safejson.zone", ZoneId.of("Asia/Tokyo"), at, "\"2026-11-24T09:05:30+09:00\""),
        Arguments.of("safejson.max.depth", "1", List.of(List.of(1)), "[\"[MAX_DEPTH]\"]"),
        Arguments.of("safejson.max.string.length", 16, "x".repeat(40), "\"xxxxxxxxxxxxxxxx...[TRUNCATED]\""),
        Arguments.of("safejson.max.items", "2", List.of(1, 2, 3), "[1,2,\"[TRUNCATED]\"]"),
        Arguments.of("safejson.max.values", "2", List.of(1, 2, 3), "[1,\"[TRUNCATED]\"]"),
        Arguments.of("safejson.redact", "password, Token", Map.of("token", "abc"), "{\"token\":\"[REDACTED]\"}"),
        Arguments.of("safejson.redact", List.of("password"), Map.of("Password", "abc"), "{\"Password\":\"[REDACTED]\"}"),
        Arguments.of("safejson.sort.keys", "true", sample(), "{\"a\":\"12.50\",\"z\":\"PAID\"}"),
        Arguments.of("safejson.html.safe", Boolean.TRUE, "<b>", "\"\\u003Cb\\u003E\""),
        Arguments.of("safejson.modules", BuilderParts.MoneyModule.class.getName(), PRICE, "\"12.50 EUR (module)\""),
        Arguments.of("safejson.builder.customizers", BuilderParts.MoneyAsText.class, PRICE, "\"12.50 EUR\""));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("options")
  void eachSerializerKeySetsItsBuilderOption(String key, Object setting, Object value, String expected) {
    assertEquals(expected, write(Map.of(key, setting), value));
  }

  @Test
  void withoutKeysTheCoreDefaultsApply() {
    assertEquals("{\"z\":\"PAID\",\"a\":\"12.50\"}", write(Map.of(), sample()));
  }

  @Test
  void maxInputLengthAndOversizePolicyAreRead() {
    SafeJsonDeserializer<String> reader = new SafeJsonDeserializer<>(String.class);
    reader.configure(Map.of("safejson.max.input.length", 5L), false);
    assertThrows(SerializationException.class, () -> reader.deserialize("t", "\"123456\"".getBytes(StandardCharsets.UTF_8)));

    SafeJsonSerializer failing = new SafeJsonSerializer();
    failing.configure(Map.of("safejson.oversize.policy", OversizePolicy.FAIL, "max.request.size", 2000), false);
    assertThrows(SerializationException.class, () -> failing.serialize("t", "x".repeat(1_000)));
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("safejson.enum.style", "SHOUTING"),
        Arguments.of("safejson.decimal.style", "FLOAT"),
        Arguments.of("safejson.large.integers", 7),
        Arguments.of("safejson.zone", "Mars/Olympus"),
        Arguments.of("safejson.max.depth", "0"),
        Arguments.of("safejson.max.depth", "501"),
        Arguments.of("safejson.max.depth", "deep"),
        Arguments.of("safejson.max.string.length", "15"),
        Arguments.of("safejson.max.items", "-1"),
        Arguments.of("safejson.max.values", "0"),
        Arguments.of("safejson.max.input.length", "0"),
        Arguments.of("safejson.redact", "password,,token"),
        Arguments.of("safejson.sort.keys", "yes"),
        Arguments.of("safejson.html.safe", 1),
        Arguments.of("safejson.oversize.policy", "DROP"),
        Arguments.of("safejson.value.type", "com.example.NoSuchClass"),
        Arguments.of("safejson.incident.listener", "com.example.NoSuchListener"),
        Arguments.of("safejson.incident.listener", BuilderParts.StringConsumer.class),
        Arguments.of("safejson.modules", "java.lang.String"),
        Arguments.of("safejson.builder.customizers", BuilderParts.RecordingListener.class.getName()),
        Arguments.of("safejson.max.dept", "10"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badValues")
  void aBadValueFailsConfigureWithAConfigExceptionNamingTheKey(String key, Object value) {
    Map<String, Object> props = new HashMap<>();
    props.put(key, value);
    for (Runnable configure : List.<Runnable>of(
        () -> new SafeJsonSerializer().configure(props, false),
        () -> new SafeJsonDeserializer<>(String.class).configure(props, false),
        () -> new SafeJsonSerde<>(String.class).configure(props, false))) {
      ConfigException e = assertThrows(ConfigException.class, configure::run);
      assertTrue(e.getMessage().contains(key), e.getMessage());
    }
  }

  @Test
  void theMessageNamesKeyValueAndTheCoresReason() {
    ConfigException e = assertThrows(
        ConfigException.class, () -> new SafeJsonSerializer().configure(Map.of("safejson.max.depth", "0"), false));
    assertEquals(
        "Invalid value 0 for configuration safejson.max.depth: maxDepth must be between 1 and 500: 0", e.getMessage());
  }

  @Test
  void theConstantsNameEveryKeyTheModuleReads() throws Exception {
    TreeSet<String> constants = new TreeSet<>();
    for (Field field : SafeJsonKafkaConfig.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof String name
          && name.startsWith("safejson.") && !name.equals(SafeJsonKafkaConfig.PREFIX)) {
        constants.add(name);
      }
    }
    assertEquals(ClientSettings.keys(), constants);
  }

  /**
   * The keys of the builder setters whose key is not the setter's name dotted ({@code maxStringLength}:
   * {@code safejson.max.string.length}); each reason is why the key names something else.
   */
  private static final Map<String, String> CODE_VALUED_KEYS = Map.of(
      // The key takes listener classes, as Kafka's interceptor.classes does, not a method reference.
      "onIncident", SafeJsonKafkaConfig.INCIDENT_LISTENER,
      // One key takes every module class, in order: a list, named in the plural.
      "addModule", SafeJsonKafkaConfig.MODULES,
      // A converter is a Class and a Function, no one class name: a customizer class adds it in code.
      "addConverter", SafeJsonKafkaConfig.BUILDER_CUSTOMIZERS);

  @Test
  void everyBuilderSetterHasAKey() {
    List<String> setters = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Method method : SafeSerializer.Builder.class.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
          && method.getReturnType() == SafeSerializer.Builder.class) {
        setters.add(method.getName());
        String dotted = "safejson." + method.getName().replaceAll("([A-Z])", ".$1").toLowerCase(Locale.ROOT);
        String key = CODE_VALUED_KEYS.getOrDefault(method.getName(), dotted);
        if (!ClientSettings.keys().contains(key)) {
          missing.add(method.getName() + " (" + key + ")");
        }
      }
    }
    assertTrue(setters.size() >= 15, "the builder's setters: " + setters);
    assertTrue(setters.containsAll(CODE_VALUED_KEYS.keySet()), "exemptions for setters that are gone: " + setters);
    assertEquals(List.of(), missing, "builder setters without a safejson.* key");
  }

  @Test
  void theReadmeTableListsEveryKey() throws Exception {
    Path readme = Path.of(System.getProperty("safejson.testdata")).resolveSibling("README.md");
    String text = Files.readString(readme);
    int section = text.indexOf("## safejson-kafka");
    assertTrue(section >= 0, "README has a safejson-kafka section");
    String kafka = text.substring(section);
    List<String> missing = new ArrayList<>();
    for (String key : ClientSettings.keys()) {
      if (!kafka.contains("| `" + key + "`")) {
        missing.add(key);
      }
    }
    assertEquals(List.of(), missing, "keys missing from the README table");
  }
}
