package io.safejson.logging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;
import org.slf4j.helpers.BasicMarkerFactory;

/**
 * Regression pins for the issue 11 refactor of the encoder (one settings object, formats as tables): the exact
 * bytes every format wrote, before that refactor, for a fixed set of configurations and events, committed under
 * {@code src/test/resources/golden/}. The expected lines were produced by the encoder as it was on main before
 * the refactor, not by the code now under test; a refactor that changes one byte fails here. Regenerate them
 * ({@code -Dgolden.update=true}) only for an intended change of output, and review the diff.
 */
final class GoldenLinesTest {
  private static final String UPDATE_PROPERTY = "golden.update";
  private static final long MILLIS = 1_763_942_730_123L;
  private static final String HEADER = "## ";
  private static final String[] FORMATS = {"safejson", "ecs", "gcp", "logstash", "gelf"};

  /** Standard field names, per format, that the renaming configuration renames and excludes. */
  private static final Map<String, String[]> RENAME_AND_EXCLUDE =
      Map.of(
          "safejson", new String[] {"logger=source", "thread"},
          "ecs", new String[] {"log.logger=logger", "process.thread.name"},
          "gcp", new String[] {"logger=logger_name", "thread"},
          "logstash", new String[] {"logger_name=logger", "thread_name"},
          "gelf", new String[] {"_logger=_source", "_thread"});

  @Test
  void everyFormatWritesTheBytesItWroteBeforeTheRefactor() throws IOException {
    for (String format : FORMATS) {
      Map<String, byte[]> actual = render(format);
      Path file = goldenDir().resolve(format + ".jsonl");
      if (Boolean.getBoolean(UPDATE_PROPERTY)) {
        write(file, actual);
        continue;
      }
      Map<String, String> expected = read(file);
      assertEquals(expected.keySet(), actual.keySet(), format + ": the cases of " + file);
      for (Map.Entry<String, byte[]> line : actual.entrySet()) {
        byte[] wanted = (expected.get(line.getKey()) + "\n").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(
            wanted, line.getValue(),
            () -> format + " / " + line.getKey() + ":\nexpected " + new String(wanted, StandardCharsets.UTF_8)
                + "actual   " + new String(line.getValue(), StandardCharsets.UTF_8));
      }
    }
  }

  /** Every configuration of {@code format} crossed with every event, in a fixed order. */
  private static Map<String, byte[]> render(String format) {
    Map<String, byte[]> lines = new LinkedHashMap<>();
    for (Map.Entry<String, String> config : configurations(format).entrySet()) {
      LoggerContext context = configure(config.getValue());
      try {
        Encoder<ILoggingEvent> encoder = encoder(context);
        for (Map.Entry<String, Supplier<LoggingEvent>> event : events(context).entrySet()) {
          byte[] line = encoder.encode(event.getValue().get());
          assertTrue(line.length > 0 && line[line.length - 1] == '\n', "one line, newline-terminated");
          lines.put(config.getKey() + " / " + event.getKey(), line);
        }
      } finally {
        context.stop();
      }
    }
    return lines;
  }

  private static Map<String, String> configurations(String format) {
    String[] renameExclude = RENAME_AND_EXCLUDE.get(format);
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put("defaults", "<format>" + format + "</format>");
    configs.put(
        "every option",
        "<format>" + format + "</format><serviceName>chat-backend</serviceName><serviceVersion>1.2.3</serviceVersion>"
            + "<serviceEnvironment>prod</serviceEnvironment><staticField>region=eu-west-1</staticField>"
            + "<staticField>level=static</staticField><staticField>message=static</staticField>"
            + "<maxFieldLength>40</maxFieldLength><maxStackTraceLength>300</maxStackTraceLength>"
            + "<rootCauseFirst>true</rootCauseFirst><includeCallerData>true</includeCallerData>"
            + "<traceIdMdcKey>tid</traceIdMdcKey><spanIdMdcKey>sid</spanIdMdcKey>"
            + "<traceFlagsMdcKeys>flags,trace_flags</traceFlagsMdcKeys><gcpProjectId>my-project</gcpProjectId>"
            + "<redact>pin, cvv</redact><host>gelf-host</host>"
            + "<renameField>" + renameExclude[0] + "</renameField><excludeField>" + renameExclude[1] + "</excludeField>");
    configs.put(
        "capped",
        "<format>" + format + "</format><maxEventBytes>16384</maxEventBytes><maxFieldLength>20000</maxFieldLength>"
            + "<traceIdMdcKeys>dd.trace_id,traceId</traceIdMdcKeys><spanIdMdcKeys>dd.span_id,spanId</spanIdMdcKeys>");
    configs.put(
        "no correlation, no default redaction",
        "<format>" + format + "</format><traceCorrelation>false</traceCorrelation>"
            + "<redactDefaults>false</redactDefaults><serviceName>svc</serviceName>");
    return configs;
  }

