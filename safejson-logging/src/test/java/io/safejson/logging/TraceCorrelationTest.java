package io.safejson.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trace and span ids in the MDC, under OpenTelemetry's, Micrometer Tracing's and Datadog's keys, reach the
 * field each backend reads, through real Logback XML; malformed ones stay in the MDC dump.
 */
final class TraceCorrelationTest {
  private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String SPAN = "b7ad6b7169203331";
  private static final String DD_TRACE = "1234567890123456789";
  private static final String DD_SPAN = "987654321";

  /** A tracer's MDC keys and values, and the ids a backend must see. */
  enum Source {
    OPEN_TELEMETRY("trace_id", "span_id", TRACE, SPAN, TRACE, SPAN),
    MICROMETER("traceId", "spanId", TRACE, SPAN, TRACE, SPAN),
    // Datadog's decimal ids, in hex as W3C and OpenTelemetry write them (BigInteger: independent of the encoder).
    DATADOG("dd.trace_id", "dd.span_id", DD_TRACE, DD_SPAN, String.format("%032x", new BigInteger(DD_TRACE)),
        String.format("%016x", new BigInteger(DD_SPAN)));

    final String traceKey;
    final String spanKey;
    final String traceValue;
    final String spanValue;
    final String expectedTrace;
    final String expectedSpan;

    Source(String traceKey, String spanKey, String traceValue, String spanValue, String expectedTrace,
        String expectedSpan) {
      this.traceKey = traceKey;
      this.spanKey = spanKey;
      this.traceValue = traceValue;
      this.spanValue = spanValue;
      this.expectedTrace = expectedTrace;
      this.expectedSpan = expectedSpan;
    }
  }

