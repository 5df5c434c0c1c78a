package io.safejson.logging;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.slf4j.event.KeyValuePair;

/** For any message, key-values and MDC, every format writes one strictly valid line with no secret in it. */
@StatisticsReport(onFailureOnly = true)
final class SafeJsonEncoderProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "SECRET-VALUE";
  private static final Map<LogFormat, List<String>> REQUIRED =
      Map.of(
          LogFormat.SAFEJSON, List.of("ts", "level", "logger", "msg"),
          LogFormat.ECS, List.of("@timestamp", "log.level", "ecs.version", "message"),
          LogFormat.GCP, List.of("severity", "time", "message"),
          LogFormat.LOGSTASH, List.of("@timestamp", "@version", "message", "level", "level_value"),
          LogFormat.GELF, List.of("version", "host", "short_message", "timestamp", "level"));
  private static final Map<LogFormat, SafeJsonEncoder> ENCODERS = new EnumMap<>(LogFormat.class);

  static {
    for (LogFormat format : LogFormat.values()) {
      SafeJsonEncoder encoder = new SafeJsonEncoder();
      encoder.setContext(new LoggerContext());
      encoder.setFormat(format.name().toLowerCase(java.util.Locale.ROOT));
      encoder.setMaxEventBytes(32 * 1024); // small, so the size fallbacks are exercised too
      encoder.start();
      ENCODERS.put(format, encoder);
    }
  }

  @Property(tries = 300)
  void everyFormatWritesOneValidLineWithItsRequiredFieldsAndNoSecret(
      @ForAll LogFormat format,
      @ForAll("messages") String message,
      @ForAll("keyValues") List<Tuple.Tuple2<String, Object>> keyValues,
      @ForAll("mdcs") Map<String, String> mdc) {
    LoggingEvent event = new LoggingEvent();
    event.setLevel(Level.WARN);
    event.setLoggerName("prop");
    event.setThreadName("main");
    event.setMessage(message);
    event.setTimeStamp(System.currentTimeMillis());
    event.setMDCPropertyMap(mdc);
    for (Tuple.Tuple2<String, Object> pair : keyValues) {
      Object value = pair.get2() instanceof Lazy lazy ? lazy.make().get() : pair.get2();
      event.addKeyValuePair(new KeyValuePair(pair.get1(), value));
      Statistics.label("value").collect(pair.get2() instanceof Lazy lazy ? lazy.name() : kind(value));
    }
    Statistics.label("message").collect(message.length() > 40_000 ? "huge" : kind(message));

    byte[] bytes = ENCODERS.get(format).encode(event);
    String line = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(line.endsWith("\n"));
    assertEquals(line.length() - 1, line.indexOf('\n'), "exactly one line");
    assertTrue(bytes.length <= 32 * 1024, "under maxEventBytes: " + bytes.length);
    assertValidJson(line.substring(0, line.length() - 1));
    assertFalse(line.contains(SECRET), line);
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    for (String field : REQUIRED.get(format)) {
      assertTrue(node.has(field), format + " line lacks " + field + ": " + line);
    }
  }

  /**
   * A hostile value made only inside the property: jqwik hashes and prints samples, and a cycle or a
   * throwing toString() would break jqwik itself rather than the encoder.
   */
  record Lazy(String name, java.util.function.Supplier<Object> make) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static String kind(Object value) {
    if (value instanceof String text) {
      for (int i = 0; i < text.length(); i++) {
        if (Character.isSurrogate(text.charAt(i))) {
          return "surrogate";
        }
      }
      return text.length() > 40_000 ? "huge" : "string";
    }
    return value == null ? "null" : value.getClass().getSimpleName();
  }

  @Provide
  Arbitrary<String> messages() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(60),
        Arbitraries.strings().withCharRange('\uD800', '\uDFFF').ofMinLength(1).ofMaxLength(4),
        Arbitraries.strings().withChars('\n', '\r', '\t', '"', '\\', '\u0000', '\u2028').ofMaxLength(20),
        Arbitraries.integers().between(40_001, 200_000).map("m"::repeat));
  }

  @Provide
  Arbitrary<List<Tuple.Tuple2<String, Object>>> keyValues() {
    Arbitrary<String> keys = keys();
    Arbitrary<Object> values =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
            Arbitraries.strings().withCharRange('\uD800', '\uDFFF').ofMinLength(1).ofMaxLength(3).map(s -> (Object) s),
            Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, 1.5, 42L, new BigDecimal("0.0150")),
            Arbitraries.of(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), Instant.EPOCH, Level.INFO),
            Arbitraries.of(
                new Lazy("throwing toString", HostileValues.ThrowingToString::new),
                new Lazy("cyclic list", HostileValues::cyclicList),
                new Lazy("cyclic map", HostileValues::cyclicMap),
                new Lazy("throwing getter", HostileValues.ThrowingGetter::new)),
            Arbitraries.just(Map.of("token", SECRET, "nested", Map.of("password", SECRET)))
                .map(m -> (Object) m),
            Arbitraries.integers().between(40_001, 100_000).map(n -> (Object) "v".repeat(n)));
    return Combinators.combine(keys, values)
        .as((key, value) -> Tuple.of(key, isSecretKey(key) ? (Object) SECRET : value))
        .list()
        .ofMaxSize(6);
  }

  @Provide
  Arbitrary<Map<String, String>> mdcs() {
    Arbitrary<String> values = Arbitraries.strings().ofMaxLength(30);
    return Arbitraries.maps(keys(), values)
        .ofMaxSize(6)
        .map(map -> {
          Map<String, String> withSecrets = new java.util.HashMap<>();
          map.forEach((k, v) -> withSecrets.put(k, isSecretKey(k) ? SECRET : v));
          return withSecrets;
        });
  }

  private static Arbitrary<String> keys() {
    return Arbitraries.oneOf(
        Arbitraries.of("message", "level", "log.level", "@timestamp", "msg", "ts", "severity", "id", "host",
            "short_message", "truncated", "kv_message", "stack_trace"),
        Arbitraries.of("password", "token", "Authorization", "api_key", "cookie", "session"),
        Arbitraries.strings().ofMaxLength(12));
  }

  private static boolean isSecretKey(String key) {
    return io.safejson.logging.internal.SecretKeys.DEFAULTS.contains(key.toLowerCase(java.util.Locale.ROOT));
  }
}