  /** The events, each built fresh for every encoder (Logback caches a formatted message in the event). */
  private static Map<String, Supplier<LoggingEvent>> events(LoggerContext context) {
    Map<String, Supplier<LoggingEvent>> events = new LinkedHashMap<>();
    events.put("plain", () -> event(context, Level.INFO, "hello world"));
    events.put("empty message", () -> event(context, Level.DEBUG, ""));
    events.put("trace level", () -> event(context, Level.TRACE, "fine detail"));
    events.put("arguments", () -> {
      LoggingEvent event = event(context, Level.WARN, "order {} for {} at {}");
      event.setArgumentArray(new Object[] {42, "bob", 1.5});
      return event;
    });
    events.put("key-values and structured arguments", () -> {
      LoggingEvent event = event(context, Level.INFO, "paid {}");
      Map<String, Object> user = new TreeMap<>(Map.of("name", "Ada", "roles", List.of("admin", "ops")));
      event.setArgumentArray(new Object[] {StructuredArguments.kv("amount", 12.5), StructuredArguments.value("user", user)});
      event.addKeyValuePair(new KeyValuePair("orderId", 42L));
      event.addKeyValuePair(new KeyValuePair("paid", true));
      event.addKeyValuePair(new KeyValuePair("note", null));
      event.addKeyValuePair(new KeyValuePair("tags", List.of("a", "b")));
      return event;
    });
    events.put("mdc with trace ids", () -> withMdc(
        event(context, Level.INFO, "traced"),
        "trace_id", "4BF92F3577B34DA6A3CE929D0E0E4736", "span_id", "00f067aa0ba902b7", "trace_flags", "01",
        "tid", "0af7651916cd43dd8448eb211c80319c", "sid", "b7ad6b7169203331", "flags", "00",
        "dd.trace_id", "1234567890123456789", "dd.span_id", "987654321", "requestId", "r-1"));
    events.put("malformed trace ids", () -> withMdc(
        event(context, Level.INFO, "badly traced"), "trace_id", "xyz", "span_id", "0000000000000000",
        "traceId", "00000000000000000000000000000000", "trace_flags", "1"));
    events.put("colliding keys", () -> colliding(context));
    events.put("markers", () -> {
      LoggingEvent event = event(context, Level.INFO, "marked");
      BasicMarkerFactory markers = new BasicMarkerFactory();
      event.addMarker(markers.getMarker("AUDIT"));
      event.addMarker(markers.getMarker("BILLING \"x\""));
      return event;
    });
    events.put("caller data", () -> {
      LoggingEvent event = event(context, Level.INFO, "from a caller");
      event.setCallerData(new StackTraceElement[] {new StackTraceElement("chat.Api", "send", "Api.java", 77)});
      return event;
    });
    events.put("exception with causes and suppressed", () -> withError(event(context, Level.ERROR, "failed"), chain()));
    events.put("exception with a cyclic cause", () -> withError(event(context, Level.ERROR, "loops"), cyclic()));
    events.put("exception without message", () ->
        withError(event(context, Level.ERROR, "no message"), framed(new IllegalStateException(), "chat.Api", 3)));
    events.put("hostile values", () -> hostile(context));
    events.put("lone surrogates", () -> {
      LoggingEvent event = event(context, Level.INFO, "half \uD800 pair \uDC00");
      event.addKeyValuePair(new KeyValuePair("k\uD800ey", "v\uDC00alue"));
      return withMdc(event, "m\uD800", "\uDBFFx");
    });
    events.put("huge strings", () -> {
      LoggingEvent event = event(context, Level.INFO, "m".repeat(100_000) + "\u00e9\uD83D\uDE00");
      event.addKeyValuePair(new KeyValuePair("big", "v".repeat(100_000)));
      event.addKeyValuePair(new KeyValuePair("k".repeat(300), "long key"));
      return withMdc(event, "bigMdc", "w".repeat(50_000));
    });
    events.put("redaction", () -> {
      LoggingEvent event = event(context, Level.INFO, "login");
      event.addKeyValuePair(new KeyValuePair("password", "hunter2"));
      event.addKeyValuePair(new KeyValuePair("PIN", 1234));
      event.addKeyValuePair(new KeyValuePair("body", new TreeMap<>(Map.of("token", "t-1", "cvv", "123", "ok", 1))));
      return withMdc(event, "authorization", "Bearer abc", "cvv", "999", "user", "ada");
    });
    events.put("oversized", () -> oversized(context));
    events.put("failing mdc", () -> {
      LoggingEvent event =
          new LoggingEvent() {
            @Override
            public Map<String, String> getMDCPropertyMap() {
              throw new IllegalStateException("MDC exploded");
            }
          };
      return fill(event, context, Level.WARN, "mdc fails");
    });
    events.put("unrenderable", () -> {
      LoggingEvent event =
          new LoggingEvent() {
            @Override
            public ch.qos.logback.classic.spi.IThrowableProxy getThrowableProxy() {
              return new ThrowableProxy(new RuntimeException("nameless")) {
                @Override
                public String getClassName() {
                  throw new IllegalStateException("no class name");
                }
              };
            }

            @Override
            public Map<String, String> getMDCPropertyMap() {
              throw new IllegalStateException("MDC exploded");
            }

            @Override
            public String getLoggerName() {
              throw new IllegalStateException("no logger");
            }
          };
      return fill(event, context, Level.ERROR, "nothing works");
    });
    return events;
  }