  static Stream<Arguments> formatsAndSources() {
    List<Arguments> all = new ArrayList<>();
    for (TraceFormat format : TraceFormat.values()) {
      for (Source source : Source.values()) {
        all.add(Arguments.of(format, source));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("formatsAndSources")
  void eachTracersIdsArePromotedToTheFormatsFieldsAndLeftOutOfTheMdcDump(TraceFormat format, Source source) {
    JsonNode line = log(format.resource, Map.of(source.traceKey, source.traceValue, source.spanKey,
        source.spanValue, "requestId", "r-1"));
    assertEquals(source.expectedTrace, line.get(format.traceField).asText(), line.toString());
    assertEquals(source.expectedSpan, line.get(format.spanField).asText(), line.toString());
    assertEquals("r-1", format.dumped(line, "requestId").asText(), "other MDC entries stay: " + line);
    for (String key : List.of(source.traceKey, source.spanKey)) {
      String dumpName = format.userPrefix + key;
      if (!dumpName.equals(format.traceField) && !dumpName.equals(format.spanField)) {
        assertNull(format.dumped(line, key), key + " is not repeated in the MDC dump: " + line);
      }
      assertNull(format.renamedInDump(line, key), key + " is not renamed into the dump either: " + line);
    }
    assertEquals(1, occurrences(line, source.expectedTrace.substring(16)), "the trace id once: " + line);
  }

  static Stream<Arguments> malformedIds() {
    List<Arguments> all = new ArrayList<>();
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("too short", "trace_id=0af7651916cd43dd8448eb211c8031|span_id=b7ad6b71692033");
    cases.put("too long", "trace_id=0af7651916cd43dd8448eb211c80319c0|span_id=b7ad6b71692033310");
    cases.put("not hex", "trace_id=0af7651916cd43dd8448eb211c80319g|span_id=b7ad6b716920333x");
    cases.put("all zero", "trace_id=00000000000000000000000000000000|span_id=0000000000000000");
    cases.put("a UUID", "traceId=0af76519-16cd-43dd-8448-eb211c80319c|spanId=b7ad-6b71-6920-33");
    cases.put("decimal under OpenTelemetry's key", "trace_id=1234567890123456789|span_id=987654321");
    cases.put("Datadog not decimal", "dd.trace_id=abc|dd.span_id=-987654321");
    cases.put("Datadog past 64 bits", "dd.trace_id=18446744073709551616|dd.span_id=99999999999999999999");
    cases.put("Datadog zero", "dd.trace_id=0|dd.span_id=00");
    cases.put("empty", "trace_id=|span_id=");
    for (TraceFormat format : TraceFormat.values()) {
      cases.forEach((name, mdc) -> all.add(Arguments.of(format, name, mdc)));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("malformedIds")
  void malformedIdsStayInTheMdcDumpAndAreNotPromoted(TraceFormat format, String name, String entries) {
    Map<String, String> mdc = new LinkedHashMap<>();
    for (String entry : entries.split("\\|")) {
      String[] keyValue = entry.split("=", -1);
      mdc.put(keyValue[0], keyValue[1]);
    }
    JsonNode line = log(format.resource, mdc);
    mdc.forEach((key, value) -> {
      JsonNode dumped = format.dumped(line, key);
      assertNotNull(dumped, key + " stays in the MDC dump: " + line);
      assertEquals(value, dumped.asText(), line.toString());
      if (!(format.userPrefix + key).equals(format.traceField) && !(format.userPrefix + key).equals(format.spanField)) {
        assertFalse(line.has(format.traceField), "no trace promoted: " + line);
        assertFalse(line.has(format.spanField), "no span promoted: " + line);
      }
    });
  }

  @Test
  void gcpWritesTheBareTraceIdWithoutAProjectAndTheSampledBitFromTheTraceFlags() {
    JsonNode line = log("logback-trace-gcp.xml", Map.of("trace_id", TRACE, "span_id", SPAN, "trace_flags", "01"));
    assertEquals(TRACE, line.get("logging.googleapis.com/trace").asText());
    assertEquals(SPAN, line.get("logging.googleapis.com/spanId").asText());
    assertTrue(line.get("logging.googleapis.com/trace_sampled").isBoolean(), line.toString());
    assertTrue(line.get("logging.googleapis.com/trace_sampled").asBoolean());
    assertFalse(line.has("trace_id") || line.has("span_id") || line.has("trace_flags"), "not repeated: " + line);
  }

  @Test
  void gcpWritesTheTraceAsAResourceNameWhenAProjectIsConfigured() {
    // logback-gcp.xml: <gcpProjectId>my-project</gcpProjectId> and <traceIdMdcKey>traceId</traceIdMdcKey>.
    JsonNode line = log("logback-gcp.xml", Map.of("traceId", TRACE, "span_id", SPAN, "trace_flags", "00"));
    assertEquals("projects/my-project/traces/" + TRACE, line.get("logging.googleapis.com/trace").asText());
    assertEquals(SPAN, line.get("logging.googleapis.com/spanId").asText());
    assertFalse(line.get("logging.googleapis.com/trace_sampled").asBoolean(), "flags 00: not sampled");
    assertFalse(line.has("traceId") || line.has("span_id") || line.has("trace_flags"), "not repeated: " + line);
  }

  @ParameterizedTest
  @EnumSource(names = {"SAFEJSON", "GCP"})
  void traceFlagsArePromotedOnlyWellFormedAndOnlyWithATraceId(TraceFormat format) {
    JsonNode sampled = log(format.resource, Map.of("trace_id", TRACE, "trace_flags", "03"));
    if (format == TraceFormat.SAFEJSON) {
      assertEquals("03", sampled.get("trace_flags").asText(), "OpenTelemetry's W3C hex, as given");
      assertFalse(sampled.has("mdc"), "every MDC entry was promoted, so no empty mdc object: " + sampled);
    } else {
      assertTrue(sampled.get(format.flagsField).asBoolean(), "bit 0 of 03 is set");
    }
    JsonNode malformed = log(format.resource, Map.of("trace_id", TRACE, "trace_flags", "1"));
    assertFalse(malformed.has(format.flagsField), malformed.toString());
    assertEquals("1", format.dumped(malformed, "trace_flags").asText());
    JsonNode withoutTrace = log(format.resource, Map.of("span_id", SPAN, "trace_flags", "01"));
    assertFalse(withoutTrace.has(format.flagsField), "flags without a trace id mean nothing: " + withoutTrace);
    assertEquals("01", format.dumped(withoutTrace, "trace_flags").asText());
    assertEquals(SPAN, withoutTrace.get(format.spanField).asText(), "a span id alone is still promoted");
  }

  @ParameterizedTest
  @EnumSource(names = {"ECS", "LOGSTASH", "GELF"})
  void formatsWithoutAFlagsFieldLeaveTheTraceFlagsInTheDump(TraceFormat format) {
    JsonNode line = log(format.resource, Map.of("trace_id", TRACE, "trace_flags", "01"));
    assertEquals(TRACE, line.get(format.traceField).asText());
    assertEquals("01", format.dumped(line, "trace_flags").asText(), line.toString());
  }

  @Test
  void upperCaseHexIsWrittenLowerCaseAndA64BitTraceIdIsLeftPadded() {
    JsonNode upper = log("logback-ecs.xml", Map.of("trace_id", TRACE.toUpperCase(), "span_id", SPAN.toUpperCase()));
    assertEquals(TRACE, upper.get("trace.id").asText());
    assertEquals(SPAN, upper.get("span.id").asText());
    JsonNode brave = log("logback-ecs.xml", Map.of("traceId", "463ac35c9f6413ad"));
    assertEquals("0000000000000000463ac35c9f6413ad", brave.get("trace.id").asText(), "B3's 64-bit trace id");
    JsonNode datadog128 = log("logback-ecs.xml", Map.of("dd.trace_id", TRACE));
    assertEquals(TRACE, datadog128.get("trace.id").asText(), "Datadog's 128-bit ids are logged as hex");
    JsonNode datadogMax = log("logback-ecs.xml", Map.of("dd.span_id", "18446744073709551615"));
    assertEquals("ffffffffffffffff", datadogMax.get("span.id").asText(), "2^64 - 1, the largest 64-bit id");
  }

  @Test
  void theFirstConfiguredKeyHoldingAWellFormedIdWins() {
    String other = "4bf92f3577b34da6a3ce929d0e0e4736";
    JsonNode both = log("logback-logstash.xml", Map.of("traceId", other, "trace_id", TRACE, "dd.trace_id", DD_TRACE));
    assertEquals(TRACE, both.get("trace_id").asText(), "OpenTelemetry's key comes first by default");
    assertEquals(other, both.get("traceId").asText(), "the loser stays in the dump");
    assertEquals(DD_TRACE, both.get("dd.trace_id").asText());
    JsonNode firstMalformed = log("logback-logstash.xml", Map.of("trace_id", "abc", "traceId", other));
    assertEquals(other, firstMalformed.get("trace_id").asText(), "the malformed first key is passed over");
    assertEquals("abc", firstMalformed.get("mdc_trace_id").asText(), "and renamed, its name being taken");
    JsonNode singularFirst = log("logback-gcp.xml", Map.of("trace_id", TRACE, "traceId", other));
    assertEquals("projects/my-project/traces/" + other, singularFirst.get("logging.googleapis.com/trace").asText(),
        "<traceIdMdcKey>traceId</traceIdMdcKey> is read before the list");
    assertEquals(TRACE, singularFirst.get("trace_id").asText());
  }

  @Test
  void configuredKeyListsReplaceTheDefaultsAfterTheSingularKey() {
    JsonNode defaults = log("logback-trace-keys.xml", Map.of("trace_id", TRACE, "span_id", SPAN));
    assertFalse(defaults.has("trace.id") || defaults.has("span.id"), "trace_id is no longer listed: " + defaults);
    assertEquals(TRACE, defaults.get("trace_id").asText());
    JsonNode listed = log("logback-trace-keys.xml", Map.of("x-b3-traceid", TRACE, "x-b3-spanid", SPAN));
    assertEquals(TRACE, listed.get("trace.id").asText());
    assertEquals(SPAN, listed.get("span.id").asText());
    assertFalse(listed.has("x-b3-traceid") || listed.has("x-b3-spanid"), listed.toString());
    String other = "4bf92f3577b34da6a3ce929d0e0e4736";
    JsonNode singular = log("logback-trace-keys.xml", Map.of("x-b3-traceid", TRACE, "X-Trace", other));
    assertEquals(other, singular.get("trace.id").asText(), "<traceIdMdcKey> comes first");
    JsonNode datadog = log("logback-trace-keys.xml", Map.of("dd.trace_id", DD_TRACE));
    assertEquals(String.format("%032x", new BigInteger(DD_TRACE)), datadog.get("trace.id").asText(),
        "a listed dd. key is read as Datadog's decimal");
  }

  @Test
  void aUserKeyNamedLikeAPromotedFieldTakesItsPrefixedNameOnlyOnLinesThatPromote() {
    try (LogCapture capture = LogCapture.configure("logback-ecs.xml")) {
      capture.mdc().put("trace.id", "apm-1"); // Elastic's APM agent writes the ECS name into the MDC itself
      capture.logger("c").atInfo().addKeyValue("span.id", "kv-span").log("without ours");
      capture.mdc().put("trace_id", TRACE);
      capture.mdc().put("span_id", SPAN);
      capture.logger("c").atInfo().addKeyValue("span.id", "kv-span").log("with ours");
      capture.mdc().clear();
      List<JsonNode> lines = capture.events(); // strict: no duplicate key
      assertEquals("apm-1", lines.get(0).get("trace.id").asText(), "passes through as before");
      assertEquals("kv-span", lines.get(0).get("span.id").asText());
      assertEquals(TRACE, lines.get(1).get("trace.id").asText());
      assertEquals(SPAN, lines.get(1).get("span.id").asText());
      assertEquals("apm-1", lines.get(1).get("mdc_trace.id").asText());
      assertEquals("kv-span", lines.get(1).get("kv_span.id").asText());
    }
  }

  @Test
  void aTraceFieldExcludedByConfigurationLeavesItsMdcEntryInTheDump() {
    JsonNode line = log("logback-trace-excluded.xml", Map.of("trace_id", TRACE, "span_id", SPAN));
    assertFalse(line.has("trace.id"));
    assertEquals(TRACE, line.get("trace_id").asText(), "never lost");
    assertEquals(SPAN, line.get("span.id").asText());
    assertFalse(line.has("span_id"));
  }

  @Test
  void aRedactedKeyIsNeverPromoted() {
    JsonNode line = log("logback-trace-redacted.xml", Map.of("trace_id", TRACE, "span_id", SPAN));
    assertFalse(line.has("trace.id"), line.toString());
    assertEquals("[REDACTED]", line.get("trace_id").asText());
    assertFalse(line.toString().contains(TRACE), "the value shows nowhere: " + line);
    assertEquals(SPAN, line.get("span.id").asText());
  }

  @Test
  void traceCorrelationOffLeavesEveryMdcEntryInTheDump() {
    Map<String, String> mdc = Map.of("trace_id", TRACE, "span_id", SPAN, "trace_flags", "01", "dd.trace_id", DD_TRACE);
    JsonNode line = log("logback-trace-off.xml", mdc);
    mdc.forEach((key, value) -> assertEquals(value, line.get(key).asText(), line.toString()));
    assertFalse(line.has("logging.googleapis.com/trace") || line.has("logging.googleapis.com/spanId")
        || line.has("logging.googleapis.com/trace_sampled"), line.toString());
  }

  @Test
  void ecsTraceIdIsTheStringFieldTheEcsLoggingSpecNames() throws Exception {
    JsonNode spec = new ObjectMapper().readTree(
        Files.readString(SafeJsonEncoderTest.testdata().resolve("ecs-logging/spec.json")));
    JsonNode field = spec.at("/fields/trace.id");
    assertEquals("string", field.get("type").asText(), "the spec: APM agents' trace.id, picked up by ECS loggers");
    JsonNode line = log("logback-ecs.xml", Map.of("trace_id", TRACE, "span_id", SPAN));
    assertTrue(line.get("trace.id").isTextual());
    assertFalse(line.has("trace"), "dotted top-level names, as every ECS field here");
    assertTrue(line.get("span.id").isTextual(), "span.id: ECS's tracing field set (the logging spec lists none)");
  }

  /** Logs one event with {@code mdc} through {@code resource}'s encoder; the line, checked strictly. */
  private static JsonNode log(String resource, Map<String, String> mdc) {
    try (LogCapture capture = LogCapture.configure(resource)) {
      mdc.forEach(capture.mdc()::put);
      capture.logger("chat.Api").info("traced");
      capture.mdc().clear();
      return capture.onlyEvent();
    }
  }

  /** How many string values anywhere in {@code node} contain {@code text}. */
  private static int occurrences(JsonNode node, String text) {
    if (node.isTextual()) {
      return node.asText().contains(text) ? 1 : 0;
    }
    int count = 0;
    for (JsonNode child : node) {
      count += occurrences(child, text);
    }
    return count;
  }
}
