package io.safejson.logging.internal;

import static io.safejson.logging.internal.EcsSchemaTest.asMap;
import static io.safejson.logging.internal.EcsSchemaTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import io.safejson.logging.LogCapture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The {@code logstash} format: logstash-logback-encoder's {@code LogstashEncoder} field names
 * ({@code @timestamp}, {@code @version} "1", {@code logger_name}, {@code thread_name}, {@code level},
 * {@code level_value}, {@code stack_trace}, {@code tags}, {@code caller_*}) as the README's table lists them.
 */
final class LogstashSchemaTest {
  private static final String FRAMELESS = TestEvents.Frameless.class.getName();

  @Test
  void aFullEventCarriesEveryFieldOfTheFormatTableWithItsValue() {
    try (LogCapture capture = LogCapture.configure("logback-logstash-full.xml")) {
      capture.append(TestEvents.full(capture));
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("@timestamp", TestEvents.ISO);
      expected.put("@version", "1");
      expected.put("message", "order 42 failed");
      expected.put("logger_name", "chat.Api");
      expected.put("thread_name", "worker-1");
      expected.put("level", "WARN");
      expected.put("level_value", 30_000); // Logback's WARN_INT
      expected.put("stack_trace", FRAMELESS + ": card declined");
      expected.put("tags", List.of("AUDIT", "BILLING"));
      expected.put("context", "test-context");
      expected.put("service_name", "chat-backend");
      expected.put("service_version", "1.2.3");
      expected.put("service_environment", "prod");
      expected.put("caller_class_name", "chat.Api");
      expected.put("caller_method_name", "send");
      expected.put("caller_file_name", "Api.java");
      expected.put("caller_line_number", 77);
      expected.put("region", "eu-west-1");
      expected.put("orderId", 42);
      expected.put("requestId", "r-1");
      assertEquals(expected, asMap(capture.onlyEvent()));
    }
  }

  @Test
  void aRealEventWithoutCallerDataOrServiceWritesOnlyItsOwnFields() {
    try (LogCapture capture = LogCapture.configure("logback-logstash-plain.xml")) {
      capture.logger("chat.Api").debug("plain");
      assertEquals(new TreeSet<>(Set.of("@timestamp", "@version", "message", "logger_name", "thread_name", "level",
          "level_value", "context")), names(capture.onlyEvent()));
      assertEquals(10_000, capture.onlyEvent().get("level_value").asInt());
    }
  }

  @Test
  void aLineTooLongEvenWhenReducedIsWrittenAsTheMinimalLine() {
    try (LogCapture capture = LogCapture.configure("logback-logstash-full.xml")) {
      capture.append(TestEvents.oversized(capture));
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("@timestamp", TestEvents.ISO);
      expected.put("@version", "1");
      expected.put("message", "too big");
      expected.put("logger_name", "chat.Api");
      expected.put("thread_name", "worker-1");
      expected.put("level", "ERROR");
      expected.put("level_value", 40_000);
      expected.put("stack_trace", FRAMELESS + ": card declined"); // the minimal line's one-line form
      expected.put("truncated", true);
      assertEquals(expected, asMap(capture.onlyEvent()));
    }
  }

  @Test
  void aFailedRenderingGivesTheMinimalLineWithTheFailureNoted() {
    try (LogCapture capture = LogCapture.configure("logback-logstash-full.xml")) {
      capture.encode(TestEvents.brokenMdc(capture, Level.INFO, "will fail"));
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("@timestamp", TestEvents.ISO);
      expected.put("@version", "1");
      expected.put("message", "will fail");
      expected.put("logger_name", "chat.Api");
      expected.put("thread_name", "worker-1");
      expected.put("level", "INFO");
      expected.put("level_value", 20_000);
      expected.put("encoder_error", "java.lang.IllegalStateException: MDC exploded");
      assertEquals(expected, asMap(capture.onlyEvent()));
    }
  }
}
