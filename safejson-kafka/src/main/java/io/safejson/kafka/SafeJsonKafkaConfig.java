package io.safejson.kafka;

import io.safejson.IncidentsHeader;

/**
 * The {@code safejson.*} configuration keys read by {@link SafeJsonSerializer}, {@link SafeJsonDeserializer}
 * and {@link SafeJsonSerde} in {@code configure}, and the names of the incidents headers.
 *
 * <p>Each serializer key sets the {@link io.safejson.SafeSerializer.Builder} option of the same name; the
 * code-valued options take classes, as Kafka's {@code interceptor.classes} does: {@link #INCIDENT_LISTENER}
 * ({@code onIncident}), {@link #MODULES} ({@code addModule}) and {@link #BUILDER_CUSTOMIZERS} (converters and
 * anything else). A key left out keeps the core's default. Values may be strings (from a properties file) or the
 * matching Java values (an {@code Integer}, a {@code Boolean}, an enum constant, a {@code ZoneId}, a
 * {@code List}, a {@code Class}, or an instance for the class keys). A bad value, or an unknown key starting with
 * {@code safejson.}, fails {@code configure} with Kafka's {@code ConfigException} naming the key.
 *
 * <pre>{@code
 * props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, SafeJsonSerializer.class.getName());
 * props.put(SafeJsonKafkaConfig.REDACT, "password,token");
 * props.put(SafeJsonKafkaConfig.MAX_STRING_LENGTH, 10_000);
 * }</pre>
 *
 * <p>Constants only; not instantiable.
 */
public final class SafeJsonKafkaConfig {
  /** The prefix every key of this module starts with. */
  public static final String PREFIX = "safejson.";

  /** {@code EnumStyle}: {@code NAME} (default), {@code LOWER_CASE} or {@code TO_STRING}. */
  public static final String ENUM_STYLE = "safejson.enum.style";
  /** {@code DecimalStyle}: {@code STRING} (default) or {@code NUMBER}. */
  public static final String DECIMAL_STYLE = "safejson.decimal.style";
  /** {@code LargeIntegerStyle}: {@code NUMBER} (default) or {@code STRING_WHEN_UNSAFE}. */
  public static final String LARGE_INTEGERS = "safejson.large.integers";
  /** A zone id such as {@code UTC} or {@code Europe/Paris}; unset keeps each datetime's own offset. */
  public static final String ZONE = "safejson.zone";
  /** Nesting allowed, 1 to 500 (default 100). */
  public static final String MAX_DEPTH = "safejson.max.depth";
  /** Chars per string or key, at least 16 (default 1,000,000). */
  public static final String MAX_STRING_LENGTH = "safejson.max.string.length";
  /** Items per array or object, positive (default 10,000). */
  public static final String MAX_ITEMS = "safejson.max.items";
  /** Values per document, positive (default 1,000,000). */
  public static final String MAX_VALUES = "safejson.max.values";
  /** Chars the deserializer accepts per record, positive (default 16 Mi). */
  public static final String MAX_INPUT_LENGTH = "safejson.max.input.length";
  /** Comma-separated key names (case-insensitive) whose values are written as {@code "[REDACTED]"}. */
  public static final String REDACT = "safejson.redact";
  /** {@code true} sorts the keys of every object (default {@code false}). */
  public static final String SORT_KEYS = "safejson.sort.keys";
  /** {@code true} escapes {@code < > & '} and U+2028/U+2029 (default {@code false}). */
  public static final String HTML_SAFE = "safejson.html.safe";
  /**
   * Classes implementing {@code java.util.function.Consumer<io.safejson.Incident>}, each with a public no-arg
   * constructor (comma-separated names, a {@code Class}, a {@code List}, or instances in a configuration built in
   * code); every one receives every incident, on the serializing thread ({@code onIncident}). One that also
   * implements Kafka's {@code Configurable} is configured with the client's configuration first.
   */
  public static final String INCIDENT_LISTENER = "safejson.incident.listener";
  /**
   * Jackson 2 {@code com.fasterxml.jackson.databind.Module} classes with a public no-arg constructor, added in
   * order ({@code addModule}); given as {@link #INCIDENT_LISTENER} is.
   */
  public static final String MODULES = "safejson.modules";
  /**
   * Classes implementing {@code java.util.function.Consumer<io.safejson.SafeSerializer.Builder>} with a public
   * no-arg constructor, given as {@link #INCIDENT_LISTENER} is and applied in order after every other key: the
   * place for converters ({@code addConverter}) and anything else set in code.
   *
   * <pre>{@code
   * public final class MoneyAsText implements Consumer<SafeSerializer.Builder> {
   *   public void accept(SafeSerializer.Builder builder) {
   *     builder.addConverter(Money.class, money -> money.amount().toPlainString() + " " + money.currency());
   *   }
   * }
   * }</pre>
   */
  public static final String BUILDER_CUSTOMIZERS = "safejson.builder.customizers";
  /** {@link OversizePolicy}: {@code TRUNCATE} (default) or {@code FAIL}. */
  public static final String OVERSIZE_POLICY = "safejson.oversize.policy";
  /** The class record values are read into, for a {@link SafeJsonDeserializer} made without a type. */
  public static final String VALUE_TYPE = "safejson.value.type";
  /** The class record keys are read into, for a {@link SafeJsonDeserializer} made without a type. */
  public static final String KEY_TYPE = "safejson.key.type";

  /** The record header holding the incidents of a value, as a JSON array of {@code {path, kind, type}}. */
  public static final String INCIDENTS_HEADER = IncidentsHeader.NAME;
  /** The record header holding the incidents of a key, when the key is written by {@link SafeJsonSerializer}. */
  public static final String KEY_INCIDENTS_HEADER = "safejson-key-incidents";
  /** The most bytes an incidents header value holds; incidents past it are counted, not listed. */
  public static final int MAX_INCIDENTS_HEADER_BYTES = IncidentsHeader.MAX_LENGTH;
  /**
   * Bytes of {@code max.request.size} kept free for the record's key and Kafka's record and batch overhead
   * (about 100 bytes); the value and all headers must fit in the rest.
   */
  public static final int RESERVED_BYTES = 1024;

  private SafeJsonKafkaConfig() {}
}