  private static LoggingEvent event(LoggerContext context, Level level, String message) {
    return fill(new LoggingEvent(), context, level, message);
  }

  private static LoggingEvent fill(LoggingEvent event, LoggerContext context, Level level, String message) {
    event.setLevel(level);
    event.setLoggerName("chat.Api");
    event.setThreadName("worker-1");
    event.setMessage(message);
    event.setTimeStamp(MILLIS);
    event.setCallerData(new StackTraceElement[0]);
    event.setMDCPropertyMap(new LinkedHashMap<>());
    event.setLoggerContextRemoteView(context.getLoggerContextRemoteView());
    return event;
  }

  private static LoggingEvent withMdc(LoggingEvent event, String... keysAndValues) {
    Map<String, String> mdc = event.getMDCPropertyMap();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      mdc.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return event;
  }

  private static LoggingEvent withError(LoggingEvent event, Throwable error) {
    event.setThrowableProxy(new ThrowableProxy(error));
    return event;
  }

  /** User keys equal to the standard names of every format, in the MDC, key-values and arguments. */
  private static LoggingEvent colliding(LoggerContext context) {
    LoggingEvent event = event(context, Level.INFO, "collisions");
    String[] names = {
      "message", "level", "msg", "ts", "@timestamp", "severity", "time", "short_message", "full_message", "host",
      "_id", "id", "version", "@version", "kv", "mdc", "logger", "logger_name", "_logger", "trace_id", "trace.id",
      "span_id", "logging.googleapis.com/labels", "httpRequest", "timestamp", "error", "error.type", "log.level",
      "ecs.version", "stack_trace", "tags", "context", "truncated", "encoder_error", "_truncated", "kv_message", "",
      "a b/c"
    };
    List<String> mdc = new ArrayList<>();
    for (String name : names) {
      event.addKeyValuePair(new KeyValuePair(name, "kv:" + name));
      mdc.add(name);
      mdc.add("mdc:" + name);
    }
    event.addKeyValuePair(new KeyValuePair("message", "again"));
    event.setArgumentArray(new Object[] {StructuredArguments.kv("message", "argument")});
    withMdc(event, mdc.toArray(new String[0]));
    event.getMDCPropertyMap().put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
    return event;
  }

