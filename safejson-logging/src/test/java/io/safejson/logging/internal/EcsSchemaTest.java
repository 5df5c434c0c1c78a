package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.logging.LogCapture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The {@code ecs} format against the ECS logging spec ({@code testdata/ecs-logging/spec.json}: dotted
 * top-level names, {@code @timestamp}, {@code log.level}, {@code message}, {@code ecs.version}) and the
 * README's format table.
 */
final class EcsSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FRAMELESS = TestEvents.Frameless.class.getName();

  @Test
  void aFullEventCarriesEveryFieldOfTheFormatTableWithItsValue() {
    try (LogCapture capture = LogCapture.configure("logback-ecs-full.xml")) {
      capture.append(TestEvents.full(capture));
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("@timestamp", TestEvents.ISO);
      expected.put("log.level", "WARN");
      expected.put("message", "order 42 failed");
      expected.put("ecs.version", "1.6.0");
      expected.put("log.logger", "chat.Api");
      expected.put("process.thread.name", "worker-1");
      expected.put("context", "test-context");
      expected.put("service.name", "chat-backend");
      expected.put("service.version", "1.2.3");
      expected.put("service.environment", "prod");
      expected.put("event.dataset", "chat-backend");
      expected.put("tags", List.of("AUDIT", "BILLING"));
      expected.put("log.origin.file.name", "Api.java");
      expected.put("log.origin.file.line", 77);
      expected.put("log.origin.function", "send");
      expected.put("error.type", FRAMELESS);
      expected.put("error.message", "card declined");
      expected.put("error.stack_trace", FRAMELESS + ": card declined");
      expected.put("region", "eu-west-1");
      expected.put("orderId", 42);
      expected.put("requestId", "r-1");
      assertEquals(expected, asMap(capture.onlyEvent()));
      assertEquals("@timestamp", capture.onlyEvent().fieldNames().next(), "the spec recommends @timestamp first");
    }
  }

  @Test
  void aRealEventWithoutCallerDataOrServiceWritesOnlyItsOwnFields() {
    try (LogCapture capture = LogCapture.configure("logback-ecs-plain.xml")) {
      capture.logger("chat.Api").info("plain"); // a real event: its caller data is there to be taken
      JsonNode line = capture.onlyEvent();
      assertEquals(new TreeSet<>(Set.of("@timestamp", "log.level", "message", "ecs.version", "log.logger",
          "process.thread.name", "context")), names(line));
    }
  }

  @Test
  void aLineTooLongEvenWhenReducedIsWrittenAsTheMinimalLine() {
    try (LogCapture capture = LogCapture.configure("logback-ecs-full.xml")) {
      capture.append(TestEvents.oversized(capture));
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("@timestamp", TestEvents.ISO);
      expected.put("log.level", "ERROR");
      expected.put("message", "too big");
      expected.put("ecs.version", "1.6.0");
      expected.put("log.logger", "chat.Api");
      expected.put("process.thread.name", "worker-1");
      expected.put("error.type", FRAMELESS);
      expected.put("error.message", "card declined");
      expected.put("truncated", true);
      assertEquals(expected, asMap(capture.onlyEvent()));
    }
  }

  @Test
  void aFailedRenderingGivesTheMinimalLineWithTheFailureNoted() {
    try (LogCapture capture = LogCapture.configure("logback-ecs-full.xml")) {
      capture.encode(TestEvents.brokenMdc(capture, Level.INFO, "will fail"));
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("@timestamp", TestEvents.ISO);
      expected.put("log.level", "INFO");
      expected.put("message", "will fail");
      expected.put("ecs.version", "1.6.0");
      expected.put("log.logger", "chat.Api");
      expected.put("process.thread.name", "worker-1");
      expected.put("encoder_error", "java.lang.IllegalStateException: MDC exploded");
      assertEquals(expected, asMap(capture.onlyEvent()));
    }
  }

  static Map<String, Object> asMap(JsonNode line) {
    return JSON.convertValue(line, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
  }

  static Set<String> names(JsonNode line) {
    Set<String> names = new TreeSet<>();
    line.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
