package io.safejson.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.slf4j.event.KeyValuePair;

/**
 * For any MDC holding well-formed and malformed ids under the default trace keys among ordinary entries, in
 * every format: the line is strictly valid, each promoted id is written once in its field, the MDC dump leaves
 * the promoted entries out, and every other entry, malformed ids included, stays in the dump; a line without
 * well-formed ids is what it was before trace correlation existed.
 */
@StatisticsReport(onFailureOnly = true)
final class TraceCorrelationProperties {
  private static final List<String> TRACE_KEYS = List.of("trace_id", "traceId", "dd.trace_id");
  private static final List<String> SPAN_KEYS = List.of("span_id", "spanId", "dd.span_id");
  private static final Map<TraceFormat, LogCapture> CAPTURES = new EnumMap<>(TraceFormat.class);

  @AfterContainer
  static void closeCaptures() {
    CAPTURES.values().forEach(LogCapture::close);
    CAPTURES.clear();
  }

  @Property(tries = 400)
  void promotedIdsAppearOnceAndEverythingElseStaysInTheMdcDump(
      @ForAll TraceFormat format, @ForAll("mdcs") Map<String, String> mdc) {
    LogCapture capture = CAPTURES.computeIfAbsent(format, f -> LogCapture.configure(f.resource));
    capture.mdc().setContextMap(mdc);
    capture.logger("chat.Api").info("traced");
    capture.mdc().clear();
    List<JsonNode> events = capture.events(); // every line parsed strictly: no duplicate key
    JsonNode line = events.get(events.size() - 1);

    String traceKey = firstWellFormed(mdc, TRACE_KEYS, true);
    String spanKey = firstWellFormed(mdc, SPAN_KEYS, false);
    String flagsKey = traceKey != null && format.flagsField != null && flags(mdc.get("trace_flags")) >= 0
        ? "trace_flags" : null;
    Statistics.label("trace").collect(traceKey == null ? "none" : traceKey);
    Statistics.label("span").collect(spanKey == null ? "none" : spanKey);
    Statistics.label("malformed id left in the dump").collect(!malformedIds(mdc).isEmpty());
    Statistics.label("flags promoted").collect(flagsKey != null);

    boolean userTopLevel = format != TraceFormat.SAFEJSON;
    if (traceKey != null) {
      assertEquals(traceId(traceKey, mdc.get(traceKey)), line.get(format.traceField).asText(), line.toString());
    } else if (!(userTopLevel && mdc.containsKey(format.traceField.substring(format.userPrefix.length())))) {
      assertFalse(line.has(format.traceField), "nothing well-formed, nothing promoted: " + line);
    }
    if (spanKey != null) {
      assertEquals(spanId(spanKey, mdc.get(spanKey)), line.get(format.spanField).asText(), line.toString());
    } else if (!(userTopLevel && mdc.containsKey(format.spanField.substring(format.userPrefix.length())))) {
      assertFalse(line.has(format.spanField), "nothing well-formed, nothing promoted: " + line);
    }
    if (flagsKey != null) {
      int flags = flags(mdc.get(flagsKey));
      assertEquals(format == TraceFormat.GCP ? String.valueOf((flags & 1) == 1) : String.format("%02x", flags),
          line.get(format.flagsField).asText(), line.toString());
    }
    // The dump: the mdc object, or the top level less the promoted fields (collisions rename to mdc_key, _2...).
    Map<String, JsonNode> dump = new LinkedHashMap<>();
    JsonNode area = userTopLevel ? line : line.path("mdc");
    area.fields().forEachRemaining(field -> dump.put(field.getKey(), field.getValue()));
    if (userTopLevel) {
      dump.remove(traceKey != null ? format.traceField : "");
      dump.remove(spanKey != null ? format.spanField : "");
      dump.remove(flagsKey != null ? format.flagsField : "");
    }
    for (Map.Entry<String, String> entry : mdc.entrySet()) {
      String key = entry.getKey();
      boolean promoted = key.equals(traceKey) || key.equals(spanKey) || key.equals(flagsKey);
      boolean kept = dump.entrySet().stream().anyMatch(
          field -> spells(format, field.getKey(), key) && field.getValue().isTextual()
              && field.getValue().asText().equals(entry.getValue()));
      assertEquals(!promoted, kept, key + (promoted ? " promoted, so left out of the dump: " : " stays: ") + line);
    }
    if (format == TraceFormat.SAFEJSON) {
      assertEquals(mdc.size() > countPromoted(traceKey, spanKey, flagsKey), line.has("mdc"), "no empty mdc object");
    }
    if (traceKey != null) {
      String low = traceId(traceKey, mdc.get(traceKey)).substring(16);
      long sameValueKept = mdc.entrySet().stream()
          .filter(e -> !e.getKey().equals(traceKey) && !e.getKey().equals(spanKey)
              && e.getValue().toLowerCase(Locale.ROOT).contains(low))
          .count();
      // A promoted span id can hold the same 16 digits (…0002 and …0002): it is its own field, not a repeat; its
      // source entry is promoted too, so it is counted once, as the span field, and not as a kept MDC value.
      String span = spanKey == null ? null : spanId(spanKey, mdc.get(spanKey));
      long spanAlike = span != null && span.contains(low) ? 1 : 0;
      assertEquals(1 + sameValueKept + spanAlike, occurrences(line, low), "the trace id exactly once: " + line);
    }
    // Every source wins sometimes, nothing wins sometimes; malformed ids and promoted flags both occur.
    Statistics.label("trace").coverage(coverage -> {
      TRACE_KEYS.forEach(key -> coverage.check(key).count(c -> c > 0));
      coverage.check("none").count(c -> c > 0);
    });
    Statistics.label("span").coverage(coverage -> SPAN_KEYS.forEach(key -> coverage.check(key).count(c -> c > 0)));
    Statistics.label("malformed id left in the dump").coverage(coverage -> coverage.check(true).count(c -> c > 0));
    Statistics.label("flags promoted").coverage(coverage -> coverage.check(true).count(c -> c > 0));
  }

