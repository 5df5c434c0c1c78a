package io.safejson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.internal.JsonShrinker;
import io.safejson.internal.SafeConfig;
import io.safejson.internal.SafeEngine;
import io.safejson.internal.Strings;
import io.safejson.internal.WriteSession;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns any Java value into valid JSON, never throws, and reports what it had to fix.
 *
 * <p>Datetimes become ISO-8601 strings, UUIDs and paths strings, {@code BigDecimal} a plain-notation string,
 * NaN {@code null}; a cycle, a throwing getter, a too-deep graph or a lone surrogate replaces only the
 * offending value with a short marker and produces an {@link Incident} with its JSON path. The output is
 * always RFC 8259 JSON in valid UTF-8 with no duplicate keys.
 *
 * <pre>{@code
 * SafeSerializer json = SafeSerializer.builder()
 *     .largeIntegers(LargeIntegerStyle.STRING_WHEN_UNSAFE)
 *     .redact("password", "token")
 *     .onIncident(incident -> log.warn("JSON fixed: {}", incident))
 *     .build();
 * String text = json.toJson(Map.of("at", Instant.now(), "id", UUID.randomUUID()));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; build one per configuration and share it. Building is
 * comparatively expensive (it configures a Jackson mapper), serializing is not.
 */
public final class SafeSerializer {
  /** Default {@link Builder#maxDepth(int)}: nested arrays and objects. */
  public static final int DEFAULT_MAX_DEPTH = 100;
  /** Default {@link Builder#maxStringLength(int)}, in chars. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 1_000_000;
  /** Default {@link Builder#maxValues(int)} per document. */
  public static final int DEFAULT_MAX_VALUES = 1_000_000;
  /** Default {@link Builder#maxItems(int)} per array or object. */
  public static final int DEFAULT_MAX_ITEMS = 10_000;
  /** Default {@link Builder#maxInputLength(long)} accepted by {@link #fromJson}, in chars. */
  public static final long DEFAULT_MAX_INPUT_LENGTH = 16L * 1024 * 1024;

  private static final SafeSerializer DEFAULTS = new Builder(SafeConfig.DEFAULTS).build();

  /** The settings: the only copy, read by the getters, {@link #toBuilder()} and the builder's toString. */
  private final SafeConfig config;
  private final SafeEngine engine;

  private SafeSerializer(SafeConfig config) {
    this.config = config;
    this.engine = new SafeEngine(config);
  }

  /** Returns the shared serializer with every option at its default. */
  public static SafeSerializer defaults() {
    return DEFAULTS;
  }

  /** Returns a builder with every option at its default. */
  public static Builder builder() {
    return new Builder(SafeConfig.DEFAULTS);
  }

  /** Returns a builder holding this serializer's settings, to derive a variant. */
  public Builder toBuilder() {
    return new Builder(config);
  }

  /** Returns the nesting depth this serializer allows ({@link Builder#maxDepth(int)}). */
  public int maxDepth() {
    return config.maxDepth();
  }

  /** Returns the chars kept of a string or key ({@link Builder#maxStringLength(int)}). */
  public int maxStringLength() {
    return config.maxStringLength();
  }

  /** Returns the items kept per array or object ({@link Builder#maxItems(int)}). */
  public int maxItems() {
    return config.maxItems();
  }

  /** Returns the values allowed per document ({@link Builder#maxValues(int)}). */
  public int maxValues() {
    return config.maxValues();
  }

  /** Serializes {@code value} to a JSON string; never throws. */
  public String toJson(Object value) {
    return engine.toText(value, null);
  }

  /** Serializes {@code value} to UTF-8 JSON bytes; never throws. */
  public byte[] toJsonBytes(Object value) {
    return engine.toBytes(value, null);
  }

  /**
   * Serializes {@code value} to UTF-8 JSON of at most {@code maxBytes} bytes, cutting it when it is larger;
   * never throws.
   *
   * <pre>{@code
   * BoundedJson message = serializer.toJsonBytesWithin(event, 1_048_576);
   * channel.send(message.json()); // the bytes of toJsonBytes(event) when they fit
   * }</pre>
   *
   * <p>A document that fits is the bytes of {@link #toJsonBytes}. A larger one is read back as a tree and
   * written again with smaller limits until it fits (so getters run and iterators are consumed once, and
   * numbers stay exact): first {@code maxStringLength} alone, since cutting strings keeps every item, then
   * also {@code maxItems} and {@code maxValues}, never above this serializer's own. The result then starts
   * with a {@code TRUNCATED} incident at {@code $}, followed by the first pass's incidents and each cut's.
   * When no cut fits, the document is {@code "[TRUNCATED]"} (13 bytes, even when {@code maxBytes} is smaller).
   * The {@link Builder#onIncident} listener hears the first pass only.
   */
  public BoundedJson toJsonBytesWithin(Object value, long maxBytes) {
    return JsonShrinker.fit(this, engine, value, maxBytes, false, 0);
  }

  /**
   * Like {@link #toJsonBytesWithin(Object, long)}, with {@code maxBytes} also holding the
   * {@link IncidentsHeader} sent next to the JSON whenever anything was fixed: its value's length plus
   * {@code headerOverhead} bytes that the transport spends on it (its name, separators).
   *
   * <pre>{@code
   * // Kafka: a header costs its key, its value and up to 10 bytes of lengths
   * BoundedJson value = serializer.toJsonBytesWithin(order, room, IncidentsHeader.NAME.length() + 10);
   * if (value.incidentsHeader() != null) {
   *   headers.add(IncidentsHeader.NAME, value.incidentsHeader().getBytes(StandardCharsets.US_ASCII));
   * }
   * }</pre>
   *
   * <p>The header is left out ({@link BoundedJson#incidentsHeader()} {@code null}) only when the placeholder
   * fits and the placeholder with its header does not.
   *
   * @throws IllegalArgumentException if {@code headerOverhead} is negative
   */
  public BoundedJson toJsonBytesWithin(Object value, long maxBytes, int headerOverhead) {
    if (headerOverhead < 0) {
      throw new IllegalArgumentException("headerOverhead must not be negative: " + headerOverhead);
    }
    return JsonShrinker.fit(this, engine, value, maxBytes, true, headerOverhead);
  }

  /**
   * Writes {@code value} as UTF-8 JSON to {@code out}; the document is built completely before the first
   * byte is written, so a failing stream never receives half a document from a failing value.
   *
   * @throws IOException only when {@code out} itself fails
   */
  public void writeJson(Object value, OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    out.write(engine.toBytes(value, null));
  }

  /**
   * Writes {@code value} into an open Jackson generator (for encoders that assemble a larger document);
   * incidents go to {@link Builder#onIncident(Consumer)}.
   *
   * @throws IOException only when the generator's output fails
   */
  public void writeTo(JsonGenerator generator, Object value) throws IOException {
    engine.write(value, Objects.requireNonNull(generator, "generator"));
  }

  /**
   * Returns a writer of values into {@code generator} that keeps its per-call state between values, for
   * code writing many values into one stream it manages (a log encoder writing every event's key-values):
   * common values then allocate nothing. Same output and incidents as {@link #writeTo}.
   *
   * <pre>{@code
   * SafeSerializer.GeneratorWriter values = serializer.writerFor(generator);
   * generator.writeStartObject();
   * generator.writeFieldName("state");
   * values.write(ConnectionState.OPEN);
   * generator.writeEndObject();
   * }</pre>
   */
  public GeneratorWriter writerFor(JsonGenerator generator) {
    return new GeneratorWriter(engine, Objects.requireNonNull(generator, "generator"), null);
  }

  /**
   * Like {@link #writerFor(JsonGenerator)}, also handing every incident of this writer's values to
   * {@code onIncident}, after the serializer's own {@link Builder#onIncident(Consumer)}; lets the caller
   * react to what was fixed in its own document (a log line marking itself truncated).
   */
  public GeneratorWriter writerFor(JsonGenerator generator, Consumer<Incident> onIncident) {
    return new GeneratorWriter(
        engine,
        Objects.requireNonNull(generator, "generator"),
        Objects.requireNonNull(onIncident, "onIncident"));
  }

  /**
   * Writes values into one Jackson generator with a serializer's rules; made by {@link #writerFor}.
   * Not thread-safe: use it where the generator is used, one value at a time.
   */
  public static final class GeneratorWriter {
    private final SafeEngine engine;
    private final WriteSession session;

    GeneratorWriter(SafeEngine engine, JsonGenerator generator, Consumer<Incident> onIncident) {
      this.engine = engine;
      this.session = engine.newSession(generator, onIncident);
    }

    /**
     * Writes {@code value} at the generator's current position.
     *
     * @throws IOException only when the generator's output fails
     */
    public void write(Object value) throws IOException {
      engine.write(value, session);
    }
  }

  /** Serializes {@code value} and returns the JSON with every incident; never throws. */
  public SafeResult serialize(Object value) {
    List<Incident> incidents = new ArrayList<>(0);
    String json = engine.toText(value, incidents);
    return new SafeResult(json, incidents);
  }

  /**
   * Serializes {@code value}, failing when anything had to be fixed.
   *
   * @throws UnsafeValueException listing every incident, when there is at least one
   */
  public String toJsonStrict(Object value) {
    SafeResult result = serialize(value);
    if (!result.incidents().isEmpty()) {
      throw new UnsafeValueException(result.incidents(), result.json());
    }
    return result.json();
  }

  /**
   * Returns {@code value} as plain {@code Map}/{@code List}/{@code String}/{@code Number}/{@code Boolean}/
   * {@code null}, equal to what Jackson's parser returns for {@link #toJson(Object)}: objects as
   * {@code LinkedHashMap}, arrays as {@code ArrayList}, integers as {@code Integer}, {@code Long} or
   * {@code BigInteger}, other numbers as {@code Double}.
   */
  public Object toJsonValue(Object value) {
    return engine.toJsonValue(value);
  }

  /**
   * Reads JSON produced by this serializer (or any JSON) into {@code type} with a hardened reader: no
   * polymorphic typing, depth, string and input length limits, duplicate keys and trailing tokens
   * rejected, unknown properties ignored.
   *
   * @throws JsonReadException naming the JSON path, for malformed, oversized or mismatched input
   */
  public <T> T fromJson(String json, Class<T> type) {
    return engine.fromJson(json, type);
  }

  /**
   * Reads UTF-8 JSON bytes (a Kafka record, a NATS message, a binary WebSocket frame) as {@link #fromJson(String,
   * Class)} reads text; bytes that are not well-formed UTF-8 are refused, never replaced.
   *
   * @throws JsonReadException naming the JSON path, for malformed, oversized or mismatched input; for bytes that
   *     are not UTF-8 the path is {@code $} and the message names the first bad byte ("not valid UTF-8 at byte 3")
   */
  public <T> T fromJson(byte[] json, Class<T> type) {
    if (json == null) {
      return engine.fromJson(null, type); // refused as the null String is
    }
    String text = Strings.decodeUtf8(json);
    if (text == null) {
      throw new JsonReadException("$", "not valid UTF-8 at byte " + Strings.malformedUtf8At(json), null);
    }
    return engine.fromJson(text, type);
  }

  /**
   * Returns a new Jackson mapper that writes every value through this serializer's rules and reads with its
   * hardened reader, for frameworks that want an {@link ObjectMapper} (Spring message converters, JAX-RS).
   */
  public ObjectMapper objectMapper() {
    return engine.objectMapper();
  }

  /**
   * Builds {@link SafeSerializer} instances. Not thread-safe; every setter validates its argument and
   * returns this builder.
   */
  public static final class Builder {
    /** The settings so far; each setter replaces it with a changed copy. */
    private SafeConfig config;

    Builder(SafeConfig config) {
      this.config = config;
    }

    /** How enums are written (default {@link EnumStyle#NAME}); {@code @JsonValue} always wins. */
    public Builder enumStyle(EnumStyle style) {
      config = config.withEnumStyle(Objects.requireNonNull(style, "enumStyle"));
      return this;
    }

    /** How {@code BigDecimal} is written (default {@link DecimalStyle#STRING}). */
    public Builder decimalStyle(DecimalStyle style) {
      config = config.withDecimalStyle(Objects.requireNonNull(style, "decimalStyle"));
      return this;
    }

    /** How {@code long} and {@code BigInteger} are written (default {@link LargeIntegerStyle#NUMBER}). */
    public Builder largeIntegers(LargeIntegerStyle style) {
      config = config.withLargeIntegers(Objects.requireNonNull(style, "largeIntegers"));
      return this;
    }

    /**
     * Converts {@code OffsetDateTime} and {@code ZonedDateTime} values to this zone before writing them
     * (same instant, that zone's offset); {@code null}, the default, keeps each value's own offset.
     */
    public Builder zone(ZoneId zone) {
      config = config.withZone(zone);
      return this;
    }

    /**
     * Containers nested deeper than this become {@code "[MAX_DEPTH]"}; 1 to 500, default 100. Written into a
     * caller's generator that is already nested ({@link #writeTo}, {@link #writerFor}), the whole document also
     * stops at 500 levels, Jackson 3's default reading limit ({@link Incident.Kind#READER_LIMIT}).
     */
    public Builder maxDepth(int maxDepth) {
      config = config.withMaxDepth(maxDepth);
      return this;
    }

    /**
     * Strings and keys longer than this many chars are cut; at least 16, default 1,000,000. Whatever the
     * setting, strings stay within 20,000,000 chars and keys within 50,000 (the default limits of Jackson 2
     * and 3), cut with a {@link Incident.Kind#READER_LIMIT} incident.
     */
    public Builder maxStringLength(int maxStringLength) {
      config = config.withMaxStringLength(maxStringLength);
      return this;
    }

    /** Arrays and objects keep at most this many items; positive, default 10,000. */
    public Builder maxItems(int maxItems) {
      config = config.withMaxItems(maxItems);
      return this;
    }

    /**
     * Values (strings, numbers, arrays, objects...) written per document at most; the first value past the
     * limit becomes {@code "[TRUNCATED]"} and every open array and object closes there. Positive, default
     * 1,000,000. It bounds the output of a graph that shares a sub-value many times (a list holding the
     * same list twice, nested 40 deep, would expand to 2^40 values).
     */
    public Builder maxValues(int maxValues) {
      config = config.withMaxValues(maxValues);
      return this;
    }

    /** {@link SafeSerializer#fromJson} rejects longer input; positive, default 16 Mi chars. */
    public Builder maxInputLength(long maxInputLength) {
      config = config.withMaxInputLength(maxInputLength);
      return this;
    }

    /**
     * Adds key names (case-insensitive) whose values are written as {@code "[REDACTED]"} wherever they
     * appear: map keys and bean properties, at any depth.
     */
    public Builder redact(String... keys) {
      for (String key : Objects.requireNonNull(keys, "keys")) {
        if (key == null || key.isBlank()) {
          throw new IllegalArgumentException("redact keys must not be null or blank: " + key);
        }
        config = config.withRedactKeys(List.of(key.trim()));
      }
      return this;
    }

    /** Sorts the keys of every object at every level, so equal inputs give identical bytes. */
    public Builder sortKeys(boolean sortKeys) {
      config = config.withSortKeys(sortKeys);
      return this;
    }

    /**
     * Escapes {@code < > & '} and U+2028/U+2029 as {@code \\uXXXX}, so output can sit inside an HTML
     * {@code <script>} element.
     */
    public Builder htmlSafe(boolean htmlSafe) {
      config = config.withHtmlSafe(htmlSafe);
      return this;
    }

    /**
     * Receives every incident as it happens, on the serializing thread; a listener that throws is
     * ignored. Use it to log or count fixes in production.
     */
    public Builder onIncident(Consumer<Incident> listener) {
      config = config.withOnIncident(listener);
      return this;
    }

    /**
     * Adds a custom type hook: values of {@code type} or a subtype are replaced by {@code converter}'s
     * result, which is then written by the same rules. Hooks are tried in the order added, before the
     * built-in table; a hook that throws gives a FAILED incident.
     *
     * <pre>{@code
     * builder.addConverter(Money.class, money -> money.amount().toPlainString() + " " + money.currency());
     * }</pre>
     */
    public <T> Builder addConverter(Class<T> type, Function<? super T, ?> converter) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(converter, "converter");
      @SuppressWarnings("unchecked")
      Function<Object, ?> untyped = (Function<Object, ?>) converter;
      config = config.withConverter(new SafeConfig.Converter(type, untyped));
      return this;
    }

    /**
     * Adds a Jackson module (Kotlin, Guava, your own serializers...). Its serializers are used for types
     * outside the normalization table, and their output is checked like everything else.
     */
    public Builder addModule(Module module) {
      config = config.withModule(Objects.requireNonNull(module, "module"));
      return this;
    }

    /** Builds an immutable serializer from the current settings. */
    public SafeSerializer build() {
      return new SafeSerializer(config);
    }

    /** Lists every setting, derived from the settings themselves so none can be left out. */
    @Override
    public String toString() {
      return config.describe("SafeSerializer.Builder");
    }
  }
}
