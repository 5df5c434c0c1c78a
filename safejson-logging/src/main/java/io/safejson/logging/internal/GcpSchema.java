package io.safejson.logging.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.safejson.logging.internal.Field.Part;
import io.safejson.logging.internal.Field.Use;
import java.io.IOException;
import java.util.List;

/**
 * The {@code gcp} format: Google Cloud Logging's structured stdout ({@code severity}, {@code time}, the
 * {@code logging.googleapis.com/*} special fields), with the stack trace in {@code stack_trace}, where Error
 * Reporting looks first.
 */
final class GcpSchema extends LineSchema {
  /** Cloud Logging's entry limit (256 KiB) less room for the collector's metadata: lines are never longer. */
  static final int MAX_EVENT_BYTES = EncoderSettings.DEFAULT_MAX_EVENT_BYTES;

  /**
   * The options only this format reads. Immutable.
   *
   * @param projectId the Google Cloud project: traces are then written as {@code projects/ID/traces/TRACE}
   */
  record Options(String projectId) {
    static final Options DEFAULTS = new Options(null);
  }

  private static final SerializedString FILE = TextCaches.escaped("file");
  private static final SerializedString LINE = TextCaches.escaped("line");
  private static final SerializedString FUNCTION = TextCaches.escaped("function");
  private static final SerializedString SERVICE = TextCaches.escaped("service");
  private static final SerializedString VERSION = TextCaches.escaped("version");

  private enum Special { SEVERITY, SOURCE_LOCATION, SERVICE_CONTEXT }

  /** The fields, in write order, then the names Cloud Logging treats specially: a user key never lands on them. */
  private static final List<Field> FIELDS =
      List.of(
          Field.special("severity", Use.REQUIRED, Special.SEVERITY),
          Field.required("message", Part.MESSAGE),
          Field.required("time", Part.ISO_TIME),
          Field.required("logger", Part.LOGGER),
          Field.required("thread", Part.THREAD),
          Field.optional("logging.googleapis.com/trace", Part.TRACE_ID),
          Field.optional("logging.googleapis.com/spanId", Part.SPAN_ID),
          Field.optional("logging.googleapis.com/trace_sampled", Part.TRACE_FLAGS),
          Field.special("logging.googleapis.com/sourceLocation", Use.OPTIONAL, Special.SOURCE_LOCATION),
          Field.optional("context", Part.CONTEXT),
          Field.special("serviceContext", Use.OPTIONAL, Special.SERVICE_CONTEXT),
          Field.optional("environment", Part.SERVICE_ENVIRONMENT),
          Field.optional("markers", Part.MARKERS),
          Field.required("error_type", Part.ERROR_TYPE),
          Field.required("stack_trace", Part.STACK_TRACE),
          Field.userFields(),
          Field.required("encoder_error", Part.ENCODER_ERROR),
          Field.required("truncated", Part.TRUNCATED),
          Field.reserved("logging.googleapis.com/labels"),
          Field.reserved("logging.googleapis.com/operation"),
          Field.reserved("logging.googleapis.com/insertId"),
          Field.reserved("httpRequest"),
          Field.reserved("timestamp"));

  GcpSchema(EncoderSettings config) {
    super(config, FIELDS, KeyStyle.PLAIN);
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
  boolean specialWritesNothing(Field field, SerializableString name) {
    return switch ((Special) field.special()) {
      case SEVERITY -> name == null;
      case SOURCE_LOCATION -> name == null || !config.includeCallerData();
      case SERVICE_CONTEXT -> name == null || config.serviceName() == null;
    };
  }

  @Override
  void writeSpecial(LineWriter w, Field field, SerializableString name, ILoggingEvent event, IThrowableProxy error)
      throws IOException {
    switch ((Special) field.special()) {
      case SEVERITY -> w.repeatedString(name, severity(EventContent.levelInt(event)));
      case SOURCE_LOCATION -> writeSourceLocation(w, name, event);
      case SERVICE_CONTEXT -> {
        if (config.serviceName() != null && w.startObject(name)) {
          w.repeatedString(SERVICE, config.serviceName());
          w.repeatedString(VERSION, config.serviceVersion());
          w.endObject();
        }
      }
    }
  }

  /**
   * The special fields that link an entry to Cloud Trace (not shared: Cloud Logging reads them): the trace as
   * {@code projects/ID/traces/TRACE} with a project id; trace_sampled is bit 0 of the W3C trace flags.
   */
  @Override
  void writeTrace(LineWriter w, ILoggingEvent event, SerializableString trace, SerializableString spanId,
      SerializableString traceSampled) throws IOException {
    TraceContext context = readTrace(w, event, trace, spanId, traceSampled);
    String traceId = context.traceId();
    if (traceId != null) {
      String project = config.gcp().projectId();
      // A cut trace links nowhere: the id is validated hex and the project id is configuration, so the
      // field has its own cap rather than maxFieldLength.
      w.string(
          trace, project == null ? traceId : "projects/" + project + "/traces/" + traceId, Budget.MINIMAL_FIELD_CAP);
    }
    w.validatedString(spanId, context.spanId());
    if (context.hasFlags()) {
      w.bool(traceSampled, context.sampled());
    }
  }

  private void writeSourceLocation(LineWriter w, SerializableString name, ILoggingEvent event) throws IOException {
    StackTraceElement frame = caller(event);
    if (frame != null && w.startObject(name)) {
      w.repeatedString(FILE, frame.getFileName());
      w.number(LINE, frame.getLineNumber());
      w.string(FUNCTION, frame.getClassName() + "." + frame.getMethodName());
      w.endObject();
    }
  }
}
