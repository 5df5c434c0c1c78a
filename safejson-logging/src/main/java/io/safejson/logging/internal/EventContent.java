package io.safejson.logging.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Reads the parts of a logging event every format shares and writes the user-named ones (key-values,
 * structured arguments, MDC, static fields, markers) through a {@link LineWriter}.
 * Thread-safe: stateless. Accessors never throw: a custom event that fails yields {@code "[FAILED]"}.
 */
final class EventContent {
  static final String FAILED = "[FAILED]";

  private EventContent() {}

  static String message(ILoggingEvent event) {
    try {
      return event.getFormattedMessage();
    } catch (Throwable formatting) {
      try {
        return event.getMessage();
      } catch (Throwable ignored) {
        return FAILED;
      }
    }
  }

  /**
   * Whether {@code message} (the formatted message) is the event's own message instance, nothing substituted
   * into it: a message logged without arguments, in practice the logging call's constant.
   */
  static boolean isTemplate(ILoggingEvent event, String message) {
    try {
      return event.getMessage() == message;
    } catch (Throwable t) {
      return false;
    }
  }

  static String logger(ILoggingEvent event) {
    try {
      return event.getLoggerName();
    } catch (Throwable t) {
      return FAILED;
    }
  }

  static String thread(ILoggingEvent event) {
    try {
      return event.getThreadName();
    } catch (Throwable t) {
      return FAILED;
    }
  }

  static String level(ILoggingEvent event) {
    try {
      return String.valueOf(event.getLevel());
    } catch (Throwable t) {
      return "ERROR";
    }
  }

  static int levelInt(ILoggingEvent event) {
    try {
      return event.getLevel().toInt();
    } catch (Throwable t) {
      return ch.qos.logback.classic.Level.ERROR_INT;
    }
  }

  static long epochMillis(ILoggingEvent event) {
    try {
      return event.getTimeStamp();
    } catch (Throwable t) {
      return System.currentTimeMillis();
    }
  }

  static String contextName(ILoggingEvent event) {
    return event.getLoggerContextVO() == null ? null : event.getLoggerContextVO().getName();
  }

  /** The first caller frame, or null when caller data is off or unavailable. */
  static StackTraceElement caller(ILoggingEvent event) {
    StackTraceElement[] frames = event.getCallerData();
    return frames == null || frames.length == 0 ? null : frames[0];
  }

  static boolean hasKeyValues(ILoggingEvent event) {
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null && !pairs.isEmpty()) {
      return true;
    }
    Object[] arguments = event.getArgumentArray();
    if (arguments != null) {
      for (Object argument : arguments) {
        if (argument instanceof KeyValueArgument) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * SLF4J 2 key-values, then structured arguments, each named with {@code prefix} on collision;
   * {@code topLevel} when they share the line's top-level object with the format's own fields.
   */
  static void writeKeyValues(LineWriter w, ILoggingEvent event, boolean topLevel, KeyStyle style, String prefix)
      throws IOException {
    int left = w.budget().maxEntries();
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      for (KeyValuePair pair : pairs) {
        if (pair == null) {
          continue;
        }
        if (left-- <= 0) {
          w.markTruncated();
          return;
        }
        w.userField(pair.key, pair.value, prefix, topLevel, style);
      }
    }
    Object[] arguments = event.getArgumentArray();
    if (arguments != null) {
      for (Object argument : arguments) {
        if (argument instanceof KeyValueArgument structured) {
          if (left-- <= 0) {
            w.markTruncated();
            return;
          }
          w.userField(structured.key(), structured.value(), prefix, topLevel, style);
        }
      }
    }
  }

  static boolean hasMdc(ILoggingEvent event) {
    Map<String, String> mdc = event.getMDCPropertyMap();
    return mdc != null && !mdc.isEmpty();
  }

  /** Whether the MDC holds an entry this line did not promote to a trace field. */
  static boolean hasMdcLeft(LineWriter w, ILoggingEvent event) {
    Map<String, String> mdc = event.getMDCPropertyMap();
    return mdc != null && mdc.size() > w.trace().promotedCount();
  }

  /** The MDC entries, except those this line promoted to trace fields ({@link LineWriter#trace()}). */
  static void writeMdc(LineWriter w, ILoggingEvent event, boolean topLevel, KeyStyle style, String prefix)
      throws IOException {
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc == null) {
      return;
    }
    TraceContext trace = w.trace();
    int left = w.budget().maxEntries();
    for (Map.Entry<String, String> entry : mdc.entrySet()) {
      if (trace.promoted(entry.getKey())) {
        continue;
      }
      if (left-- <= 0) {
        w.markTruncated();
        return;
      }
      w.repeatedUserField(entry.getKey(), entry.getValue(), prefix, topLevel, style);
    }
  }

  static void writeStaticFields(LineWriter w, List<Map.Entry<String, String>> fields, boolean topLevel, KeyStyle style)
      throws IOException {
    for (int i = 0; i < fields.size(); i++) { // indexed: no iterator per event
      Map.Entry<String, String> field = fields.get(i);
      w.repeatedUserField(field.getKey(), field.getValue(), "static", true, style);
    }
  }

  static boolean hasMarkers(ILoggingEvent event) {
    List<Marker> markers = event.getMarkerList();
    return markers != null && !markers.isEmpty();
  }

  static void writeMarkers(LineWriter w, SerializableString name, ILoggingEvent event) throws IOException {
    if (name == null || !hasMarkers(event)) {
      return;
    }
    w.name(name);
    w.generator().writeStartArray();
    int left = w.budget().maxEntries();
    for (Marker marker : event.getMarkerList()) {
      if (left-- <= 0) {
        w.markTruncated();
        break;
      }
      w.stringValue(marker == null ? null : marker.getName(), LineWriter.MAX_KEY_CHARS);
    }
    w.generator().writeEndArray();
  }
}
