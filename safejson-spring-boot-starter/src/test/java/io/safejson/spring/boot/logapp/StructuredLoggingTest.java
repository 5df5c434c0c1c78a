package io.safejson.spring.boot.logapp;

import static io.safejson.testing.SafeJsonAssertions.assertJsonEquals;
import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.safejson.spring.boot.app.AwkwardValues;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boot's own structured logging with {@code SafeJsonStructuredLogFormatter} on the console, in a real Boot
 * application with Micrometer Tracing's OpenTelemetry bridge: every captured line is one valid JSON document, the
 * awkward values are normalized, secrets redacted, and a real span's ids sit where each backend looks for them.
 */
@ExtendWith(OutputCaptureExtension.class)
final class StructuredLoggingTest {
  private static final Logger log = LoggerFactory.getLogger(StructuredLoggingTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void ecsLinesCarryTheSpansIdsInTraceIdAndSpanId(CapturedOutput output) throws Exception {
    Logged logged = logThroughBoot("ecs", output);

    JsonNode sent = logged.line("sent 7 values");
    assertThat(sent.path("trace.id").asText()).isEqualTo(logged.traceId);
    assertThat(sent.path("span.id").asText()).isEqualTo(logged.spanId);
    assertThat(sent.has("traceId")).as("promoted, not repeated in the MDC dump: %s", sent).isFalse();
    assertThat(sent.has("spanId")).as("promoted, not repeated in the MDC dump: %s", sent).isFalse();
    assertThat(sent.path("service.name").asText()).isEqualTo("chat-backend");
    assertThat(sent.path("log.level").asText()).isEqualTo("INFO");
    assertThat(sent.path("ecs.version").asText()).isEqualTo("1.6.0");
    assertJsonEquals(AwkwardValues.SAFE_JSON, sent.path("values").toString());
    assertThat(sent.path("password").asText()).isEqualTo("[REDACTED]");

    JsonNode failed = logged.line("send failed");
    assertThat(failed.path("error.type").asText()).isEqualTo(IllegalStateException.class.getName());
    assertThat(failed.path("error.stack_trace").asText()).contains("socket closed", "StructuredLoggingTest");
    assertThat(failed.path("trace.id").asText()).isEqualTo(logged.traceId);
  }

  @Test
  void gcpLinesCarryTheSpansIdsInTheCloudLoggingTraceFields(CapturedOutput output) throws Exception {
    Logged logged = logThroughBoot("gcp", output);

    JsonNode sent = logged.line("sent 7 values");
    assertThat(sent.path("logging.googleapis.com/trace").asText())
        .isEqualTo("projects/chat-project/traces/" + logged.traceId);
    assertThat(sent.path("logging.googleapis.com/spanId").asText()).isEqualTo(logged.spanId);
    assertThat(sent.path("severity").asText()).isEqualTo("INFO");
    assertThat(sent.path("serviceContext").path("service").asText()).isEqualTo("chat-backend");
    assertJsonEquals(AwkwardValues.SAFE_JSON, sent.path("values").toString());
    assertThat(logged.line("send failed").path("stack_trace").asText()).contains("socket closed");
  }

  @Test
  void logstashLinesCarryTheSpansIdsInTraceIdAndSpanIdFields(CapturedOutput output) throws Exception {
    Logged logged = logThroughBoot("logstash", output);

    JsonNode sent = logged.line("sent 7 values");
    assertThat(sent.path("trace_id").asText()).isEqualTo(logged.traceId);
    assertThat(sent.path("span_id").asText()).isEqualTo(logged.spanId);
    assertThat(sent.path("@version").asText()).isEqualTo("1");
    assertThat(sent.path("service_name").asText()).isEqualTo("chat-backend");
    assertJsonEquals(AwkwardValues.SAFE_JSON, sent.path("values").toString());
    assertThat(sent.path("password").asText()).isEqualTo("[REDACTED]");
    assertThat(logged.line("send failed").path("stack_trace").asText()).contains("socket closed");
  }

  /** Starts the application with the formatter on the console, logs inside a real span, and reads the lines. */
  private static Logged logThroughBoot(String format, CapturedOutput output) throws Exception {
    String traceId;
    String spanId;
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LoggingApplication.class)
        .web(WebApplicationType.NONE)
        .properties(
            "logging.structured.format.console=io.safejson.spring.boot.logging.SafeJsonStructuredLogFormatter",
            "safejson.logging.format=" + format,
            "safejson.logging.gcp-project-id=chat-project",
            "spring.application.name=chat-backend",
            "management.tracing.sampling.probability=1.0",
            "spring.main.banner-mode=off")
        .run()) {
      Tracer tracer = context.getBean(Tracer.class);
      Span span = tracer.nextSpan().name("send").start();
      try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
        log.atInfo()
            .addKeyValue("values", AwkwardValues.sample())
            .addKeyValue("password", "hunter2")
            .log("sent {} values", 7);
        log.error("send failed", new IllegalStateException("socket closed"));
      } finally {
        span.end();
      }
      traceId = span.context().traceId();
      spanId = span.context().spanId();
    }
    assertThat(traceId).matches("[0-9a-f]{32}");
    assertThat(spanId).matches("[0-9a-f]{16}");
    List<String> lines = output.getOut().lines().filter(line -> !line.isBlank()).collect(Collectors.toList());
    assertThat(lines).as("Boot's startup lines and ours").hasSizeGreaterThan(2);
    for (String line : lines) {
      assertValidJson(line);
    }
    return new Logged(lines, traceId, spanId);
  }

  private static final class Logged {
    private final List<String> lines;
    private final String traceId;
    private final String spanId;

    Logged(List<String> lines, String traceId, String spanId) {
      this.lines = lines;
      this.traceId = traceId;
      this.spanId = spanId;
    }

    /** The one line whose message is {@code message} (in any format's message field). */
    JsonNode line(String message) throws Exception {
      List<JsonNode> matching = new java.util.ArrayList<>();
      for (String line : lines) {
        JsonNode node = JSON.readTree(line);
        if (message.equals(node.path("message").asText(null)) || message.equals(node.path("msg").asText(null))) {
          matching.add(node);
        }
      }
      assertThat(matching).as("lines with message %s in %s", message, lines).hasSize(1);
      return matching.get(0);
    }
  }
}
