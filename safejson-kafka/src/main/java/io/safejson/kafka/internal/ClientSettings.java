package io.safejson.kafka.internal;

import static io.safejson.kafka.SafeJsonKafkaConfig.BUILDER_CUSTOMIZERS;
import static io.safejson.kafka.SafeJsonKafkaConfig.DECIMAL_STYLE;
import static io.safejson.kafka.SafeJsonKafkaConfig.ENUM_STYLE;
import static io.safejson.kafka.SafeJsonKafkaConfig.HTML_SAFE;
import static io.safejson.kafka.SafeJsonKafkaConfig.INCIDENT_LISTENER;
import static io.safejson.kafka.SafeJsonKafkaConfig.KEY_TYPE;
import static io.safejson.kafka.SafeJsonKafkaConfig.LARGE_INTEGERS;
import static io.safejson.kafka.SafeJsonKafkaConfig.MAX_DEPTH;
import static io.safejson.kafka.SafeJsonKafkaConfig.MAX_INPUT_LENGTH;
import static io.safejson.kafka.SafeJsonKafkaConfig.MAX_ITEMS;
import static io.safejson.kafka.SafeJsonKafkaConfig.MAX_STRING_LENGTH;
import static io.safejson.kafka.SafeJsonKafkaConfig.MAX_VALUES;
import static io.safejson.kafka.SafeJsonKafkaConfig.MODULES;
import static io.safejson.kafka.SafeJsonKafkaConfig.OVERSIZE_POLICY;
import static io.safejson.kafka.SafeJsonKafkaConfig.PREFIX;
import static io.safejson.kafka.SafeJsonKafkaConfig.REDACT;
import static io.safejson.kafka.SafeJsonKafkaConfig.SORT_KEYS;
import static io.safejson.kafka.SafeJsonKafkaConfig.VALUE_TYPE;
import static io.safejson.kafka.SafeJsonKafkaConfig.ZONE;

