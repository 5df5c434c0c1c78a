package io.safejson.logging;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.logging.internal.EncoderSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The guarantees every format gives: one valid line per event, whatever the event holds. */
final class EncoderGuaranteesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"safejson", "ecs", "gcp", "logstash", "gelf"})
  void hostileValuesStillGiveExactlyOneValidLinePerEvent(String format) {
    try (LogCapture capture = LogCapture.configure("logback-" + format + ".xml")) {
      Logger logger = capture.logger("hostile");
      // SLF4J formats the message and reports the throwing argument on System.err itself: expected, so captured.
      String slf4jReport = standardErrorOf(
          () -> logger.info("throwing toString {}", new HostileValues.ThrowingToString()));
      assertTrue(slf4jReport.contains("Failed toString() invocation"), slf4jReport);
      logger.atInfo().addKeyValue("bad", new HostileValues.ThrowingToString()).log("kv toString throws");
      logger.atInfo().addKeyValue("getter", new HostileValues.ThrowingGetter()).log("getter throws");
      logger.atInfo().addKeyValue("list", HostileValues.cyclicList()).addKeyValue("map", HostileValues.cyclicMap())
          .log("cycles {}", HostileValues.cyclicList());
      logger.atInfo().addKeyValue("nan", Double.NaN).addKeyValue("inf", Double.POSITIVE_INFINITY).log("NaN");
      capture.mdc().put("surrogate \uDC00 key", HostileValues.LONE_SURROGATE);
      logger.atInfo().addKeyValue(HostileValues.LONE_SURROGATE, HostileValues.LONE_SURROGATE)
          .log(HostileValues.LONE_SURROGATE);
      capture.mdc().clear();
      logger.info(HostileValues.TEN_MB);
      logger.atInfo().addKeyValue("big", HostileValues.TEN_MB).log("big kv");
      capture.mdc().put("big", HostileValues.TEN_MB);
      logger.info("big mdc");
      capture.mdc().clear();
      logger.info("line\nbreaks\r\tand \u0000 controls \u2028");
      logger.info(null);

      List<String> lines = capture.lines();
      assertEquals(11, lines.size(), "one line per event");
      for (String line : lines) {
        assertFalse(line.contains("\n"));
        assertTrue(line.getBytes(StandardCharsets.UTF_8).length < EncoderSettings.DEFAULT_MAX_EVENT_BYTES);
      }
      List<JsonNode> events = capture.events();
      String all = String.join("\n", lines);
      assertTrue(all.contains("[FAILED"), "a throwing toString is marked, not fatal");
      assertTrue(all.contains("...[TRUNCATED]"), "10 MB values are cut visibly");
      assertTrue(all.contains("\uFFFD"), "lone surrogates are replaced");
      assertFalse(events.get(6).toString().contains("xxxxxxxxxx".repeat(4000)), "the 10 MB message is capped");
    }
  }

  @Test
  void userKeysNamedLikeReservedFieldsAreRenamedNeverDuplicated() {
    try (LogCapture capture = LogCapture.configure("logback-logstash.xml")) {
      capture.mdc().put("level", "mdc-level");
      capture.mdc().put("message", "mdc-message");
      capture.logger("c").atInfo().addKeyValue("message", "kv-message").addKeyValue("a", 1).addKeyValue("a", 2)
          .addKeyValue("kv_a", 3).log("real");
      capture.mdc().clear();
      JsonNode event = capture.onlyEvent();
      assertEquals("real", event.get("message").asText());
      assertEquals("INFO", event.get("level").asText());
      assertEquals("kv-message", event.get("kv_message").asText());
      assertEquals("mdc-level", event.get("mdc_level").asText());
      assertEquals("mdc-message", event.get("mdc_message").asText());
      assertEquals(1, event.get("a").asInt());
      assertEquals(2, event.get("kv_a").asInt());
      assertEquals(3, event.get("kv_kv_a").asInt(), "a later key that a rename took is renamed in turn");
    }
    try (LogCapture capture = LogCapture.configure("logback-ecs.xml")) {
      capture.mdc().put("log.level", "mdc");
      capture.logger("c").atInfo().addKeyValue("@timestamp", "kv").addKeyValue("ecs.version", "9").log("real");
      capture.mdc().clear();
      JsonNode event = capture.onlyEvent();
      assertEquals("INFO", event.get("log.level").asText());
      assertEquals("1.6.0", event.get("ecs.version").asText());
      assertEquals("mdc", event.get("mdc_log.level").asText());
      assertEquals("kv", event.get("kv_@timestamp").asText());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"safejson", "ecs", "gcp", "logstash", "gelf"})
  void noSecretSurvivesInAnyFormat(String format) {
    try (LogCapture capture = LogCapture.configure("logback-" + format + ".xml")) {
      capture.mdc().put("authorization", "Bearer SECRET-1");
      capture.mdc().put("Set-Cookie", "SECRET-2");
      capture.logger("c").atInfo()
          .addKeyValue("password", "SECRET-3")
          .addKeyValue("request", Map.of("headers", Map.of("token", "SECRET-4", "x-api-key", "SECRET-5")))
          .addKeyValue("API_KEY", "SECRET-6")
          .log("login {}", StructuredArguments.kv("client_secret", "SECRET-7"));
      capture.mdc().clear();
      String output = String.join("\n", capture.lines());
      capture.events();
      assertFalse(output.contains("SECRET-"), output);
      assertTrue(output.contains("[REDACTED]"));
    }
  }

  @Test
  void configuredRedactKeysAddToTheDefaults() {
    try (LogCapture capture = LogCapture.configure("logback-safejson.xml")) {
      capture.logger("c").atInfo().addKeyValue("customerSsn", "SECRET-A").addKeyValue("OTP", "SECRET-B")
          .addKeyValue("password", "SECRET-C").log("x");
      JsonNode event = capture.onlyEvent();
      assertEquals("[REDACTED]", event.at("/kv/customerSsn").asText());
      assertEquals("[REDACTED]", event.at("/kv/OTP").asText());
      assertEquals("[REDACTED]", event.at("/kv/password").asText());
    }
  }

  @Test
  void redactionDefaultsCanBeSwitchedOff() {
    SafeJsonEncoder encoder = new SafeJsonEncoder();
    encoder.setContext(new LoggerContext());
    encoder.setRedactDefaults(false);
    encoder.setRedact("pin");
    encoder.start();
    LoggingEvent event = event("x");
    event.addKeyValuePair(new org.slf4j.event.KeyValuePair("password", "visible"));
    event.addKeyValuePair(new org.slf4j.event.KeyValuePair("pin", "1234"));
    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
    assertTrue(line.contains("\"password\":\"visible\""), line);
    assertTrue(line.contains("\"pin\":\"[REDACTED]\""), line);
  }

  @Test
  void eightThreadsOfFiveHundredEventsGiveExactlyFourThousandValidLines() throws Exception {
    try (LogCapture capture = LogCapture.configure("logback-ecs.xml")) {
      Logger logger = capture.logger("concurrent");
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch start = new CountDownLatch(1);
      for (int t = 0; t < 8; t++) {
        int thread = t;
        pool.submit(() -> {
          start.await();
          for (int i = 0; i < 500; i++) {
            logger.atInfo().addKeyValue("thread", thread).addKeyValue("i", i)
                .addKeyValue("odd", i % 50 == 0 ? new HostileValues.ThrowingToString() : "fine")
                .log(i % 100 == 0 ? HostileValues.TEN_MB.substring(0, 300_000) : "event {} {}", thread, i);
          }
          return null;
        });
      }
      start.countDown();
      pool.shutdown();
      assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
      List<JsonNode> events = capture.events();
      assertEquals(4000, events.size());
      assertEquals(4000, events.stream().map(e -> e.get("thread").asInt() + ":" + e.get("i").asInt()).distinct().count());
    }
  }

  @Test
  void aOneMegabyteMessageInGcpStaysUnderTheEntryLimit() {
    try (LogCapture capture = LogCapture.configure("logback-gcp.xml")) {
      String huge = "é".repeat(1024 * 1024);
      capture.mdc().put("traceId", "t-1");
      for (int i = 0; i < 200; i++) {
        capture.mdc().put("key" + i, "v".repeat(30_000));
      }
      capture.logger("c").error(huge, new IllegalStateException(huge));
      capture.mdc().clear();
      String line = capture.lines().get(0);
      assertTrue(line.getBytes(StandardCharsets.UTF_8).length + 1 <= 256 * 1024, "bytes: " + line.length());
      JsonNode event = capture.onlyEvent();
      assertTrue(event.get("truncated").asBoolean());
      assertEquals("ERROR", event.get("severity").asText());
      assertTrue(event.get("message").asText().startsWith("ééé"));
      assertTrue(event.get("message").asText().endsWith("...[TRUNCATED]"));
    }
  }

  @Test
  void aValueCutInsideAKeyValueMarksTheLineTruncatedLikeACutField() {
    try (LogCapture capture = LogCapture.configure("logback-logstash.xml")) {
      capture.logger("c").atInfo().addKeyValue("payload", Map.of("body", "z".repeat(40_000))).log("nested");
      capture.logger("c").atInfo().addKeyValue("payload", Map.of("body", "short")).log("fine");
      List<JsonNode> events = capture.events();
      String body = events.get(0).get("payload").get("body").asText();
      assertTrue(body.endsWith("...[TRUNCATED]") && body.length() < 40_000, "the nested string is cut visibly");
      assertTrue(events.get(0).path("truncated").asBoolean(), "and the line says so");
      assertFalse(events.get(1).has("truncated"), "the next line on the same writer is not marked");
    }
  }

  @Test
  void gelfFlagsAValueCutInsideAKeyValueToo() {
    try (LogCapture capture = LogCapture.configure("logback-gelf.xml")) {
      capture.logger("c").atInfo().addKeyValue("ids", java.util.Collections.nCopies(10_001, 0)).log("many");
      JsonNode event = capture.onlyEvent();
      assertTrue(event.get("_ids").asText().endsWith("\"[TRUNCATED]\"]"), "the list is cut visibly");
      assertTrue(event.path("_truncated").asBoolean(), "and the GELF line says so");
    }
  }

  /** An exception without a stack trace: one short line each. */
  static final class NoTrace extends RuntimeException {
    NoTrace(String message) {
      super(message, null, false, false);
    }
  }

  @Test
  void hundredsOfSuppressedExceptionsArePrintedAsThemselvesNeverAsCircular() throws Exception {
    SafeJsonEncoder encoder = new SafeJsonEncoder();
    encoder.setContext(new LoggerContext());
    encoder.setFormat("ecs");
    encoder.setMaxStackTraceLength(200_000);
    encoder.start();
    IllegalStateException top = new IllegalStateException("batch failed");
    for (int i = 0; i < 1_000; i++) {
      top.addSuppressed(new NoTrace("item " + i));
    }
    LoggingEvent event = event("batch");
    event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(top));
    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
    assertValidJson(line.substring(0, line.length() - 1));
    String stack = JSON.readTree(line).get("error.stack_trace").asText();
    assertFalse(stack.contains("CIRCULAR"), "1,000 distinct throwables, no cycle");
    assertTrue(stack.endsWith("NoTrace: item 999"), "all of them, the last one too: ..." + stack.substring(stack.length() - 80));
  }

  @Test
  void aFailedEventNeverCorruptsTheNextOnTheSameThread() throws Exception {
    SafeJsonEncoder encoder = new SafeJsonEncoder();
    encoder.setContext(new LoggerContext());
    encoder.setFormat("ecs");
    encoder.start();
    for (int round = 0; round < 3; round++) {
      LoggingEvent broken =
          new LoggingEvent() {
            @Override
            public Map<String, String> getMDCPropertyMap() {
              throw new IllegalStateException("MDC exploded");
            }
          };
      broken.setLevel(Level.WARN);
      broken.setLoggerName("broken");
      broken.setThreadName("t");
      broken.setMessage("will fail");
      broken.setTimeStamp(System.currentTimeMillis());
      String fallback = new String(encoder.encode(broken), StandardCharsets.UTF_8);
      assertValidJson(fallback.substring(0, fallback.length() - 1));
      JsonNode failed = JSON.readTree(fallback);
      assertEquals("will fail", failed.get("message").asText());
      assertEquals("WARN", failed.get("log.level").asText());
      assertTrue(failed.get("encoder_error").asText().contains("MDC exploded"));

      LoggingEvent oversized = event("y".repeat(2_000_000));
      String big = new String(encoder.encode(oversized), StandardCharsets.UTF_8);
      assertValidJson(big.substring(0, big.length() - 1));

      String next = new String(encoder.encode(event("next")), StandardCharsets.UTF_8);
      assertTrue(next.endsWith("}\n"));
      assertValidJson(next.substring(0, next.length() - 1));
      JsonNode ok = JSON.readTree(next);
      assertEquals("next", ok.get("message").asText());
      assertFalse(ok.has("encoder_error"));
      assertFalse(ok.has("truncated"));
      assertTrue(ok.get("@timestamp").asText().endsWith("Z"));
    }
  }

  @Test
  void theLayoutWritesTheEncodersLineAndHonoursRenameAndExclude() {
    try (LogCapture capture = LogCapture.configure("logback-layout.xml")) {
      capture.logger("chat.Api").info("hello");
      JsonNode event = capture.onlyEvent();
      assertEquals("chat.Api", event.get("logger").asText());
      assertFalse(event.has("logger_name"));
      assertFalse(event.has("thread_name"));
      assertFalse(event.has("level_value"));
      assertEquals("hello", event.get("message").asText());
    }
  }

  @Test
  void structuredArgumentsRenderInTheMessageAndAsFields() {
    try (LogCapture capture = LogCapture.configure("logback-logstash.xml")) {
      capture.logger("c").info("order {} for {}", StructuredArguments.kv("orderId", 42),
          StructuredArguments.value("customer", "ada"));
      JsonNode event = capture.onlyEvent();
      assertEquals("order orderId=42 for ada", event.get("message").asText());
      assertEquals(42, event.get("orderId").asInt());
      assertEquals("ada", event.get("customer").asText());
    }
  }

  @Test
  void anUnstartedEncoderStillWritesAValidLine() {
    String line = new String(new SafeJsonEncoder().encode(event("early")), StandardCharsets.UTF_8);
    assertValidJson(line.trim());
    assertTrue(line.contains("\"msg\":\"early\""));
  }

  private static LoggingEvent event(String message) {
    LoggingEvent event = new LoggingEvent();
    event.setLevel(Level.INFO);
    event.setLoggerName("test");
    event.setThreadName("main");
    event.setMessage(message);
    event.setTimeStamp(System.currentTimeMillis());
    event.setMDCPropertyMap(Map.of());
    return event;
  }

  /** What {@code action} prints on {@link System#err}, which is restored afterwards. */
  private static String standardErrorOf(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
