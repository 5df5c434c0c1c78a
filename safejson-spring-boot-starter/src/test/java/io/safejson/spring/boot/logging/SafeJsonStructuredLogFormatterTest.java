package io.safejson.spring.boot.logging;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.safejson.logging.SafeJsonEncoder;
import io.safejson.spring.boot.app.AwkwardValues;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

final class SafeJsonStructuredLogFormatterTest {
  private final LoggerContext loggerContext = new LoggerContext();

  @ParameterizedTest
  @ValueSource(strings = {"safejson", "ecs", "gcp", "logstash", "gelf"})
  void writesTheLineSafeJsonEncoderWritesWithTheSameSettings(String format) {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("spring.application.name", "chat-backend")
        .withProperty("safejson.logging.format", format)
        .withProperty("safejson.logging.service-environment", "prod")
        .withProperty("safejson.logging.static-fields.region", "eu-west-1")
        .withProperty("safejson.logging.redact", "card")
        .withProperty("safejson.logging.gcp-project-id", "chat-project")
        .withProperty("safejson.logging.max-field-length", "300");
    SafeJsonEncoder encoder = new SafeJsonEncoder();
    encoder.setContext(loggerContext);
    encoder.setFormat(format);
    encoder.setServiceName("chat-backend");
    encoder.setServiceEnvironment("prod");
    encoder.addStaticField("region=eu-west-1");
    encoder.setRedact("card");
    encoder.setGcpProjectId("chat-project");
    encoder.setMaxFieldLength(300);
    encoder.start();
    LoggingEvent event = awkwardEvent();

    String line = new SafeJsonStructuredLogFormatter(environment).format(event);

    assertThat(line).isEqualTo(new String(encoder.encode(event), StandardCharsets.UTF_8));
    assertThat(line).endsWith("\n").contains("chat-backend", "eu-west-1", "[REDACTED]", "...[TRUNCATED]");
    assertValidJson(line);
  }

  @Test
  void bootsOwnStructuredLogEncoderInstantiatesItFromItsClassName() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("spring.application.name", "chat-backend")
        .withProperty("safejson.logging.format", "ecs")
        .withProperty("safejson.logging.redact", "card");
    StructuredLogEncoder encoder = bootEncoder(environment);

    String line = new String(encoder.encode(awkwardEvent()), StandardCharsets.UTF_8);

    assertValidJson(line);
    assertThat(line)
        .startsWith("{\"@timestamp\":\"2026-11-24T00:05:30.123Z\",\"log.level\":\"INFO\",")
        .contains("\"service.name\":\"chat-backend\"", "\"trace.id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"",
            "\"span.id\":\"00f067aa0ba902b7\"", "\"card\":\"[REDACTED]\"", "\"password\":\"[REDACTED]\"",
            "\"error.type\":\"java.lang.IllegalStateException\"", "\"cost\":\"0.0150\"")
        .endsWith("}\n");
  }

  @Test
  void aHostileEventStillGivesOneValidLine() {
    StructuredLogEncoder encoder = bootEncoder(new MockEnvironment().withProperty("safejson.logging.format", "gcp"));
    List<Object> cycle = new java.util.ArrayList<>();
    cycle.add(cycle);
    LoggingEvent event = new LoggingEvent("fqcn", loggerContext.getLogger("chat"), Level.WARN,
        "broken {} {}", null, new Object[] {new Object() {
          @Override
          public String toString() {
            throw new IllegalStateException("toString fails");
          }
        }, "\ud800"});
    event.setMDCPropertyMap(Map.of("session", "s3cr3t"));
    event.addKeyValuePair(new KeyValuePair("cycle", cycle));
    event.addKeyValuePair(new KeyValuePair("message", "a user key named like a format field"));
    event.addKeyValuePair(new KeyValuePair("huge", "x".repeat(300_000)));

    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

    assertValidJson(line);
    assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(253_952);
    assertThat(line).contains("\"kv_message\":", "[CYCLE]", "\"truncated\":true", "\"session\":\"[REDACTED]\"")
        .doesNotContain("encoder_error", "s3cr3t");
  }

  @Test
  void anotherCharsetGetsTheSameLineInThatCharset() {
    SafeJsonStructuredLogFormatter formatter = new SafeJsonStructuredLogFormatter(new MockEnvironment());
    LoggingEvent event = awkwardEvent();

    assertThat(formatter.formatAsBytes(event, StandardCharsets.UTF_16BE))
        .isEqualTo(formatter.format(event).getBytes(StandardCharsets.UTF_16BE));
    assertThat(formatter.formatAsBytes(event, StandardCharsets.UTF_8))
        .isEqualTo(formatter.format(event).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void invalidPropertiesFailAtStartupNamingThem() {
    MockEnvironment environment = new MockEnvironment().withProperty("safejson.logging.max-event-bytes", "100");

    assertThatThrownBy(() -> new SafeJsonStructuredLogFormatter(environment))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("safejson.logging")
        .hasMessageContaining("maxEventBytes");
  }

  @Test
  void anUnknownFormatFailsAtStartupNamingTheProperty() {
    MockEnvironment environment = new MockEnvironment().withProperty("safejson.logging.format", "xml");

    assertThatThrownBy(() -> new SafeJsonStructuredLogFormatter(environment))
        .hasStackTraceContaining("safejson.logging.format");
  }

  private StructuredLogEncoder bootEncoder(Environment environment) {
    loggerContext.putObject(Environment.class.getName(), environment);
    StructuredLogEncoder encoder = new StructuredLogEncoder();
    encoder.setContext(loggerContext);
    encoder.setFormat(SafeJsonStructuredLogFormatter.class.getName());
    encoder.start();
    return encoder;
  }

  private LoggingEvent awkwardEvent() {
    LoggingEvent event = new LoggingEvent("fqcn", loggerContext.getLogger("chat.Sender"), Level.INFO,
        "sent {} values to {}", new IllegalStateException("socket closed"),
        new Object[] {7, java.util.UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301")});
    event.setInstant(Instant.parse("2026-11-24T00:05:30.123Z"));
    event.setThreadName("chat-worker-1");
    Map<String, String> mdc = new HashMap<>();
    mdc.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
    mdc.put("spanId", "00f067aa0ba902b7");
    mdc.put("card", "4111 1111 1111 1111");
    event.setMDCPropertyMap(mdc);
    event.addKeyValuePair(new KeyValuePair("values", AwkwardValues.sample()));
    event.addKeyValuePair(new KeyValuePair("password", "hunter2"));
    event.addKeyValuePair(new KeyValuePair("note", "n".repeat(1_000)));
    return event;
  }
}
