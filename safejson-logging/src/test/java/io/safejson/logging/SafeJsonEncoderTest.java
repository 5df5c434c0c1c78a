package io.safejson.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.MarkerFactory;

final class SafeJsonEncoderTest {
  enum State {
    CONNECTED
  }

  @Test
  void safejsonFormatWritesItsCompactSchemaWithNamespacedUserData() {
    try (LogCapture capture = LogCapture.configure("logback-safejson.xml")) {
      UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
      capture.mdc().put("requestId", "r-1");
      capture
          .logger("chat.Api")
          .atWarn()
          .addMarker(MarkerFactory.getMarker("AUDIT"))
          .addKeyValue("id", id)
          .addKeyValue("state", State.CONNECTED)
          .addKeyValue("cost", new BigDecimal("0.0150"))
          .addKeyValue("path", Path.of("/var/data/report.txt"))
          .addKeyValue("at", Instant.parse("2026-11-24T00:05:30.123Z"))
          .setCause(new IllegalStateException("boom", new RuntimeException("root")))
          .log("hello {}", "world");
      capture.mdc().clear();
      JsonNode event = capture.onlyEvent();
      assertTrue(Pattern.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z", event.get("ts").asText()));
      assertEquals("WARN", event.get("level").asText());
      assertEquals("chat.Api", event.get("logger").asText());
      assertEquals(Thread.currentThread().getName(), event.get("thread").asText());
      assertEquals("hello world", event.get("msg").asText());
      assertEquals("test-context", event.get("context").asText());
      assertEquals("chat-backend", event.at("/service/name").asText());
      assertEquals("AUDIT", event.at("/markers/0").asText());
      assertEquals(id.toString(), event.at("/kv/id").asText());
      assertEquals("CONNECTED", event.at("/kv/state").asText());
      assertEquals("0.0150", event.at("/kv/cost").asText());
      assertEquals("/var/data/report.txt", event.at("/kv/path").asText());
      assertEquals("2026-11-24T00:05:30.123Z", event.at("/kv/at").asText());
      assertEquals("r-1", event.at("/mdc/requestId").asText());
      assertEquals("eu-west-1", event.get("region").asText());
      assertEquals(IllegalStateException.class.getName(), event.at("/error/type").asText());
      assertEquals("boom", event.at("/error/message").asText());
      assertTrue(event.at("/error/stack").asText().contains("Caused by: java.lang.RuntimeException: root"));
      assertEquals("root", event.at("/error/causes/0/message").asText());
      assertFalse(event.has("truncated"));
    }
  }

  @Test
  void ecsFormatHasTheSpecsRequiredFieldsWithTheirTypesAsDottedTopLevelKeys() throws Exception {
    JsonNode spec = new ObjectMapper().readTree(Files.readString(testdata().resolve("ecs-logging/spec.json")));
    try (LogCapture capture = LogCapture.configure("logback-ecs.xml")) {
      capture.mdc().put("trace.id", "abc");
      capture.logger("chat.Api").atInfo().addKeyValue("orderId", 42).log("placed");
      capture.mdc().clear();
      capture.logger("chat.Api").error("failed", new IllegalArgumentException("bad"));
      for (JsonNode event : capture.events()) {
        Iterator<Map.Entry<String, JsonNode>> fields = spec.get("fields").properties().iterator();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          JsonNode value = event.get(field.getKey());
          if (field.getValue().path("required").asBoolean()) {
            assertNotNull(value, "required ECS field " + field.getKey() + " missing from " + event);
          }
          if (value != null) {
            assertEcsType(field.getKey(), field.getValue().get("type").asText(), value);
          }
        }
        assertEquals("@timestamp", event.fieldNames().next(), "the spec recommends @timestamp first");
        assertFalse(event.has("log"), "log.* must be dotted top-level keys, not a nested object");
        assertFalse(event.has("ecs"));
        assertEquals("1.6.0", event.get("ecs.version").asText());
        assertEquals("chat-backend", event.get("service.name").asText());
        assertEquals("1.2.3", event.get("service.version").asText());
        assertEquals("prod", event.get("service.environment").asText());
        assertEquals("chat-backend", event.get("event.dataset").asText());
        assertEquals("chat.Api", event.get("log.logger").asText());
        assertEquals("SafeJsonEncoderTest.java", event.get("log.origin.file.name").asText());
      }
      JsonNode placed = capture.events().get(0);
      assertEquals("abc", placed.get("trace.id").asText());
      assertEquals(42, placed.get("orderId").asInt());
      JsonNode failed = capture.events().get(1);
      assertEquals(IllegalArgumentException.class.getName(), failed.get("error.type").asText());
      assertEquals("bad", failed.get("error.message").asText());
      assertTrue(failed.get("error.stack_trace").asText().startsWith("java.lang.IllegalArgumentException: bad\n\tat "));
    }
  }

