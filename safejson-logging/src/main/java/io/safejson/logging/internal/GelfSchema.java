package io.safejson.logging.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.List;
import org.slf4j.Marker;

/**
 * The {@code gelf} format (GELF 1.1): {@code version}, {@code host}, {@code short_message},
 * {@code full_message}, {@code timestamp} in seconds, syslog {@code level}; every other field
 * {@code _}-prefixed with a name matching {@code ^[\w.\-]*$}, never {@code _id}, and a string or number value.
 */
final class GelfSchema extends LineSchema {
  private final SerializedString version;
  private final SerializedString host;
  private final SerializedString shortMessage;
  private final SerializedString fullMessage;
  private final SerializedString timestamp;
  private final SerializedString level;
  private final SerializedString levelName;
  private final SerializedString logger;
  private final SerializedString thread;
  private final SerializedString context;
  private final SerializedString serviceName;
  private final SerializedString serviceVersion;
  private final SerializedString serviceEnvironment;
  private final SerializedString markers;
  private final SerializedString errorType;
  private final SerializedString errorMessage;
  private final SerializedString callerClass;
  private final SerializedString callerMethod;
  private final SerializedString callerFile;
  private final SerializedString callerLine;
  private final SerializedString traceId;
  private final SerializedString spanId;

  GelfSchema(RendererConfig config) {
    this(config, new FieldNames(config));
  }

  private GelfSchema(RendererConfig config, FieldNames names) {
    super(config, names, KeyStyle.GELF);
    version = names.get("version");
    host = names.get("host");
    shortMessage = names.get("short_message");
    fullMessage = names.get("full_message");
    timestamp = names.get("timestamp");
    level = names.get("level");
    levelName = names.get("_level_name");
    logger = names.get("_logger");
    thread = names.get("_thread");
    context = names.get("_context");
    serviceName = names.get("_service_name");
    serviceVersion = names.get("_service_version");
    serviceEnvironment = names.get("_service_environment");
    markers = names.get("_markers");
    errorType = names.get("_error_type");
    errorMessage = names.get("_error_message");
    callerClass = names.get("_caller_class");
    callerMethod = names.get("_caller_method");
    callerFile = names.get("_caller_file");
    callerLine = names.get("_caller_line");
    traceId = names.shared("_trace_id");
    spanId = names.shared("_span_id");
    // GELF reserves _id; a user key "id" becomes _kv_id / _mdc_id.
    names.reserve("_id");
    names.reserve("_");
    seal(names);
  }

  @Override
  KeyStyle userKeyStyle() {
    return KeyStyle.GELF;
  }

  /** The syslog severity GELF expects: ERROR 3, WARN 4, INFO 6, DEBUG and TRACE 7. */
  /** GELF 1.1 allows only strings and numbers in additional fields: the flag is the string {@code "true"}. */
  @Override
  void writeTruncatedFlag(LineWriter w, SerializedString name) throws IOException {
    w.string(name, "true");
  }

  static int syslogLevel(int level) {
    if (level >= Level.ERROR_INT) {
      return 3;
    } else if (level >= Level.WARN_INT) {
      return 4;
    } else if (level >= Level.INFO_INT) {
      return 6;
    }
    return 7;
  }

  @Override
  void write(LineWriter w, ILoggingEvent event, String note) throws IOException {
    String text = EventContent.message(event);
    w.repeatedString(version, "1.1");
    w.repeatedString(host, config.host());
    w.string(shortMessage, text == null || text.isEmpty() ? "-" : text);
    IThrowableProxy error = throwable(event);
    if (error != null && full(w)) {
      String message = String.valueOf(text);
      if (Texts.exceeds(message, w.budget().fieldCap())) {
        w.markTruncated();
      }
      w.stackTrace(fullMessage, Texts.cap(message, w.budget().fieldCap()) + "\n", error, config.rootCauseFirst());
    }
    w.epochSeconds(timestamp, EventContent.epochMillis(event));
    w.number(level, syslogLevel(EventContent.levelInt(event)));
    w.repeatedString(levelName, EventContent.level(event));
    w.repeatedString(logger, EventContent.logger(event));
    w.repeatedString(thread, EventContent.thread(event));
    if (error != null) {
      w.repeatedString(errorType, error.getClassName());
      w.string(errorMessage, error.getMessage());
    }
    if (full(w)) {
      writeTrace(w, event, traceId, spanId, null);
      w.repeatedString(context, EventContent.contextName(event));
      w.repeatedString(serviceName, config.serviceName());
      w.repeatedString(serviceVersion, config.serviceVersion());
      w.repeatedString(serviceEnvironment, config.serviceEnvironment());
      w.string(markers, markerNames(event));
      StackTraceElement frame = config.includeCallerData() ? EventContent.caller(event) : null;
      if (frame != null) {
        w.repeatedString(callerClass, frame.getClassName());
        w.repeatedString(callerMethod, frame.getMethodName());
        w.repeatedString(callerFile, frame.getFileName());
        w.number(callerLine, frame.getLineNumber());
      }
      writeUserFieldsTopLevel(w, event);
    }
    writeTrailer(w, note);
  }

  /** GELF values are strings or numbers, so markers are joined with commas. */
  private static String markerNames(ILoggingEvent event) {
    if (!EventContent.hasMarkers(event)) {
      return null;
    }
    StringBuilder names = new StringBuilder();
    List<Marker> list = event.getMarkerList();
    for (Marker marker : list) {
      if (names.length() > 0) {
        names.append(',');
      }
      names.append(marker == null ? "null" : marker.getName());
    }
    return names.toString();
  }
}
