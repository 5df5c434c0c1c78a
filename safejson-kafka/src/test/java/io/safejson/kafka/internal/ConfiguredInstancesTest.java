package io.safejson.kafka.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.safejson.Incident;
import io.safejson.SafeSerializer;
import io.safejson.kafka.BuilderParts;
import io.safejson.kafka.BuilderParts.FailingConstructor;
import io.safejson.kafka.BuilderParts.FailingCustomizer;
import io.safejson.kafka.BuilderParts.FlatOutput;
import io.safejson.kafka.BuilderParts.InvalidCustomizer;
import io.safejson.kafka.BuilderParts.Money;
import io.safejson.kafka.BuilderParts.MoneyAsText;
import io.safejson.kafka.BuilderParts.MoneyModule;
import io.safejson.kafka.BuilderParts.NeedsArgument;
import io.safejson.kafka.BuilderParts.OtherRecordingListener;
import io.safejson.kafka.BuilderParts.Recorder;
import io.safejson.kafka.BuilderParts.RecordingListener;
import io.safejson.kafka.BuilderParts.StringConsumer;
import io.safejson.kafka.BuilderParts.ThrowingListener;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The class-valued keys ({@code safejson.incident.listener}, {@code safejson.modules},
 * {@code safejson.builder.customizers}) create real classes from every form Kafka accepts, and refuse a bad one
 * at configure time with a {@link ConfigException} naming the key.
 */
final class ConfiguredInstancesTest {
  private static final Money PRICE = new Money(new BigDecimal("12.50"), "EUR");
  private static final String LISTENER = "safejson.incident.listener";
  private static final String MODULES = "safejson.modules";
  private static final String CUSTOMIZERS = "safejson.builder.customizers";

  private static SafeSerializer configured(Map<String, Object> props) {
    return ClientSettings.read(props, false).serializer();
  }

  private static String recorderId() {
    return "recorder-" + UUID.randomUUID();
  }

