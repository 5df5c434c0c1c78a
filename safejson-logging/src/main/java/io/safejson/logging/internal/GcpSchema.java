package io.safejson.logging.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/**
 * The {@code gcp} format: Google Cloud Logging's structured stdout ({@code severity}, {@code time}, the
 * {@code logging.googleapis.com/*} special fields), with the stack trace in {@code stack_trace}, where Error
 * Reporting looks first.
 */
final class GcpSchema extends LineSchema {
  private static final SerializedString FILE = TextCaches.escaped("file");
  private static final SerializedString LINE = TextCaches.escaped("line");
  private static final SerializedString FUNCTION = TextCaches.escaped("function");
  private static final SerializedString SERVICE = TextCaches.escaped("service");
  private static final SerializedString VERSION = TextCaches.escaped("version");

  private final SerializedString severity;
  private final SerializedString message;
  private final SerializedString time;
  private final SerializedString sourceLocation;
  private final SerializedString trace;
  private final SerializedString spanId;
  private final SerializedString traceSampled;
  private final SerializedString logger;
  private final SerializedString thread;
  private final SerializedString context;
  private final SerializedString serviceContext;
  private final SerializedString environment;
  private final SerializedString markers;
  private final SerializedString stackTrace;
  private final SerializedString errorType;

  GcpSchema(RendererConfig config) {
    this(config, new FieldNames(config));
  }

  private GcpSchema(RendererConfig config, FieldNames names) {
    super(config, names, KeyStyle.PLAIN);
    severity = names.get("severity");
    message = names.get("message");
    time = names.get("time");
    sourceLocation = names.get("logging.googleapis.com/sourceLocation");
    trace = names.get("logging.googleapis.com/trace");
    spanId = names.get("logging.googleapis.com/spanId");
    traceSampled = names.get("logging.googleapis.com/trace_sampled");
    logger = names.get("logger");
    thread = names.get("thread");
    context = names.get("context");
    serviceContext = names.get("serviceContext");
    environment = names.get("environment");
    markers = names.get("markers");
    stackTrace = names.get("stack_trace");
    errorType = names.get("error_type");
    // Cloud Logging treats these as special too; a user key must never land on them.
    names.reserve("logging.googleapis.com/labels");
    names.reserve("logging.googleapis.com/operation");
    names.reserve("logging.googleapis.com/insertId");
    names.reserve("httpRequest");
    names.reserve("timestamp");
    seal(names);
  }

  /** Cloud Logging's LogSeverity for a Logback level: WARN is {@code WARNING}, TRACE is {@code DEBUG}. */
  static String severity(int level) {
    if (level >= Level.ERROR_INT) {
      return "ERROR";
    } else if (level >= Level.WARN_INT) {
      return "WARNING";
    } else if (level >= Level.INFO_INT) {
      return "INFO";
    }
    return "DEBUG";
  }

  @Override
  void write(LineWriter w, ILoggingEvent event, String note) throws IOException {
    w.repeatedString(severity, severity(EventContent.levelInt(event)));
    w.string(message, EventContent.message(event));
    w.timestamp(time, EventContent.epochMillis(event));
    w.repeatedString(logger, EventContent.logger(event));
    w.repeatedString(thread, EventContent.thread(event));
    if (full(w)) {
      writeTrace(w, event);
      writeSourceLocation(w, event);
      w.repeatedString(context, EventContent.contextName(event));
      if (config.serviceName() != null && w.startObject(serviceContext)) {
        w.repeatedString(SERVICE, config.serviceName());
        w.repeatedString(VERSION, config.serviceVersion());
        w.endObject();
      }
      w.repeatedString(environment, config.serviceEnvironment());
      EventContent.writeMarkers(w, markers, event);
    }
    IThrowableProxy error = throwable(event);
    if (error != null) {
      w.repeatedString(errorType, error.getClassName());
      if (full(w)) {
        writeStackTrace(w, stackTrace, error);
      } else {
        w.string(stackTrace, error.getClassName() + ": " + error.getMessage());
      }
    }
    if (full(w)) {
      writeUserFieldsTopLevel(w, event);
    }
    writeTrailer(w, note);
  }

  /** The special fields that link an entry to Cloud Trace; trace_sampled is bit 0 of the W3C trace flags. */
  private void writeTrace(LineWriter w, ILoggingEvent event) throws IOException {
    TraceContext context = readTrace(w, event, trace, spanId, traceSampled);
    String traceId = context.traceId();
    if (traceId != null) {
      String project = config.gcpProjectId();
      // A cut trace links nowhere: the id is validated hex and the project id is configuration, so the
      // field has its own cap rather than maxFieldLength.
      w.string(
          trace, project == null ? traceId : "projects/" + project + "/traces/" + traceId, Budget.MINIMAL_FIELD_CAP);
    }
    w.string(spanId, context.spanId(), Budget.MINIMAL_FIELD_CAP);
    if (context.hasFlags()) {
      w.bool(traceSampled, context.sampled());
    }
  }

  private void writeSourceLocation(LineWriter w, ILoggingEvent event) throws IOException {
    StackTraceElement frame = config.includeCallerData() ? EventContent.caller(event) : null;
    if (frame != null && w.startObject(sourceLocation)) {
      w.repeatedString(FILE, frame.getFileName());
      w.number(LINE, frame.getLineNumber());
      w.string(FUNCTION, frame.getClassName() + "." + frame.getMethodName());
      w.endObject();
    }
  }
}
