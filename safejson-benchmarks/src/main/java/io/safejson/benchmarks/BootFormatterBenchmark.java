package io.safejson.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.safejson.spring.boot.logging.SafeJsonStructuredLogFormatter;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Spring Boot structured logging ({@code logging.structured.format.console}) with the starter's
 * {@link SafeJsonStructuredLogFormatter} (formats {@code ecs} and {@code logstash}) against Boot's own
 * {@code ecs} and {@code logstash} formatters for Logback, on {@link EncoderBenchmark}'s plain, argument and
 * exception events, in one run.
 *
 * <p>Every formatter is made as Boot makes it: a Boot {@link StructuredLogEncoder} whose format is
 * {@code ecs}, {@code logstash} or the formatter's class name, started in a Logback context holding the Spring
 * {@link Environment} (with {@code spring.application.name}), and each operation is the encoder's
 * {@code encode(event)}, the bytes the appender writes. Prefixes {@code safeecs}, {@code safelogstash},
 * {@code bootecs}, {@code bootlogstash}; {@link ComparisonTable} pairs them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BootFormatterBenchmark {
  private static final String FQCN = BootFormatterBenchmark.class.getName();

  private StructuredLogEncoder safeEcs;
  private StructuredLogEncoder safeLogstash;
  private StructuredLogEncoder bootEcs;
  private StructuredLogEncoder bootLogstash;
  private LoggingEvent plain;
  private LoggingEvent args;
  private LoggingEvent error;

  enum ConnectionState {
    CONNECTED
  }

  /** Starts the four encoders as Boot does and builds EncoderBenchmark's events once. */
  @Setup
  public void setUp() {
    LoggerContext context = new LoggerContext();
    context.setName("bench");
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    safeEcs = encoder(context, SafeJsonStructuredLogFormatter.class.getName(), "ecs");
    safeLogstash = encoder(context, SafeJsonStructuredLogFormatter.class.getName(), "logstash");
    bootEcs = encoder(context, "ecs", "ecs");
    bootLogstash = encoder(context, "logstash", "logstash");

    Logger logger = context.getLogger("io.safejson.examples.ChatEndpoint");
    plain = new LoggingEvent(FQCN, logger, Level.INFO, "user joined the room", null, null);
    args = new LoggingEvent(
        FQCN, logger, Level.INFO, "user {} joined room {}", null, new Object[] {"ada", "lobby"});
    Map<String, String> mdc = new LinkedHashMap<>();
    mdc.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
    mdc.put("span_id", "00f067aa0ba902b7");
    mdc.put("user_id", "u-1842");
    mdc.put("room", "lobby");
    mdc.put("request_id", "req-77a1");
    args.setMDCPropertyMap(mdc);
    args.addKeyValuePair(new KeyValuePair("state", ConnectionState.CONNECTED));
    args.addKeyValuePair(new KeyValuePair("connection_id", UUID.fromString("123e4567-e89b-12d3-a456-426614174000")));
    args.addKeyValuePair(new KeyValuePair("connected_at", Instant.parse("2026-11-24T00:05:30.123Z")));
    Throwable failure = new IllegalStateException("cannot deliver", new IOException("broken pipe"));
    error = new LoggingEvent(FQCN, logger, Level.ERROR, "broadcast failed", failure, null);
    for (LoggingEvent event : new LoggingEvent[] {plain, args, error}) {
      event.prepareForDeferredProcessing();
      for (StructuredLogEncoder encoder : new StructuredLogEncoder[] {safeEcs, safeLogstash, bootEcs, bootLogstash}) {
        byte[] line = encoder.encode(event);
        if (line == null || line.length < 10 || line[line.length - 1] != '\n') {
          throw new IllegalStateException("an encoder did not produce a line");
        }
      }
    }
  }

  /** A Boot encoder for {@code format}, started with an environment naming the service and safejson's format. */
  private static StructuredLogEncoder encoder(LoggerContext context, String format, String safejsonFormat) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("benchmark", Map.of(
        "spring.application.name", "chat-backend",
        "safejson.logging.format", safejsonFormat)));
    // Boot's LoggingSystem puts the environment here; the encoder reads it once, in start().
    context.putObject(Environment.class.getName(), environment);
    StructuredLogEncoder encoder = new StructuredLogEncoder();
    encoder.setContext(context);
    encoder.setFormat(format);
    encoder.start();
    return encoder;
  }

  @Benchmark
  public byte[] safeecsPlain() {
    return safeEcs.encode(plain);
  }

  @Benchmark
  public byte[] safeecsArgs() {
    return safeEcs.encode(args);
  }

  @Benchmark
  public byte[] safeecsError() {
    return safeEcs.encode(error);
  }

  @Benchmark
  public byte[] safelogstashPlain() {
    return safeLogstash.encode(plain);
  }

  @Benchmark
  public byte[] safelogstashArgs() {
    return safeLogstash.encode(args);
  }

  @Benchmark
  public byte[] safelogstashError() {
    return safeLogstash.encode(error);
  }

  @Benchmark
  public byte[] bootecsPlain() {
    return bootEcs.encode(plain);
  }

  @Benchmark
  public byte[] bootecsArgs() {
    return bootEcs.encode(args);
  }

  @Benchmark
  public byte[] bootecsError() {
    return bootEcs.encode(error);
  }

  @Benchmark
  public byte[] bootlogstashPlain() {
    return bootLogstash.encode(plain);
  }

  @Benchmark
  public byte[] bootlogstashArgs() {
    return bootLogstash.encode(args);
  }

  @Benchmark
  public byte[] bootlogstashError() {
    return bootLogstash.encode(error);
  }
}
