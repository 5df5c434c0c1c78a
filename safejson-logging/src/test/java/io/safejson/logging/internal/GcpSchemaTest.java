package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.logging.LogCapture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.event.KeyValuePair;
import org.slf4j.helpers.BasicMarkerFactory;

/**
 * The {@code gcp} format against Cloud Logging's structured logging ({@code severity} as a LogSeverity name,
 * {@code message}, {@code time}, the {@code logging.googleapis.com/*} special fields), Error Reporting
 * ({@code stack_trace}, {@code serviceContext}) and the README's format table.
 */
final class GcpSchemaTest {
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"; // W3C trace-context example id

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BasicMarkerFactory MARKERS = new BasicMarkerFactory();
  private static final String FRAMELESS = TestEvents.Frameless.class.getName();
  private static final String SOURCE_LOCATION = "logging.googleapis.com/sourceLocation";

  @Test
  void aFullEventCarriesEveryFieldOfTheFormatTableWithItsValue() {
    try (LogCapture capture = LogCapture.configure("logback-gcp-full.xml")) {
      LoggingEvent event = TestEvents.event(capture, Level.WARN, "order {} failed");
      event.setArgumentArray(new Object[] {42});
      event.addMarker(MARKERS.getMarker("AUDIT"));
      event.addMarker(MARKERS.getMarker("BILLING"));
      event.addKeyValuePair(new KeyValuePair("orderId", 42));
      Map<String, String> mdc = new LinkedHashMap<>();
      mdc.put("trace_id", "0af7651916cd43dd8448eb211c80319c"); // the default trace and span MDC keys
      mdc.put("span_id", "b7ad6b7169203331");
      mdc.put("requestId", "r-1");
      TestEvents.withMdc(event, mdc);
      event.setCallerData(new StackTraceElement[] {new StackTraceElement("chat.Api", "send", "Api.java", 77)});
      TestEvents.withError(event, new TestEvents.Frameless("card declined"));
      capture.append(event);

      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("severity", "WARNING");
      expected.put("message", "order 42 failed");
      expected.put("time", TestEvents.ISO);
      expected.put("logger", "chat.Api");
      expected.put("thread", "worker-1");
      expected.put("logging.googleapis.com/trace", "0af7651916cd43dd8448eb211c80319c"); // no project configured
      expected.put("logging.googleapis.com/spanId", "b7ad6b7169203331");
      expected.put(SOURCE_LOCATION, Map.of("file", "Api.java", "line", 77, "function", "chat.Api.send"));
      expected.put("context", "test-context");
      expected.put("serviceContext", Map.of("service", "chat-backend", "version", "1.2.3"));
      expected.put("environment", "prod");
      expected.put("markers", List.of("AUDIT", "BILLING"));
      expected.put("error_type", FRAMELESS);
      expected.put("stack_trace", FRAMELESS + ": card declined");
      expected.put("region", "eu-west-1");
      expected.put("orderId", 42);
      expected.put("requestId", "r-1"); // promoted trace and span ids are not repeated from the MDC
      assertEquals(expected, asMap(capture.onlyEvent()));
    }
  }

  @Test
  void aRealEventWithoutCallerDataServiceOrTraceWritesOnlyItsOwnFields() {
    try (LogCapture capture = LogCapture.configure("logback-gcp-plain.xml")) {
      capture.logger("chat.Api").info("plain"); // a real event: its caller data is there to be taken
      JsonNode line = capture.onlyEvent();
      assertEquals(new TreeSet<>(Set.of("severity", "message", "time", "logger", "thread", "context")), names(line));
      assertEquals("INFO", line.get("severity").asText());
      assertEquals("chat.Api", line.get("logger").asText());
      assertEquals(Thread.currentThread().getName(), line.get("thread").asText());
    }
  }

  @Test
  void theServiceContextHoldsOnlyWhatIsConfigured() {
    try (LogCapture capture = LogCapture.configure("logback-gcp.xml")) { // serviceName only
      capture.append(TestEvents.event(capture, Level.INFO, "m"));
      JsonNode line = capture.onlyEvent();
      assertEquals(Map.of("service", "chat-backend"), JSON.convertValue(line.get("serviceContext"), Map.class));
      assertFalse(line.has("environment"));
    }
  }