import com.fasterxml.jackson.databind.Module;
import io.safejson.DecimalStyle;
import io.safejson.EnumStyle;
import io.safejson.Incident;
import io.safejson.LargeIntegerStyle;
import io.safejson.SafeSerializer;
import io.safejson.kafka.OversizePolicy;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings a serializer, deserializer or serde reads from the client configuration in {@code configure}:
 * the {@code safejson.*} keys and the producer's size limits.
 *
 * <p>Immutable and thread-safe.
 *
 * @param serializer built from the {@code safejson.*} serializer keys (the core's defaults where unset)
 * @param policy {@code safejson.oversize.policy}, or {@code null} when unset
 * @param type {@code safejson.key.type} or {@code safejson.value.type} (as {@code isKey} says), or {@code null}
 * @param recordLimit the most bytes one record may take: the producer's {@code max.request.size} (or Kafka
 *     Streams' {@code producer.max.request.size}), or {@code buffer.memory} when that is smaller
 */
public record ClientSettings(SafeSerializer serializer, OversizePolicy policy, Class<?> type, long recordLimit) {
  /** Kafka's default {@code max.request.size}. */
  public static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

  private static final String MAX_REQUEST_SIZE = "max.request.size";
  private static final String STREAMS_MAX_REQUEST_SIZE = "producer." + MAX_REQUEST_SIZE;
  private static final String BUFFER_MEMORY = "buffer.memory";

  /** The {@code safejson.*} keys; every one optional, so the core keeps its own defaults. */
  static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(ENUM_STYLE, Type.STRING, null, choice(EnumStyle.class), Importance.LOW, "How enums are written.")
          .define(DECIMAL_STYLE, Type.STRING, null, choice(DecimalStyle.class), Importance.LOW, "How BigDecimal is written.")
          .define(LARGE_INTEGERS, Type.STRING, null, choice(LargeIntegerStyle.class), Importance.LOW, "How long and BigInteger are written.")
          .define(ZONE, Type.STRING, null, ClientSettings::ensureZone, Importance.LOW, "Zone datetimes are converted to.")
          .define(MAX_DEPTH, Type.INT, null, Importance.LOW, "Nesting allowed.")
          .define(MAX_STRING_LENGTH, Type.INT, null, Importance.LOW, "Chars per string or key.")
          .define(MAX_ITEMS, Type.INT, null, Importance.LOW, "Items per array or object.")
          .define(MAX_VALUES, Type.INT, null, Importance.LOW, "Values per document.")
          .define(MAX_INPUT_LENGTH, Type.LONG, null, Importance.LOW, "Chars the deserializer accepts.")
          .define(REDACT, Type.LIST, null, Importance.MEDIUM, "Key names whose values are redacted.")
          .define(SORT_KEYS, Type.BOOLEAN, null, Importance.LOW, "Sort the keys of every object.")
          .define(HTML_SAFE, Type.BOOLEAN, null, Importance.LOW, "Escape HTML-sensitive chars.")
          .define(INCIDENT_LISTENER, Type.LIST, null, Importance.MEDIUM, "Consumer<Incident> classes told every incident.")
          .define(MODULES, Type.LIST, null, Importance.LOW, "Jackson 2 Module classes added to the serializer.")
          .define(BUILDER_CUSTOMIZERS, Type.LIST, null, Importance.LOW, "Consumer<SafeSerializer.Builder> classes applied last.")
          .define(OVERSIZE_POLICY, Type.STRING, null, choice(OversizePolicy.class), Importance.MEDIUM, "TRUNCATE or FAIL.")
          .define(VALUE_TYPE, Type.CLASS, null, Importance.HIGH, "Class record values are read into.")
          .define(KEY_TYPE, Type.CLASS, null, Importance.HIGH, "Class record keys are read into.");

  /** The keys whose values are classes (or instances) to create, as Kafka's own {@code *.classes} keys. */
  private static final List<String> CLASS_LISTS = List.of(INCIDENT_LISTENER, MODULES, BUILDER_CUSTOMIZERS);

  /** The producer's limits, typed as the producer itself defines them. */
  private static final ConfigDef LIMITS =
      new ConfigDef()
          .define(MAX_REQUEST_SIZE, Type.INT, DEFAULT_MAX_REQUEST_SIZE, Importance.HIGH, "Producer request limit.")
          .define(STREAMS_MAX_REQUEST_SIZE, Type.INT, null, Importance.HIGH, "Streams' producer request limit.")
          .define(BUFFER_MEMORY, Type.LONG, 32L * 1024 * 1024, Importance.LOW, "Producer buffer memory.");

  /** The settings of a client that was never configured: the core's defaults, 1 MiB records. */
  public static ClientSettings defaults() {
    return new ClientSettings(SafeSerializer.defaults(), null, null, DEFAULT_MAX_REQUEST_SIZE);
  }

  /** Returns every {@code safejson.*} key this module reads, sorted. */
  public static Set<String> keys() {
    return new TreeSet<>(DEFINITION.names());
  }

  /**
   * Reads {@code configs} (a whole producer, consumer or Streams configuration).
   *
   * @throws ConfigException naming the key, for a bad value or an unknown {@code safejson.*} key
   */
  public static ClientSettings read(Map<String, ?> configs, boolean isKey) {
    Map<String, Object> normalized = new HashMap<>();
    for (Map.Entry<String, ?> entry : configs.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      if (key != null && key.startsWith(PREFIX) && !DEFINITION.names().contains(key)) {
        throw new ConfigException(key, value, "not a safejson setting; the known ones are " + keys());
      }
      // Enum constants and zones may be given as such: ConfigDef's STRING type takes only strings.
      normalized.put(key, value instanceof Enum<?> || value instanceof ZoneId ? value.toString() : value);
    }
    for (String key : CLASS_LISTS) {
      // One Class or instance for a class-list key: ConfigDef's LIST type takes only strings and lists.
      Object value = normalized.get(key);
      if (value != null && !(value instanceof String) && !(value instanceof List<?>)) {
        normalized.put(key, List.of(value));
      }
    }
    Map<String, Object> parsed = DEFINITION.parse(normalized);
    SafeSerializer serializer = buildSerializer(parsed, configs);
    String policy = (String) parsed.get(OVERSIZE_POLICY);
    Class<?> type = (Class<?>) parsed.get(isKey ? KEY_TYPE : VALUE_TYPE);
    return new ClientSettings(
        serializer,
        policy == null ? null : OversizePolicy.valueOf(policy.toUpperCase(Locale.ROOT)),
        type,
        recordLimit(LIMITS.parse(normalized)));
  }

  private static long recordLimit(Map<String, Object> limits) {
    Integer streams = (Integer) limits.get(STREAMS_MAX_REQUEST_SIZE);
    long request = streams != null ? streams : (Integer) limits.get(MAX_REQUEST_SIZE);
    return Math.min(request, (Long) limits.get(BUFFER_MEMORY));
  }

  private static SafeSerializer buildSerializer(Map<String, Object> parsed, Map<String, ?> configs) {
    SafeSerializer.Builder builder = SafeSerializer.builder();
    boolean[] any = {false};
    BiConsumer<String, BiConsumer<SafeSerializer.Builder, Object>> apply =
        (key, setter) -> {
          Object value = parsed.get(key);
          if (value == null) {
            return;
          }
          any[0] = true;
          try {
            setter.accept(builder, value);
          } catch (IllegalArgumentException | DateTimeException e) {
            throw new ConfigException(key, value, e.getMessage());
          } catch (ConfigException e) {
            throw e;
          } catch (RuntimeException e) {
            // A customizer's own failure (the core's setters throw IllegalArgumentException, caught above).
            throw new ConfigException(key, value, "applying it threw " + e);
          }
        };
    apply.accept(ENUM_STYLE, (b, v) -> b.enumStyle(constant(EnumStyle.class, v)));
    apply.accept(DECIMAL_STYLE, (b, v) -> b.decimalStyle(constant(DecimalStyle.class, v)));
    apply.accept(LARGE_INTEGERS, (b, v) -> b.largeIntegers(constant(LargeIntegerStyle.class, v)));
    apply.accept(ZONE, (b, v) -> b.zone(ZoneId.of((String) v)));
    apply.accept(MAX_DEPTH, (b, v) -> b.maxDepth((Integer) v));
    apply.accept(MAX_STRING_LENGTH, (b, v) -> b.maxStringLength((Integer) v));
    apply.accept(MAX_ITEMS, (b, v) -> b.maxItems((Integer) v));
    apply.accept(MAX_VALUES, (b, v) -> b.maxValues((Integer) v));
    apply.accept(MAX_INPUT_LENGTH, (b, v) -> b.maxInputLength((Long) v));
    apply.accept(REDACT, (b, v) -> b.redact(((List<?>) v).stream().map(String::valueOf).toArray(String[]::new)));
    apply.accept(SORT_KEYS, (b, v) -> b.sortKeys((Boolean) v));
    apply.accept(HTML_SAFE, (b, v) -> b.htmlSafe((Boolean) v));
    apply.accept(MODULES, (b, v) -> ConfiguredInstances.of(MODULES, (List<?>) v, Module.class, null, configs)
        .forEach(b::addModule));
    apply.accept(INCIDENT_LISTENER, (b, v) -> b.onIncident(everyListener(
        ConfiguredInstances.of(INCIDENT_LISTENER, (List<?>) v, Consumer.class, Incident.class, configs))));
    // Last, so that a customizer sees (and may change) what the other keys set.
    apply.accept(BUILDER_CUSTOMIZERS, (b, v) -> ConfiguredInstances.of(
        BUILDER_CUSTOMIZERS, (List<?>) v, Consumer.class, SafeSerializer.Builder.class, configs)
        .forEach(customizer -> customize(customizer, b)));
    return any[0] ? builder.build() : SafeSerializer.defaults();
  }

  /** One listener telling each of {@code listeners} every incident; one that throws does not stop the others. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Consumer<Incident> everyListener(List<Consumer> listeners) {
    if (listeners.size() <= 1) {
      return listeners.isEmpty() ? null : listeners.get(0);
    }
    List<Consumer> all = List.copyOf(listeners);
    return incident -> {
      for (Consumer listener : all) {
        try {
          listener.accept(incident);
        } catch (RuntimeException e) {
          // Ignored, as the core ignores a throwing listener: it must not break serialization.
        }
      }
    };
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void customize(Consumer customizer, SafeSerializer.Builder builder) {
    customizer.accept(builder);
  }

  private static <E extends Enum<E>> E constant(Class<E> type, Object value) {
    return Enum.valueOf(type, ((String) value).trim().toUpperCase(Locale.ROOT));
  }

  private static <E extends Enum<E>> ConfigDef.Validator choice(Class<E> type) {
    return new ConfigDef.Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        if (value == null) {
          return;
        }
        try {
          constant(type, value);
        } catch (IllegalArgumentException e) {
          throw new ConfigException(name, value, "expected one of " + List.of(type.getEnumConstants()));
        }
      }

      @Override
      public String toString() {
        return List.of(type.getEnumConstants()).toString();
      }
    };
  }

  private static void ensureZone(String name, Object value) {
    if (value == null) {
      return;
    }
    try {
      ZoneId.of((String) value);
    } catch (DateTimeException e) {
      throw new ConfigException(name, value, "not a zone id: " + e.getMessage());
    }
  }
}
