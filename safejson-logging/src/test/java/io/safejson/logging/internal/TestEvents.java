package io.safejson.logging.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import io.safejson.logging.LogCapture;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Logging events with every part fixed (time, logger, thread, MDC, context), so a test can state the exact
 * line it expects; they are handed to a real XML-configured encoder with {@link LogCapture#append}.
 */
final class TestEvents {
  /** 2025-11-24T00:05:30.123Z (checked with {@code date -u -d @1763942730}). */
  static final long MILLIS = 1_763_942_730_123L;

  static final String ISO = "2025-11-24T00:05:30.123Z";

  /** GELF's timestamp for {@link #MILLIS}: seconds with three decimals. */
  static final String GELF_SECONDS = "1763942730.123";

  private TestEvents() {}

  /**
   * An event of {@code level} from logger {@code chat.Api} on thread {@code worker-1}, in the capture's
   * context, with an empty MDC and no caller data.
   */
  static LoggingEvent event(LogCapture capture, Level level, String message) {
    LoggingEvent event = new LoggingEvent();
    event.setLevel(level);
    event.setLoggerName("chat.Api");
    event.setThreadName("worker-1");
    event.setMessage(message);
    event.setTimeStamp(MILLIS);
    event.setCallerData(new StackTraceElement[0]); // none: a hand-built event has no logger to compute them
    event.setMDCPropertyMap(new LinkedHashMap<>());
    event.setLoggerContextRemoteView(capture.context().getLoggerContextRemoteView());
    return event;
  }

  /** Adds {@code mdc} to the event's MDC, in its iteration order. */
  static LoggingEvent withMdc(LoggingEvent event, Map<String, String> mdc) {
    event.getMDCPropertyMap().putAll(mdc);
    return event;
  }

  static LoggingEvent withError(LoggingEvent event, Throwable error) {
    event.setThrowableProxy(new ThrowableProxy(error));
    return event;
  }

  /** An exception without frames: its stack trace is exactly {@code type: message}, plus causes and suppressed. */
  static final class Frameless extends RuntimeException {
    Frameless(String message) {
      super(message, null, true, false);
    }

    Frameless(String message, Throwable cause) {
      super(message, cause, true, false);
    }
  }

  /**
   * A full event: WARN {@code "order 42 failed"} with two markers, a key-value, an MDC entry, caller data
   * and a frameless exception {@code card declined}.
   */
  static LoggingEvent full(LogCapture capture) {
    LoggingEvent event = event(capture, Level.WARN, "order {} failed");
    event.setArgumentArray(new Object[] {42});
    org.slf4j.helpers.BasicMarkerFactory markers = new org.slf4j.helpers.BasicMarkerFactory();
    event.addMarker(markers.getMarker("AUDIT"));
    event.addMarker(markers.getMarker("BILLING"));
    event.addKeyValuePair(new org.slf4j.event.KeyValuePair("orderId", 42));
    withMdc(event, Map.of("requestId", "r-1"));
    event.setCallerData(new StackTraceElement[] {new StackTraceElement("chat.Api", "send", "Api.java", 77)});
    return withError(event, new Frameless("card declined"));
  }

  /**
   * An ERROR event {@code "too big"} whose 40 key-values and 40 MDC entries (250-char keys, 300-char values)
   * overflow 16 KiB even under the reduced budget, with a marker, caller data and a frameless exception.
   */
  static LoggingEvent oversized(LogCapture capture) {
    LoggingEvent event = event(capture, Level.ERROR, "too big");
    Map<String, String> mdc = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      String key = String.format("%03d", i) + "k".repeat(247);
      event.addKeyValuePair(new org.slf4j.event.KeyValuePair(key, "v".repeat(300)));
      mdc.put(key, "v".repeat(300));
    }
    withMdc(event, mdc);
    event.addMarker(new org.slf4j.helpers.BasicMarkerFactory().getMarker("AUDIT"));
    event.setCallerData(new StackTraceElement[] {new StackTraceElement("chat.Api", "send", "Api.java", 77)});
    return withError(event, new Frameless("card declined"));
  }

  /**
   * An event whose exception cannot even name its type: every attempt, the minimal one included, fails, so
   * the renderer falls back to its synthetic line.
   */
  static LoggingEvent unrenderable(LogCapture capture, Level level, String message) {
    LoggingEvent event =
        new LoggingEvent() {
          @Override
          public IThrowableProxy getThrowableProxy() {
            return new NamelessThrowable();
          }
        };
    event.setLevel(level);
    event.setLoggerName("chat.Api");
    event.setThreadName("worker-1");
    event.setMessage(message);
    event.setTimeStamp(MILLIS);
    event.setCallerData(new StackTraceElement[0]); // none: a hand-built event has no logger to compute them
    event.setMDCPropertyMap(new HashMap<>(Map.of("requestId", "r-1")));
    event.setLoggerContextRemoteView(capture.context().getLoggerContextRemoteView());
    return event;
  }

  /** An event whose MDC throws: the full rendering fails, the minimal one (which reads no MDC) succeeds. */
  static LoggingEvent brokenMdc(LogCapture capture, Level level, String message) {
    LoggingEvent event =
        new LoggingEvent() {
          @Override
          public Map<String, String> getMDCPropertyMap() {
            throw new IllegalStateException("MDC exploded");
          }
        };
    event.setLevel(level);
    event.setLoggerName("chat.Api");
    event.setThreadName("worker-1");
    event.setMessage(message);
    event.setTimeStamp(MILLIS);
    event.setCallerData(new StackTraceElement[0]); // none: a hand-built event has no logger to compute them
    event.setLoggerContextRemoteView(capture.context().getLoggerContextRemoteView());
    return event;
  }

  /** A throwable proxy whose {@code getClassName} throws. */
  static final class NamelessThrowable implements IThrowableProxy {
    @Override
    public String getMessage() {
      return "nameless";
    }

    @Override
    public String getClassName() {
      throw new IllegalStateException("no class name");
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return new StackTraceElementProxy[0];
    }

    @Override
    public int getCommonFrames() {
      return 0;
    }

    @Override
    public IThrowableProxy getCause() {
      return null;
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      return new IThrowableProxy[0];
    }

    @Override
    public boolean isCyclic() {
      return false;
    }
  }

  /** An event whose exception is {@code proxy}, an {@code IThrowableProxy} from outside Logback. */
  static LoggingEvent withProxy(LogCapture capture, IThrowableProxy proxy) {
    LoggingEvent event =
        new LoggingEvent() {
          @Override
          public IThrowableProxy getThrowableProxy() {
            return proxy;
          }
        };
    event.setLevel(Level.ERROR);
    event.setLoggerName("chat.Api");
    event.setThreadName("worker-1");
    event.setMessage("m");
    event.setTimeStamp(MILLIS);
    event.setMDCPropertyMap(new LinkedHashMap<>());
    event.setCallerData(new StackTraceElement[0]);
    event.setLoggerContextRemoteView(capture.context().getLoggerContextRemoteView());
    return event;
  }

  /**
   * An {@code IThrowableProxy} of type {@code custom.Failure} built by hand, as a deserialized or foreign
   * event may carry: its causes and suppressed ones may repeat without being flagged cyclic.
   */
  static final class CustomProxy implements IThrowableProxy {
    private final String message;
    IThrowableProxy cause;
    IThrowableProxy[] suppressed = new IThrowableProxy[0];
    StackTraceElementProxy[] frames = new StackTraceElementProxy[0];

    CustomProxy(String message) {
      this.message = message;
    }

    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public String getClassName() {
      return "custom.Failure";
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return frames;
    }

    @Override
    public int getCommonFrames() {
      return 0;
    }

    @Override
    public IThrowableProxy getCause() {
      return cause;
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      return suppressed;
    }

    @Override
    public boolean isCyclic() {
      return false;
    }
  }
}
