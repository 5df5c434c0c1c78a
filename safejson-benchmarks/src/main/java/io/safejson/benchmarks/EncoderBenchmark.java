package io.safejson.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.safejson.logging.SafeJsonEncoder;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import net.logstash.logback.encoder.LogstashEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.slf4j.event.KeyValuePair;

/**
 * Encodes the same three Logback events with {@link SafeJsonEncoder} (formats {@code safejson},
 * {@code logstash}, {@code ecs}), logstash-logback-encoder's {@code LogstashEncoder} and Logback's own
 * {@code JsonEncoder}, in one run.
 *
 * <p>Cases: {@code Plain} (a plain message), {@code Args} (2 arguments, 5 MDC entries, 3 key-values: an enum, a
 * UUID, an Instant), {@code Error} (an exception with a cause) and {@code FreshError} (the same exception in a
 * new event per operation, as in production: Logback builds a new {@code ThrowableProxy}, so no encoder can
 * reuse frame strings Logback cached in the previous event's proxy; the event's construction is measured too,
 * and is the same for every encoder). Prefixes: {@code safe} (format safejson),
 * {@code safelogstash}, {@code safeecs}, {@code logstash}, {@code logback}; {@link ResultTable} pairs them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EncoderBenchmark {
  private static final String FQCN = EncoderBenchmark.class.getName();

  private Encoder<ILoggingEvent> safe;
  private Encoder<ILoggingEvent> safeLogstash;
  private Encoder<ILoggingEvent> safeEcs;
  private Encoder<ILoggingEvent> logstash;
  private Encoder<ILoggingEvent> logback;
  private LoggingEvent plain;
  private LoggingEvent args;
  private LoggingEvent error;
  private Logger logger;
  private Throwable failure;

  enum ConnectionState {
    CONNECTED
  }

  /** Starts every encoder in one Logback context and builds the events once. */
  @Setup
  public void setUp() {
    LoggerContext context = new LoggerContext();
    context.setName("bench");
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    safe = safeJson(context, "safejson");
    safeLogstash = safeJson(context, "logstash");
    safeEcs = safeJson(context, "ecs");
    LogstashEncoder logstashEncoder = new LogstashEncoder();
    logstashEncoder.setContext(context);
    logstashEncoder.start();
    logstash = logstashEncoder;
    JsonEncoder jsonEncoder = new JsonEncoder();
    jsonEncoder.setContext(context);
    jsonEncoder.start();
    logback = jsonEncoder;

    logger = context.getLogger("io.safejson.examples.ChatEndpoint");
    plain = new LoggingEvent(FQCN, logger, Level.INFO, "user joined the room", null, null);
    args =
        new LoggingEvent(
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
    failure = new IllegalStateException("cannot deliver", new IOException("broken pipe"));
    error = new LoggingEvent(FQCN, logger, Level.ERROR, "broadcast failed", failure, null);
    for (LoggingEvent event : new LoggingEvent[] {plain, args, error}) {
      event.prepareForDeferredProcessing();
      requireLine(safe.encode(event));
      requireLine(logstash.encode(event));
      requireLine(logback.encode(event));
    }
  }

  private static SafeJsonEncoder safeJson(LoggerContext context, String format) {
    SafeJsonEncoder encoder = new SafeJsonEncoder();
    encoder.setContext(context);
    encoder.setFormat(format);
    encoder.start();
    return encoder;
  }

  private LoggingEvent freshError() {
    return new LoggingEvent(FQCN, logger, Level.ERROR, "broadcast failed", failure, null);
  }

  private static void requireLine(byte[] line) {
    if (line == null || line.length < 10 || line[line.length - 1] != '\n') {
      throw new IllegalStateException("an encoder did not produce a line");
    }
  }

  @Benchmark
  public byte[] safePlain() {
    return safe.encode(plain);
  }

  @Benchmark
  public byte[] safeArgs() {
    return safe.encode(args);
  }

  @Benchmark
  public byte[] safeError() {
    return safe.encode(error);
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
  public byte[] logstashPlain() {
    return logstash.encode(plain);
  }

  @Benchmark
  public byte[] logstashArgs() {
    return logstash.encode(args);
  }

  @Benchmark
  public byte[] logstashError() {
    return logstash.encode(error);
  }

  @Benchmark
  public byte[] logbackPlain() {
    return logback.encode(plain);
  }

  @Benchmark
  public byte[] logbackArgs() {
    return logback.encode(args);
  }

  @Benchmark
  public byte[] logbackError() {
    return logback.encode(error);
  }

  @Benchmark
  public byte[] safeFreshError() {
    return safe.encode(freshError());
  }

  @Benchmark
  public byte[] safelogstashFreshError() {
    return safeLogstash.encode(freshError());
  }

  @Benchmark
  public byte[] safeecsFreshError() {
    return safeEcs.encode(freshError());
  }

  @Benchmark
  public byte[] logstashFreshError() {
    return logstash.encode(freshError());
  }

  @Benchmark
  public byte[] logbackFreshError() {
    return logback.encode(freshError());
  }
}