  private static LoggingEvent hostile(LoggerContext context) {
    LoggingEvent event = event(context, Level.WARN, "hostile {}");
    List<Object> cycle = new ArrayList<>();
    cycle.add("head");
    cycle.add(cycle);
    Object throwing = new Object() {
      @Override
      public String toString() {
        throw new IllegalStateException("toString exploded");
      }
    };
    event.setArgumentArray(new Object[] {throwing});
    event.addKeyValuePair(new KeyValuePair("cycle", cycle));
    event.addKeyValuePair(new KeyValuePair("nan", Double.NaN));
    event.addKeyValuePair(new KeyValuePair("infinity", Double.NEGATIVE_INFINITY));
    event.addKeyValuePair(new KeyValuePair("throwing", throwing));
    event.addKeyValuePair(new KeyValuePair("big", new java.math.BigDecimal("1e400")));
    event.addKeyValuePair(new KeyValuePair("nested", new TreeMap<>(Map.of("deep", List.of(Map.of("x", 1))))));
    event.addKeyValuePair(new KeyValuePair("control", "tab\tnewline\nnul\u0000"));
    event.addKeyValuePair(new KeyValuePair(null, "null key"));
    return event;
  }

  private static LoggingEvent oversized(LoggerContext context) {
    LoggingEvent event = event(context, Level.ERROR, "too big");
    List<String> mdc = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String key = String.format("%03d", i) + "k".repeat(247);
      event.addKeyValuePair(new KeyValuePair(key, "v".repeat(300)));
      mdc.add(key);
      mdc.add("v".repeat(300));
    }
    withMdc(event, mdc.toArray(new String[0]));
    event.addMarker(new BasicMarkerFactory().getMarker("AUDIT"));
    return withError(event, chain());
  }

  /** An exception with two causes and a suppressed one, every frame fixed. */
  private static Throwable chain() {
    Throwable root = framed(new java.io.IOException("disk \"full\""), "chat.Disk", 2);
    Throwable middle = framed(new IllegalStateException("store failed", root), "chat.Store", 3);
    Throwable top = framed(new RuntimeException("request failed", middle), "chat.Api", 4);
    top.addSuppressed(framed(new IllegalArgumentException("close failed"), "chat.Closer", 1));
    return top;
  }

  private static Throwable cyclic() {
    Throwable a = framed(new RuntimeException("a"), "chat.A", 1);
    Throwable b = framed(new RuntimeException("b"), "chat.B", 1);
    a.initCause(b);
    b.initCause(a);
    return a;
  }

  /** {@code error} with {@code depth} frames of {@code className}, then two frames shared by every error. */
  private static Throwable framed(Throwable error, String className, int depth) {
    List<StackTraceElement> frames = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      frames.add(new StackTraceElement(className, "step" + i, className.substring(5) + ".java", 10 + i));
    }
    frames.add(new StackTraceElement("chat.Server", "handle", "Server.java", 100));
    frames.add(new StackTraceElement("java.lang.Thread", "run", "Thread.java", 833));
    error.setStackTrace(frames.toArray(new StackTraceElement[0]));
    return error;
  }

  private static LoggerContext configure(String encoderXml) {
    LoggerContext context = new LoggerContext();
    context.setName("golden");
    context.putProperty(CoreConstants.HOSTNAME_KEY, "context-host");
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    String xml =
        "<configuration><appender name=\"CAPTURE\" class=\"io.safejson.logging.CapturingAppender\">"
            + "<encoder class=\"io.safejson.logging.SafeJsonEncoder\">" + encoderXml + "</encoder></appender>"
            + "<root level=\"TRACE\"><appender-ref ref=\"CAPTURE\"/></root></configuration>";
    try {
      configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("configuring " + encoderXml, e);
    }
    for (Status status : context.getStatusManager().getCopyOfStatusList()) {
      if (status.getLevel() >= Status.WARN) {
        fail("Logback reported while configuring " + encoderXml + ": " + status);
      }
    }
    return context;
  }

  private static Encoder<ILoggingEvent> encoder(LoggerContext context) {
    CapturingAppender appender = (CapturingAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CAPTURE");
    assertTrue(appender.getEncoder().isStarted(), "the encoder started");
    return appender.getEncoder();
  }

  private static Path goldenDir() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "src/test/resources/golden");
  }

  private static void write(Path file, Map<String, byte[]> lines) throws IOException {
    Files.createDirectories(file.getParent());
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, byte[]> line : lines.entrySet()) {
      text.append(HEADER).append(line.getKey()).append('\n').append(new String(line.getValue(), StandardCharsets.UTF_8));
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static Map<String, String> read(Path file) throws IOException {
    Map<String, String> lines = new LinkedHashMap<>();
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i + 1 < all.size(); i += 2) {
      assertTrue(all.get(i).startsWith(HEADER), file + " line " + (i + 1) + " must be a case header");
      lines.put(all.get(i).substring(HEADER.length()), all.get(i + 1));
    }
    return lines;
  }
}