  static Stream<Arguments> listenerForms() {
    String one = RecordingListener.class.getName();
    String other = OtherRecordingListener.class.getName();
    return Stream.of(
        Arguments.of("class names, comma-separated", " " + one + " , " + other + " "),
        Arguments.of("a list of class names", List.of(one, other)),
        Arguments.of("a list of classes", List.of(RecordingListener.class, OtherRecordingListener.class)),
        Arguments.of("a name and a class", List.of(one, OtherRecordingListener.class)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("listenerForms")
  void everyListenerHearsEveryIncidentAndIsConfiguredWithTheClientsProperties(String form, Object listeners) {
    String id = recorderId();
    Map<String, Object> props = new HashMap<>();
    props.put(LISTENER, listeners);
    props.put(BuilderParts.RECORDER, id);

    String json = configured(props).toJson(Map.of("score", Double.NaN));

    assertEquals("{\"score\":null}", json);
    assertEquals(
        List.of("RecordingListener:$.score:NON_FINITE", "OtherRecordingListener:$.score:NON_FINITE"),
        BuilderParts.heard(id));
  }

  @Test
  void oneClassIsAcceptedAsItselfAndAThrowingListenerStopsNoOther() {
    String id = recorderId();
    Map<String, Object> single = new HashMap<>(Map.of(LISTENER, RecordingListener.class, BuilderParts.RECORDER, id));
    configured(single).toJson(List.of(Double.POSITIVE_INFINITY));
    assertEquals(List.of("RecordingListener:$[0]:NON_FINITE"), BuilderParts.heard(id));

    String second = recorderId();
    Map<String, Object> props = new HashMap<>();
    props.put(LISTENER, ThrowingListener.class.getName() + "," + RecordingListener.class.getName());
    props.put(BuilderParts.RECORDER, second);
    assertEquals("[null]", configured(props).toJson(List.of(Double.NaN)));
    assertEquals(List.of("RecordingListener:$[0]:NON_FINITE"), BuilderParts.heard(second));
  }

  @Test
  void instancesAreUsedAsGivenWhenTheConfigurationIsBuiltInCode() {
    List<Incident> heard = new ArrayList<>();
    Consumer<Incident> listener = heard::add;
    Consumer<SafeSerializer.Builder> customizer = builder -> builder.redact("pin");
    Map<String, Object> props = new HashMap<>();
    props.put(LISTENER, listener);
    props.put(MODULES, new MoneyModule());
    props.put(CUSTOMIZERS, List.of(customizer, FlatOutput.class));

    String json = configured(props).toJson(Map.of("pin", "1234", "nested", List.of(Double.NaN), "price", PRICE));

    assertTrue(json.contains("\"pin\":\"[REDACTED]\""), json);
    assertTrue(json.contains("\"nested\":\"[MAX_DEPTH]\""), json);
    assertTrue(json.contains("\"price\":\"12.50 EUR (module)\""), json);
    assertEquals(List.of(Incident.Kind.MAX_DEPTH), heard.stream().map(Incident::kind).toList());
  }

  @Test
  void aModuleWritesItsTypes() {
    assertEquals("{\"amount\":\"12.50\",\"currency\":\"EUR\"}", configured(new HashMap<>()).toJson(PRICE));
    assertEquals(
        "\"12.50 EUR (module)\"", configured(new HashMap<>(Map.of(MODULES, MoneyModule.class.getName()))).toJson(PRICE));
  }

  @Test
  void customizersAddConvertersAndRunAfterEveryOtherKey() {
    Map<String, Object> props = new HashMap<>();
    props.put("safejson.max.depth", "5");
    props.put(CUSTOMIZERS, MoneyAsText.class.getName() + "," + FlatOutput.class.getName());
    SafeSerializer serializer = configured(props);

    assertEquals("\"12.50 EUR\"", serializer.toJson(PRICE));
    assertEquals(1, serializer.maxDepth(), "the customizer wins over safejson.max.depth");
    assertEquals("[\"[MAX_DEPTH]\"]", serializer.toJson(List.of(List.of(1))));
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(LISTENER, "com.example.NoSuchListener",
            "Class com.example.NoSuchListener could not be found."),
        Arguments.of(LISTENER, MoneyModule.class.getName(),
            "is not a java.util.function.Consumer<io.safejson.Incident>"),
        Arguments.of(LISTENER, StringConsumer.class,
            "is a Consumer<java.lang.String>, not a java.util.function.Consumer<io.safejson.Incident>"),
        Arguments.of(LISTENER, NeedsArgument.class.getName(), "needs a public no-arg constructor"),
        Arguments.of(LISTENER, FailingConstructor.class.getName(), "constructor threw java.lang.IllegalStateException"),
        Arguments.of(LISTENER, Recorder.class.getName(), "is abstract"),
        Arguments.of(LISTENER, 42, "expected a class name, a Class or a java.util.function.Consumer<io.safejson.Incident>"),
        Arguments.of(MODULES, "java.lang.String", "java.lang.String is not a com.fasterxml.jackson.databind.Module"),
        Arguments.of(MODULES, MoneyModule.class.getName() + ",,", "an empty class name"),
        Arguments.of(CUSTOMIZERS, RecordingListener.class.getName(),
            "is a Consumer<io.safejson.Incident>, not a java.util.function.Consumer<io.safejson.SafeSerializer.Builder>"),
        Arguments.of(CUSTOMIZERS, InvalidCustomizer.class.getName(), "maxDepth must be between 1 and 500: 0"),
        Arguments.of(CUSTOMIZERS, FailingCustomizer.class.getName(), "applying it threw java.lang.IllegalStateException"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("refused")
  void aBadClassFailsConfigureWithAConfigExceptionNamingTheKey(String key, Object value, String reason) {
    Map<String, Object> props = new HashMap<>();
    props.put(key, value);
    ConfigException e = assertThrows(ConfigException.class, () -> ClientSettings.read(props, false));
    assertTrue(e.getMessage().contains("configuration " + key), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