  /**
   * Lines with no well-formed id under any trace key (malformed ids, ECS's own {@code trace.id}, names like the
   * trace fields) are byte for byte what they are with correlation off, that is, what they were before it.
   */
  @Property(tries = 300)
  void linesWithoutWellFormedIdsAreByteIdenticalToLinesWithCorrelationOff(
      @ForAll LogFormat format, @ForAll("mdcs") Map<String, String> generated) {
    Map<String, String> mdc = new LinkedHashMap<>(generated);
    mdc.keySet().removeIf(key -> TRACE_KEYS.contains(key) && traceId(key, mdc.get(key)) != null
        || SPAN_KEYS.contains(key) && spanId(key, mdc.get(key)) != null);
    Statistics.label("trace keys left").collect(mdc.keySet().stream().filter(
        key -> TRACE_KEYS.contains(key) || SPAN_KEYS.contains(key)).count() > 0);
    LoggingEvent event = new LoggingEvent();
    event.setLevel(Level.INFO);
    event.setLoggerName("chat.Api");
    event.setThreadName("main");
    event.setMessage("traced");
    event.setTimeStamp(1_764_460_800_123L);
    event.setMDCPropertyMap(mdc);
    event.addKeyValuePair(new KeyValuePair("trace.id", "kv"));
    event.addKeyValuePair(new KeyValuePair("span_id", "kv"));
    String on = new String(encoder(format, true).encode(event), StandardCharsets.UTF_8);
    String off = new String(encoder(format, false).encode(event), StandardCharsets.UTF_8);
    assertEquals(off, on);
    Statistics.label("trace keys left").coverage(coverage -> coverage.check(true).count(c -> c > 0));
  }

  private static final Map<String, SafeJsonEncoder> ENCODERS = new java.util.HashMap<>();

  private static SafeJsonEncoder encoder(LogFormat format, boolean correlation) {
    return ENCODERS.computeIfAbsent(format + "/" + correlation, name -> {
      SafeJsonEncoder encoder = new SafeJsonEncoder();
      encoder.setContext(new LoggerContext());
      encoder.setFormat(format.name());
      encoder.setTraceCorrelation(correlation);
      encoder.start();
      return encoder;
    });
  }

  /**
   * Whether the dump's field {@code name} is the MDC entry {@code key}: the key itself, or renamed after a
   * collision ({@code mdc_key}, {@code mdc_key_2}...), behind the format's user prefix. Exact, so that another
   * entry whose key merely contains this one ({@code dd.trace_id} and {@code trace_id}) is not taken for it.
   */
  private static boolean spells(TraceFormat format, String name, String key) {
    if (!name.startsWith(format.userPrefix)) {
      return false;
    }
    String bare = name.substring(format.userPrefix.length());
    return bare.equals(key) || bare.equals("mdc_" + key) || bare.matches(Pattern.quote("mdc_" + key) + "_[0-9]+");
  }

