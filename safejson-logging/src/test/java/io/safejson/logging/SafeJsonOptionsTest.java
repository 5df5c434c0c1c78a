package io.safejson.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every option of the README's table, set from real Logback XML, changes the line as documented; the life
 * cycle ({@code start} idempotent, {@code stop}, encoding before {@code start}) never throws.
 */
final class SafeJsonOptionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CUT = "...[TRUNCATED]";

  /** An exception without frames, so its stack trace text is known exactly. */
  static final class Frameless extends RuntimeException {
    Frameless(String message, Throwable cause) {
      super(message, cause, true, false);
    }
  }

  @Test
  void everyOptionSetInXmlShowsInTheLine() {
    try (LogCapture capture = LogCapture.configure("logback-gcp-every-option.xml")) {
      capture.mdc().put("tid", "4bf92f3577b34da6a3ce929d0e0e4736");
      capture.mdc().put("sid", "00f067aa0ba902b7");
      capture.mdc().put("pin", "1234");
      capture.mdc().put("password", "visible");
      Frameless error = new Frameless("top", new Frameless("root", null));
      String message = "a message that is longer than forty characters";
      capture.logger("chat.Api").atInfo().setCause(error).log(message);
      capture.mdc().clear();
      JsonNode line = capture.onlyEvent();
      String type = Frameless.class.getName();
      assertEquals("INFO", line.get("severity").asText(), "<format>GCP</format>, case-insensitive");
      assertEquals(message.substring(0, 40) + CUT, line.get("message").asText(), "<maxFieldLength>40");
      assertEquals("chat.Api", line.get("logger_name").asText(), "<renameField>logger=logger_name");
      assertFalse(line.has("logger"));
      assertFalse(line.has("thread"), "<excludeField>thread");
      assertEquals(Map.of("service", "chat-backend", "version", "1.2.3"),
          JSON.convertValue(line.get("serviceContext"), Map.class));
      assertEquals("prod", line.get("environment").asText());
      assertEquals("eu-west-1", line.get("region").asText());
      assertEquals("projects/my-project/traces/4bf92f3577b34da6a3ce929d0e0e4736",
          line.get("logging.googleapis.com/trace").asText(), "<traceIdMdcKey>tid, <gcpProjectId>");
      assertEquals("00f067aa0ba902b7", line.get("logging.googleapis.com/spanId").asText(), "<spanIdMdcKey>sid");
      assertFalse(line.has("tid"), "a promoted id is not repeated from the MDC");
      assertEquals("SafeJsonOptionsTest.java", line.at("/logging.googleapis.com~1sourceLocation/file").asText(),
          "<includeCallerData>");
      assertEquals("[REDACTED]", line.get("pin").asText(), "<redact>pin");
      assertEquals("visible", line.get("password").asText(), "<redactDefaults>false");
      String rootFirst = type + ": root\nWrapped by: " + type + ": top";
      assertEquals(rootFirst.substring(0, 100) + CUT, line.get("stack_trace").asText(),
          "<rootCauseFirst>, <maxStackTraceLength>100");
      assertTrue(line.get("truncated").asBoolean());
    }
  }

  @Test
  void theLayoutAcceptsTheSameOptionsAndNamesItsContentType() {
    try (LogCapture capture = LogCapture.configure("logback-gelf-host.xml")) {
      capture.logger("chat.Api").info("via layout");
      JsonNode line = capture.onlyEvent();
      assertEquals("layout-host", line.get("host").asText());
      assertEquals("via layout", line.get("short_message").asText());
    }
    SafeJsonLayout layout = new SafeJsonLayout();
    assertEquals("application/json", layout.getContentType());
    assertNull(layout.getFileHeader());
    assertNull(layout.getFileFooter());
    assertNull(layout.getPresentationHeader());
    assertNull(layout.getPresentationFooter());
  }

  @Test
  void theEncoderHasNoHeaderOrFooter() {
    SafeJsonEncoder encoder = new SafeJsonEncoder();
    assertNull(encoder.headerBytes());
    assertNull(encoder.footerBytes());
  }

  @Test
  void aStoppedComponentWritesTheDefaultFormatAndCanStartAgain() {
    SafeJsonEncoder encoder = new SafeJsonEncoder();
    encoder.setContext(new LoggerContext());
    encoder.setFormat("logstash");
    encoder.start();
    assertTrue(encoder.isStarted());
    assertTrue(line(encoder).has("logger_name"));
    encoder.stop();
    assertFalse(encoder.isStarted());
    assertTrue(line(encoder).has("msg"), "stopped: the default safejson format");
    encoder.start();
    assertTrue(line(encoder).has("logger_name"));
  }

  @Test
  void startIsIdempotentAndKeepsTheFirstConfiguration() {
    SafeJsonEncoder encoder = new SafeJsonEncoder();
    encoder.setContext(new LoggerContext());
    encoder.setFormat("logstash");
    encoder.start();
    encoder.setFormat("ecs");
    encoder.start();
    assertTrue(line(encoder).has("logger_name"), "the second start changed nothing");
  }

  @Test
  void anInvalidConfigurationLeavesTheComponentStopped() {
    SafeJsonLayout layout = new SafeJsonLayout();
    layout.setContext(new LoggerContext());
    layout.setMaxEventBytes(100);
    layout.start();
    assertFalse(layout.isStarted());
    String line = layout.doLayout(event());
    assertTrue(line.endsWith("}\n"), line);
    assertTrue(line.contains("\"msg\":\"m\""), line);
  }

  private static JsonNode line(SafeJsonEncoder encoder) {
    try {
      return JSON.readTree(new String(encoder.encode(event()), StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static LoggingEvent event() {
    LoggingEvent event = new LoggingEvent();
    event.setLevel(Level.INFO);
    event.setLoggerName("c");
    event.setThreadName("t");
    event.setMessage("m");
    event.setMDCPropertyMap(Map.of());
    event.setCallerData(new StackTraceElement[0]);
    return event;
  }
}