  @Test
  void gcpFormatMapsSeverityAndWritesSourceLocationAndTrace() {
    try (LogCapture capture = LogCapture.configure("logback-gcp.xml")) {
      Logger logger = capture.logger("chat.Api");
      capture.mdc().put("traceId", "0af7651916cd43dd8448eb211c80319c");
      capture.mdc().put("span_id", "b7ad6b7169203331");
      logger.trace("t");
      logger.debug("d");
      logger.info("i");
      logger.warn("w");
      logger.error("e", new IllegalStateException("broken"));
      capture.mdc().clear();
      var events = capture.events();
      assertEquals(
          "DEBUG DEBUG INFO WARNING ERROR",
          String.join(" ", events.stream().map(e -> e.get("severity").asText()).toList()));
      JsonNode info = events.get(2);
      assertEquals("i", info.get("message").asText());
      assertTrue(info.get("time").asText().endsWith("Z"));
      assertEquals(
          "projects/my-project/traces/0af7651916cd43dd8448eb211c80319c",
          info.get("logging.googleapis.com/trace").asText());
      assertEquals("b7ad6b7169203331", info.get("logging.googleapis.com/spanId").asText());
      JsonNode location = info.get("logging.googleapis.com/sourceLocation");
      assertEquals("SafeJsonEncoderTest.java", location.get("file").asText());
      assertTrue(location.get("line").isInt());
      assertEquals(getClass().getName() + ".gcpFormatMapsSeverityAndWritesSourceLocationAndTrace",
          location.get("function").asText());
      assertEquals("chat-backend", info.at("/serviceContext/service").asText());
      JsonNode error = events.get(4);
      assertTrue(error.get("stack_trace").asText().startsWith("java.lang.IllegalStateException: broken\n\tat "));
      assertEquals("e", error.get("message").asText());
    }
  }

  @Test
  void logstashFormatUsesLogstashEncoderFieldNames() {
    try (LogCapture capture = LogCapture.configure("logback-logstash.xml")) {
      capture.mdc().put("user", "ada");
      capture.logger("chat.Api").atInfo().addKeyValue("orderId", 7).addMarker(MarkerFactory.getMarker("M"))
          .setCause(new RuntimeException("x")).log("hi");
      capture.mdc().clear();
      JsonNode event = capture.onlyEvent();
      assertTrue(event.get("@timestamp").asText().endsWith("Z"));
      assertEquals("1", event.get("@version").asText());
      assertEquals("hi", event.get("message").asText());
      assertEquals("chat.Api", event.get("logger_name").asText());
      assertEquals(Thread.currentThread().getName(), event.get("thread_name").asText());
      assertEquals("INFO", event.get("level").asText());
      assertEquals(20000, event.get("level_value").asInt());
      assertTrue(event.get("stack_trace").asText().startsWith("java.lang.RuntimeException: x"));
      assertEquals("M", event.at("/tags/0").asText());
      assertEquals("ada", event.get("user").asText());
      assertEquals(7, event.get("orderId").asInt());
      assertEquals("chat", event.get("app").asText());
    }
  }