  @Test
  void aTraceIsWrittenOnlyWhenTheMdcHasAWellFormedOne() {
    try (LogCapture capture = LogCapture.configure("logback-gcp.xml")) { // traceIdMdcKey traceId, project my-project
      capture.append(TestEvents.withMdc(TestEvents.event(capture, Level.INFO, "empty"), Map.of("traceId", "")));
      capture.append(TestEvents.event(capture, Level.INFO, "none"));
      capture.append(TestEvents.withMdc(TestEvents.event(capture, Level.INFO, "set"), Map.of("traceId", TRACE)));
      capture.append(TestEvents.withMdc(TestEvents.event(capture, Level.INFO, "not hex"), Map.of("traceId", "abc")));
      List<JsonNode> lines = capture.events();
      assertFalse(lines.get(0).has("logging.googleapis.com/trace"), lines.get(0).toString());
      assertFalse(lines.get(1).has("logging.googleapis.com/trace"));
      assertFalse(lines.get(1).has("logging.googleapis.com/spanId"));
      assertEquals("projects/my-project/traces/" + TRACE, lines.get(2).get("logging.googleapis.com/trace").asText());
      assertFalse(lines.get(2).has("logging.googleapis.com/spanId"), "span_id was not in the MDC");
      assertFalse(lines.get(3).has("logging.googleapis.com/trace"), "an id that is not 32 hex digits stays in the MDC");
      assertEquals("abc", lines.get(3).get("traceId").asText());
    }
  }

  @ParameterizedTest
  @CsvSource({"TRACE, DEBUG", "DEBUG, DEBUG", "INFO, INFO", "WARN, WARNING", "ERROR, ERROR"})
  void levelsMapToCloudLoggingSeverities(String level, String severity) {
    try (LogCapture capture = LogCapture.configure("logback-gcp-full.xml")) {
      capture.append(TestEvents.event(capture, Level.toLevel(level), "m"));
      assertEquals(severity, capture.onlyEvent().get("severity").asText());
    }
  }

  @Test
  void severitiesChangeExactlyAtLogbacksLevelBoundaries() {
    assertEquals("ERROR", GcpSchema.severity(Integer.MAX_VALUE));
    assertEquals("ERROR", GcpSchema.severity(Level.ERROR_INT));
    assertEquals("WARNING", GcpSchema.severity(Level.ERROR_INT - 1));
    assertEquals("WARNING", GcpSchema.severity(Level.WARN_INT));
    assertEquals("INFO", GcpSchema.severity(Level.WARN_INT - 1));
    assertEquals("INFO", GcpSchema.severity(Level.INFO_INT));
    assertEquals("DEBUG", GcpSchema.severity(Level.INFO_INT - 1));
    assertEquals("DEBUG", GcpSchema.severity(Integer.MIN_VALUE));
  }

  @Test
  void userKeysNeverTakeANameCloudLoggingTreatsSpecially() {
    try (LogCapture capture = LogCapture.configure("logback-gcp-plain.xml")) {
      LoggingEvent event = TestEvents.event(capture, Level.INFO, "m");
      for (String key :
          List.of("httpRequest", "timestamp", "logging.googleapis.com/labels", "logging.googleapis.com/operation",
              "logging.googleapis.com/trace_sampled", "logging.googleapis.com/insertId", "severity",
              "logging.googleapis.com/sourceLocation", "serviceContext", "stack_trace", "error_type")) {
        event.addKeyValuePair(new KeyValuePair(key, "kv"));
      }
      event.addKeyValuePair(new KeyValuePair("ordinary", "kv"));
      capture.append(TestEvents.withMdc(event, Map.of("message", "mdc")));
      JsonNode line = capture.onlyEvent();
      Set<String> expected = new TreeSet<>(Set.of("severity", "message", "time", "logger", "thread", "context"));
      expected.addAll(List.of("kv_httpRequest", "kv_timestamp", "kv_logging.googleapis.com/labels",
          "kv_logging.googleapis.com/operation", "kv_logging.googleapis.com/trace_sampled",
          "kv_logging.googleapis.com/insertId", "kv_severity", "kv_logging.googleapis.com/sourceLocation",
          "kv_serviceContext", "kv_stack_trace", "kv_error_type", "ordinary", "mdc_message"));
      assertEquals(expected, names(line));
      assertEquals("m", line.get("message").asText());
      assertEquals("INFO", line.get("severity").asText());
    }
  }

