package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.logging.LogCapture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.helpers.BasicMarkerFactory;

/**
 * The {@code gelf} format against GELF 1.1 (version "1.1", host, short_message never empty, full_message,
 * timestamp in seconds, syslog level, every other field {@code _}-prefixed with a string or number value)
 * and the README's format table ({@code _level_name}, {@code _logger}, {@code _thread}, {@code _context},
 * {@code _service_*}, {@code _markers} comma-separated, {@code _error_*}, {@code _caller_*}).
 */
final class GelfSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BasicMarkerFactory MARKERS = new BasicMarkerFactory();
  private static final String FRAMELESS = TestEvents.Frameless.class.getName();

  /** The fields every GELF line has, even the minimal one. */
  private static final List<String> CORE =
      List.of("version", "host", "short_message", "timestamp", "level", "_level_name", "_logger", "_thread");

  @Test
  void aFullEventCarriesEveryFieldOfTheFormatTableWithItsValue() throws Exception {
    try (LogCapture capture = LogCapture.configure("logback-gelf-full.xml")) {
      LoggingEvent event = TestEvents.event(capture, Level.WARN, "order {} failed");
      event.setArgumentArray(new Object[] {42});
      event.addMarker(MARKERS.getMarker("AUDIT"));
      event.addMarker(MARKERS.getMarker("BILLING"));
      event.addKeyValuePair(new KeyValuePair("orderId", 42));
      TestEvents.withMdc(event, Map.of("requestId", "r-1"));
      event.setCallerData(new StackTraceElement[] {new StackTraceElement("chat.Api", "send", "Api.java", 77)});
      TestEvents.withError(event, new TestEvents.Frameless("card declined"));
      capture.append(event);

      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("version", "1.1");
      expected.put("host", "gelf-host");
      expected.put("short_message", "order 42 failed");
      expected.put("full_message", "order 42 failed\n" + FRAMELESS + ": card declined");
      expected.put("timestamp", 1763942730.123);
      expected.put("level", 4); // syslog warning
      expected.put("_level_name", "WARN");
      expected.put("_logger", "chat.Api");
      expected.put("_thread", "worker-1");
      expected.put("_error_type", FRAMELESS);
      expected.put("_error_message", "card declined");
      expected.put("_context", "test-context");
      expected.put("_service_name", "chat-backend");
      expected.put("_service_version", "1.2.3");
      expected.put("_service_environment", "prod");
      expected.put("_markers", "AUDIT,BILLING");
      expected.put("_caller_class", "chat.Api");
      expected.put("_caller_method", "send");
      expected.put("_caller_file", "Api.java");
      expected.put("_caller_line", 77);
      expected.put("_region", "eu-west-1");
      expected.put("_orderId", 42);
      expected.put("_requestId", "r-1");
      assertEquals(expected, asMap(capture.onlyEvent()));
      assertTrue(capture.onlyLine().contains("\"timestamp\":" + TestEvents.GELF_SECONDS + ","), capture.onlyLine());
    }
  }

  @Test
  void withoutCallerDataServiceOrMarkersOnlyTheEventsOwnFieldsAreWritten() {
    try (LogCapture capture = LogCapture.configure("logback-gelf.xml")) {
      capture.logger("chat.Api").info("plain"); // a real event: its caller data is there to be taken
      JsonNode line = capture.onlyEvent();
      Set<String> expected = new TreeSet<>(CORE);
      expected.addAll(List.of("_context", "_static_id", "_team_name"));
      assertEquals(expected, names(line), "no _caller_*, _service_*, _markers, _error_*, full_message");
      assertEquals("plain", line.get("short_message").asText());
      assertEquals(6, line.get("level").asInt());
      assertEquals("INFO", line.get("_level_name").asText());
      assertEquals(Thread.currentThread().getName(), line.get("_thread").asText());
    }
  }

  @ParameterizedTest
  @CsvSource({"TRACE, 7", "DEBUG, 7", "INFO, 6", "WARN, 4", "ERROR, 3"})
  void levelsMapToSyslogSeveritiesAndKeepTheirLogbackName(String level, int syslog) {
    try (LogCapture capture = LogCapture.configure("logback-gelf-full.xml")) {
      capture.append(TestEvents.event(capture, Level.toLevel(level), "m"));
      JsonNode line = capture.onlyEvent();
      assertEquals(syslog, line.get("level").asInt());
      assertTrue(line.get("level").isInt());
      assertEquals(level, line.get("_level_name").asText());
    }
  }

  @Test
  void syslogSeveritiesChangeExactlyAtLogbacksLevelBoundaries() {
    assertEquals(3, GelfSchema.syslogLevel(Integer.MAX_VALUE));
    assertEquals(3, GelfSchema.syslogLevel(Level.ERROR_INT));
    assertEquals(4, GelfSchema.syslogLevel(Level.ERROR_INT - 1));
    assertEquals(4, GelfSchema.syslogLevel(Level.WARN_INT));
    assertEquals(6, GelfSchema.syslogLevel(Level.WARN_INT - 1));
    assertEquals(6, GelfSchema.syslogLevel(Level.INFO_INT));
    assertEquals(7, GelfSchema.syslogLevel(Level.INFO_INT - 1));
    assertEquals(7, GelfSchema.syslogLevel(Integer.MIN_VALUE));
  }

  @Test
  void anEmptyOrMissingMessageStillGivesTheRequiredNonEmptyShortMessage() {
    try (LogCapture capture = LogCapture.configure("logback-gelf-full.xml")) {
      capture.append(TestEvents.event(capture, Level.INFO, ""));
      capture.append(TestEvents.event(capture, Level.INFO, null));
      capture.append(TestEvents.event(capture, Level.INFO, "x"));
      List<JsonNode> lines = capture.events();
      assertEquals("-", lines.get(0).get("short_message").asText());
      assertEquals("-", lines.get(1).get("short_message").asText());
      assertEquals("x", lines.get(2).get("short_message").asText());
    }
  }

  @Test
  void anExceptionWithoutAMessageStillGetsAFullMessageAndNoErrorMessage() throws Exception {
    try (LogCapture capture = LogCapture.configure("logback-gelf-full.xml")) {
      capture.append(TestEvents.withError(TestEvents.event(capture, Level.ERROR, null), new TestEvents.Frameless(null)));
      JsonNode line = capture.onlyEvent();
      assertEquals("-", line.get("short_message").asText());
      assertTrue(line.get("full_message").asText().endsWith("\n" + FRAMELESS), line.toString());
      assertEquals(FRAMELESS, line.get("_error_type").asText());
      assertFalse(line.has("_error_message"));
    }
  }

  @Test
  void aLongMessageIsCutInBothMessagesAndTheLineSaysSo() {
    try (LogCapture capture = LogCapture.configure("logback-gelf-full.xml")) {
      String message = "m".repeat(100);
      capture.append(TestEvents.withError(TestEvents.event(capture, Level.ERROR, message), new TestEvents.Frameless("e")));
      JsonNode line = capture.onlyEvent();
      String cut = "m".repeat(64) + "...[TRUNCATED]"; // maxFieldLength 64
      assertEquals(cut, line.get("short_message").asText());
      assertEquals(cut + "\n" + FRAMELESS + ": e", line.get("full_message").asText());
      assertTrue(line.path("_truncated").asBoolean(), line.toString());
    }
  }

  @Test
  void aLongMessageCutOnlyInFullMessageStillMarksTheLine() {
    try (LogCapture capture = LogCapture.configure("logback-gelf-exclude.xml")) {
      String message = "m".repeat(100);
      capture.append(TestEvents.withError(TestEvents.event(capture, Level.ERROR, message), new TestEvents.Frameless("e")));
      JsonNode line = capture.onlyEvent();
      assertFalse(line.has("short_message"));
      assertEquals("m".repeat(64) + "...[TRUNCATED]\n" + FRAMELESS + ": e", line.get("full_message").asText());
      assertTrue(line.path("_truncated").asBoolean(), line.toString());
    }
  }

  @Test
  void aMessageThatFitsLeavesTheLineUnmarked() {
    try (LogCapture capture = LogCapture.configure("logback-gelf-exclude.xml")) {
      String message = "m".repeat(64);
      capture.append(TestEvents.withError(TestEvents.event(capture, Level.ERROR, message), new TestEvents.Frameless("e")));
      JsonNode line = capture.onlyEvent();
      assertEquals(message + "\n" + FRAMELESS + ": e", line.get("full_message").asText());
      assertFalse(line.has("_truncated"), line.toString());
    }
  }

  @Test
  void aLineTooLongEvenWhenReducedIsWrittenAsTheMinimalLine() throws Exception {
    try (LogCapture capture = LogCapture.configure("logback-gelf-full.xml")) {
      LoggingEvent event = TestEvents.event(capture, Level.ERROR, "too big");
      Map<String, String> mdc = new LinkedHashMap<>();
      for (int i = 0; i < 40; i++) {
        String key = String.format("%03d", i) + "k".repeat(247); // 250 chars, under the 256-char key cap
        event.addKeyValuePair(new KeyValuePair(key, "v".repeat(300)));
        mdc.put(key, "v".repeat(300));
      }
      TestEvents.withMdc(event, mdc);
      event.addMarker(MARKERS.getMarker("AUDIT"));
      event.setCallerData(new StackTraceElement[] {new StackTraceElement("chat.Api", "send", "Api.java", 77)});
      TestEvents.withError(event, new TestEvents.Frameless("card declined"));
      capture.append(event);

      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("version", "1.1");
      expected.put("host", "gelf-host");
      expected.put("short_message", "too big");
      expected.put("timestamp", 1763942730.123);
      expected.put("level", 3);
      expected.put("_level_name", "ERROR");
      expected.put("_logger", "chat.Api");
      expected.put("_thread", "worker-1");
      expected.put("_error_type", FRAMELESS);
      expected.put("_error_message", "card declined");
      Map<String, Object> actual = asMap(capture.onlyEvent());
      assertTrue(asBoolean(actual.remove("_truncated")), "the minimal line is marked truncated: " + actual);
      assertEquals(expected, actual, "the minimal line: core fields only, no full_message");
    }
  }

  @Test
  void aFailedRenderingGivesTheMinimalLineWithTheFailureNoted() throws Exception {
    try (LogCapture capture = LogCapture.configure("logback-gelf-full.xml")) {
      // Logback's appender reads the MDC itself and would drop this event: it goes to the encoder directly.
      capture.encode(TestEvents.brokenMdc(capture, Level.WARN, "will fail"));
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("version", "1.1");
      expected.put("host", "gelf-host");
      expected.put("short_message", "will fail");
      expected.put("timestamp", 1763942730.123);
      expected.put("level", 4);
      expected.put("_level_name", "WARN");
      expected.put("_logger", "chat.Api");
      expected.put("_thread", "worker-1");
      expected.put("_encoder_error", "java.lang.IllegalStateException: MDC exploded");
      assertEquals(expected, asMap(capture.onlyEvent()), "not marked truncated: nothing was cut");
    }
  }

  @Test
  void anEventThatCannotBeRenderedAtAllGivesTheSyntheticLineWithItsTime() throws Exception {
    try (LogCapture capture = LogCapture.configure("logback-gelf-full.xml")) {
      capture.append(TestEvents.unrenderable(capture, Level.INFO, "lost"));
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("version", "1.1");
      expected.put("host", "gelf-host");
      expected.put("short_message", "safejson-logging could not encode a log event");
      expected.put("timestamp", 1763942730.123);
      expected.put("level", 3);
      expected.put("_level_name", "ERROR");
      expected.put("_logger", "io.safejson.logging");
      expected.put("_thread", "unknown");
      expected.put("_encoder_error", "java.lang.IllegalStateException: no class name");
      assertEquals(expected, asMap(capture.onlyEvent()));
    }
  }

  @Test
  void aNullMarkerInACustomEventIsNamedNotFatal() {
    try (LogCapture capture = LogCapture.configure("logback-gelf-full.xml")) {
      LoggingEvent event =
          new LoggingEvent() {
            @Override
            public List<Marker> getMarkerList() {
              return new ArrayList<>(Arrays.asList(MARKERS.getMarker("AUDIT"), null));
            }
          };
      event.setLevel(Level.INFO);
      event.setLoggerName("chat.Api");
      event.setThreadName("worker-1");
      event.setMessage("m");
      event.setMDCPropertyMap(Map.of());
      event.setCallerData(new StackTraceElement[0]);
      capture.append(event);
      JsonNode line = capture.onlyEvent();
      assertFalse(line.has("_encoder_error"), line.toString());
      assertEquals("AUDIT,null", line.get("_markers").asText());
    }
  }

  @Test
  void valuesThatAreNeitherStringsNorNumbersBecomeTheirJsonText() {
    try (LogCapture capture = LogCapture.configure("logback-gelf-full.xml")) {
      LoggingEvent event = TestEvents.event(capture, Level.INFO, "values");
      event.addKeyValuePair(new KeyValuePair("int", 7));
      event.addKeyValuePair(new KeyValuePair("long", 1L << 40));
      event.addKeyValuePair(new KeyValuePair("double", 2.5));
      event.addKeyValuePair(new KeyValuePair("nan", Double.NaN));
      event.addKeyValuePair(new KeyValuePair("bool", true));
      event.addKeyValuePair(new KeyValuePair("nothing", null));
      event.addKeyValuePair(new KeyValuePair("list", List.of(1, "a")));
      event.addKeyValuePair(new KeyValuePair("text", "plain"));
      event.addKeyValuePair(new KeyValuePair("long text", "t".repeat(100)));
      capture.append(event);
      JsonNode line = capture.onlyEvent();
      assertTrue(line.get("_int").isIntegralNumber());
      assertEquals(7, line.get("_int").asLong());
      assertTrue(line.get("_long").isIntegralNumber());
      assertEquals(1L << 40, line.get("_long").asLong());
      assertTrue(line.get("_double").isFloatingPointNumber());
      assertEquals(2.5, line.get("_double").asDouble());
      assertTrue(line.get("_nan").isTextual(), "NaN is no JSON number: " + line.get("_nan"));
      assertEquals("true", line.get("_bool").asText());
      assertEquals("null", line.get("_nothing").asText());
      assertEquals("[1,\"a\"]", line.get("_list").asText());
      assertEquals("plain", line.get("_text").asText());
      assertEquals("t".repeat(64) + "...[TRUNCATED]", line.get("_long_text").asText());
      line.fieldNames().forEachRemaining(name -> {
        JsonNode value = line.get(name);
        assertTrue(value.isTextual() || value.isNumber() || name.equals("_truncated"), name + ": " + value);
      });
    }
  }

  @Test
  void anEmptyKeyNeverBecomesTheBareUnderscore() {
    try (LogCapture capture = LogCapture.configure("logback-gelf-full.xml")) {
      LoggingEvent event = TestEvents.event(capture, Level.INFO, "m");
      event.addKeyValuePair(new KeyValuePair("", "empty"));
      capture.append(event);
      JsonNode line = capture.onlyEvent();
      assertFalse(line.has("_"), line.toString());
      assertEquals("empty", line.get("_kv_").asText());
    }
  }

  @Test
  void theTruncatedFlagIsAStringOrNumberAsGelfRequires() {
    try (LogCapture capture = LogCapture.configure("logback-gelf-full.xml")) {
      capture.append(TestEvents.event(capture, Level.INFO, "m".repeat(100)));
      JsonNode flag = capture.onlyEvent().get("_truncated");
      assertTrue(flag != null && (flag.isTextual() || flag.isNumber()), "GELF additional field value: " + flag);
    }
  }

  private static Map<String, Object> asMap(JsonNode line) {
    return JSON.convertValue(line, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
  }

  private static Set<String> names(JsonNode line) {
    Set<String> names = new TreeSet<>();
    line.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static boolean asBoolean(Object flag) {
    return Boolean.TRUE.equals(flag) || "true".equals(flag) || Integer.valueOf(1).equals(flag);
  }
}