  @Test
  void gelfFormatFollowsGelfOnePointOne() {
    Pattern additional = Pattern.compile("^_[\\w.\\-]*$");
    try (LogCapture capture = LogCapture.configure("logback-gelf.xml")) {
      capture.mdc().put("id", "mdc-id");
      capture.mdc().put("weird key/é", "v");
      Logger logger = capture.logger("chat.Api");
      logger.atError().addKeyValue("id", 1).addKeyValue("nested", Map.of("a", 1)).addKeyValue("ok", true)
          .setCause(new IllegalStateException("bad")).log("failed");
      logger.warn("w");
      logger.info("i");
      logger.debug("d");
      logger.trace("t");
      capture.mdc().clear();
      var events = capture.events();
      assertEquals("3 4 6 7 7", String.join(" ", events.stream().map(e -> e.get("level").asText()).toList()));
      for (JsonNode event : events) {
        assertEquals("1.1", event.get("version").asText());
        assertEquals("test-host", event.get("host").asText());
        assertTrue(event.get("short_message").isTextual());
        assertTrue(event.get("timestamp").isNumber());
        assertTrue(event.get("level").isInt());
        assertFalse(event.has("_id"));
        event.fieldNames().forEachRemaining(name -> {
          if (!Set.of("version", "host", "short_message", "full_message", "timestamp", "level").contains(name)) {
            assertTrue(additional.matcher(name).matches(), "GELF additional field name: " + name);
            JsonNode value = event.get(name);
            assertTrue(value.isTextual() || value.isNumber(), name + " must be a string or number: " + value);
          }
        });
      }
      JsonNode error = events.get(0);
      assertTrue(error.get("full_message").asText().startsWith("failed\njava.lang.IllegalStateException: bad"));
      assertEquals(1, error.get("_kv_id").asInt());
      assertEquals("mdc-id", error.get("_mdc_id").asText());
      assertEquals("static-id", error.get("_static_id").asText());
      assertEquals("chat", error.get("_team_name").asText());
      assertEquals("v", error.get("_weird_key__").asText());
      assertEquals("{\"a\":1}", error.get("_nested").asText());
      assertEquals("true", error.get("_ok").asText());
      double seconds = error.get("timestamp").asDouble();
      assertTrue(Math.abs(seconds * 1000 - System.currentTimeMillis()) < 60_000, "timestamp in seconds: " + seconds);
      String line = capture.lines().get(0);
      assertTrue(Pattern.compile("\"timestamp\":\\d+\\.\\d{3},").matcher(line).find(), line);
    }
  }

  @Test
  void invalidConfigurationIsReportedWithAddErrorAndNeverThrows() {
    try (LogCapture capture = LogCapture.configureAllowingErrors("logback-invalid.xml")) {
      List<String> errors = errors(capture);
      assertTrue(errors.stream().anyMatch(m -> m.contains("unknown format 'yaml'")), errors.toString());
      assertTrue(errors.stream().anyMatch(m -> m.contains("<maxEventBytes> must be at least")), errors.toString());
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "logback-rename-collision.xml | gives two fields the name \"thread_name\"",
        "logback-rename-reserved.xml  | gives a field the name \"httpRequest\"",
      })
  void aRenameThatWouldDuplicateOrTakeAReservedNameIsAConfigurationError(String resource, String expected) {
    try (LogCapture capture = LogCapture.configureAllowingErrors(resource)) {
      List<String> errors = errors(capture);
      assertTrue(errors.stream().anyMatch(m -> m.contains(expected)), errors.toString());
      capture.logger("c").info("still logged");
      JsonNode event = capture.onlyEvent(); // parsed strictly: a duplicate key would fail here
      assertEquals("still logged", event.get("msg").asText(), "an unstarted encoder writes the default format");
    }
  }

  @Test
  void startIsIdempotent() {
    SafeJsonEncoder encoder = new SafeJsonEncoder();
    encoder.setContext(new ch.qos.logback.classic.LoggerContext());
    encoder.start();
    encoder.start();
    assertTrue(encoder.isStarted());
  }

  /** The messages of the errors Logback reported while configuring. */
  private static List<String> errors(LogCapture capture) {
    return capture.context().getStatusManager().getCopyOfStatusList().stream()
        .filter(s -> s.getLevel() == Status.ERROR)
        .map(Status::getMessage)
        .toList();
  }

  private static void assertEcsType(String name, String type, JsonNode value) {
    switch (type) {
      case "datetime" -> Instant.parse(value.asText());
      case "string" -> assertTrue(value.isTextual(), name + " must be a string: " + value);
      case "integer" -> assertTrue(value.isIntegralNumber(), name + " must be an integer: " + value);
      case "object" -> assertTrue(value.isObject(), name + " must be an object: " + value);
      default -> throw new AssertionError("unknown ECS type " + type);
    }
  }

  static Path testdata() {
    String dir = System.getProperty("safejson.testdata");
    assertNotNull(dir, "surefire sets safejson.testdata");
    return Path.of(dir);
  }
}