  @Test
  void aLineTooLongEvenWhenReducedIsWrittenAsTheMinimalLine() {
    try (LogCapture capture = LogCapture.configure("logback-gcp-full.xml")) {
      LoggingEvent event = TestEvents.event(capture, Level.ERROR, "too big");
      Map<String, String> mdc = new LinkedHashMap<>();
      for (int i = 0; i < 40; i++) {
        String key = String.format("%03d", i) + "k".repeat(247);
        event.addKeyValuePair(new KeyValuePair(key, "v".repeat(300)));
        mdc.put(key, "v".repeat(300));
      }
      mdc.put("trace_id", "t-1");
      TestEvents.withMdc(event, mdc);
      event.addMarker(MARKERS.getMarker("AUDIT"));
      event.setCallerData(new StackTraceElement[] {new StackTraceElement("chat.Api", "send", "Api.java", 77)});
      TestEvents.withError(event, new TestEvents.Frameless("card declined"));
      capture.append(event);

      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("severity", "ERROR");
      expected.put("message", "too big");
      expected.put("time", TestEvents.ISO);
      expected.put("logger", "chat.Api");
      expected.put("thread", "worker-1");
      expected.put("error_type", FRAMELESS);
      expected.put("stack_trace", FRAMELESS + ": card declined"); // the minimal line's one-line form
      expected.put("truncated", true);
      assertEquals(expected, asMap(capture.onlyEvent()));
    }
  }

  @Test
  void aFailedRenderingGivesTheMinimalLineWithTheFailureNoted() {
    try (LogCapture capture = LogCapture.configure("logback-gcp-full.xml")) {
      capture.encode(TestEvents.brokenMdc(capture, Level.WARN, "will fail"));
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("severity", "WARNING");
      expected.put("message", "will fail");
      expected.put("time", TestEvents.ISO);
      expected.put("logger", "chat.Api");
      expected.put("thread", "worker-1");
      expected.put("encoder_error", "java.lang.IllegalStateException: MDC exploded");
      assertEquals(expected, asMap(capture.onlyEvent()));
    }
  }

  @Test
  void anEventThatCannotBeRenderedAtAllGivesTheSyntheticLineWithItsTime() {
    try (LogCapture capture = LogCapture.configure("logback-gcp-full.xml")) {
      capture.append(TestEvents.unrenderable(capture, Level.INFO, "lost"));
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("severity", "ERROR");
      expected.put("message", "safejson-logging could not encode a log event");
      expected.put("time", TestEvents.ISO);
      expected.put("logger", "io.safejson.logging");
      expected.put("thread", "unknown");
      expected.put("encoder_error", "java.lang.IllegalStateException: no class name");
      assertEquals(expected, asMap(capture.onlyEvent()));
    }
  }

  @Test
  void theStackTraceIsCutToItsCapAndTheLineSaysSo() {
    try (LogCapture capture = LogCapture.configure("logback-gcp-stack.xml")) { // maxStackTraceLength 40
      capture.append(TestEvents.withError(TestEvents.event(capture, Level.ERROR, "m"),
          new TestEvents.Frameless("x".repeat(100))));
      JsonNode line = capture.onlyEvent();
      String full = FRAMELESS + ": " + "x".repeat(100);
      assertEquals(full.substring(0, 40) + "...[TRUNCATED]", line.get("stack_trace").asText());
      assertTrue(line.get("truncated").asBoolean());
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
}