  @Provide
  Arbitrary<Map<String, String>> mdcs() {
    Arbitrary<String> hex32 = Arbitraries.strings().withChars("0123456789abcdef").ofLength(32);
    Arbitrary<String> hex16 = Arbitraries.strings().withChars("0123456789abcdef").ofLength(16);
    Arbitrary<String> decimal = Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TWO.pow(64).subtract(BigInteger.ONE))
        .map(BigInteger::toString);
    Arbitrary<String> ids = Arbitraries.oneOf(
        hex32, hex16, decimal,
        hex32.map(s -> s.toUpperCase(Locale.ROOT)),
        Arbitraries.of("00000000000000000000000000000000", "0000000000000000", "0", "", "abc", "18446744073709551616",
            "0af76519-16cd-43dd-8448-eb211c80319c", "0af7651916cd43dd8448eb211c80319g"),
        hex32.map(s -> s.substring(1)), hex16.map(s -> s + "0"));
    Arbitrary<String> flagValues = Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofLength(2), Arbitraries.of("1", "001", "zz", ""));
    Arbitrary<String> ordinary = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12).map(s -> "v-" + s);
    List<String> traceKeys = new ArrayList<>(TRACE_KEYS);
    traceKeys.addAll(SPAN_KEYS);
    return Arbitraries.maps(
            Arbitraries.of("trace_id", "traceId", "dd.trace_id", "span_id", "spanId", "dd.span_id", "trace_flags",
                "requestId", "trace.id", "span.id", "mdc_trace_id", "message", "trace_sampled", "user"),
            Arbitraries.just(""))
        .ofMaxSize(10)
        .flatMap(keys -> {
          List<Arbitrary<Map.Entry<String, String>>> entries = new ArrayList<>();
          for (String key : keys.keySet()) {
            Arbitrary<String> value = traceKeys.contains(key) ? ids : key.equals("trace_flags") ? flagValues : ordinary;
            entries.add(value.map(v -> Map.entry(key, v)));
          }
          return net.jqwik.api.Combinators.combine(entries).as(list -> {
            Map<String, String> map = new LinkedHashMap<>();
            list.forEach(e -> map.put(e.getKey(), e.getValue()));
            return map;
          });
        });
  }

  // An oracle written from the rules in the README (regular expressions and BigInteger), not the encoder's code.

  private static String firstWellFormed(Map<String, String> mdc, List<String> keys, boolean trace) {
    for (String key : keys) {
      String value = mdc.get(key);
      if (value != null && (trace ? traceId(key, value) : spanId(key, value)) != null) {
        return key;
      }
    }
    return null;
  }

  private static String traceId(String key, String value) {
    if (value.matches("[0-9a-fA-F]{32}") && !value.matches("0+")) {
      return value.toLowerCase(Locale.ROOT);
    }
    if (key.startsWith("dd.")) {
      String low = decimal(value);
      return low == null ? null : "0".repeat(16) + low;
    }
    if (value.matches("[0-9a-fA-F]{16}") && !value.matches("0+")) {
      return "0".repeat(16) + value.toLowerCase(Locale.ROOT);
    }
    return null;
  }

  private static String spanId(String key, String value) {
    if (key.startsWith("dd.")) {
      return decimal(value);
    }
    return value.matches("[0-9a-fA-F]{16}") && !value.matches("0+") ? value.toLowerCase(Locale.ROOT) : null;
  }

  private static String decimal(String value) {
    if (!value.matches("[0-9]{1,20}")) {
      return null;
    }
    BigInteger id = new BigInteger(value);
    return id.signum() > 0 && id.bitLength() <= 64 ? String.format("%016x", id) : null;
  }

  private static int flags(String value) {
    return value != null && value.matches("[0-9a-fA-F]{2}") ? Integer.parseInt(value, 16) : -1;
  }

  private static List<String> malformedIds(Map<String, String> mdc) {
    List<String> malformed = new ArrayList<>();
    mdc.forEach((key, value) -> {
      if (TRACE_KEYS.contains(key) && traceId(key, value) == null || SPAN_KEYS.contains(key) && spanId(key, value) == null) {
        malformed.add(key);
      }
    });
    return malformed;
  }

  private static int countPromoted(String... keys) {
    int count = 0;
    for (String key : keys) {
      count += key == null ? 0 : 1;
    }
    return count;
  }

  private static int occurrences(JsonNode node, String text) {
    if (node.isTextual()) {
      return node.asText().toLowerCase(Locale.ROOT).contains(text) ? 1 : 0;
    }
    int count = 0;
    for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
      count += occurrences(children.next(), text);
    }
    return count;
  }
}
