package io.safejson.logging.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.safejson.logging.internal.Field.Part;
import io.safejson.logging.internal.Field.Use;
import java.io.IOException;
import java.util.List;

/** The {@code safejson} format: compact names, user data namespaced under {@code kv} and {@code mdc}. */
final class SafeJsonSchema extends LineSchema {
  private static final SerializedString NAME = TextCaches.escaped("name");
  private static final SerializedString VERSION = TextCaches.escaped("version");
  private static final SerializedString ENVIRONMENT = TextCaches.escaped("environment");
  private static final SerializedString CLASS = TextCaches.escaped("class");
  private static final SerializedString METHOD = TextCaches.escaped("method");
  private static final SerializedString FILE = TextCaches.escaped("file");
  private static final SerializedString LINE = TextCaches.escaped("line");
  private static final SerializedString TYPE = TextCaches.escaped("type");
  private static final SerializedString MESSAGE = TextCaches.escaped("message");
  private static final SerializedString STACK = TextCaches.escaped("stack");
  private static final SerializedString CAUSES = TextCaches.escaped("causes");
  private static final SerializedString SUPPRESSED = TextCaches.escaped("suppressed");

  /** The format's own fields: nested objects for the service, the caller, key-values, MDC and the error. */
  private enum Special { SERVICE, CALLER, KV, MDC, STATIC_FIELDS, ERROR }

  /** The fields, in write order. */
  private static final List<Field> FIELDS =
      List.of(
          Field.required("ts", Part.ISO_TIME),
          Field.required("level", Part.LEVEL),
          Field.required("logger", Part.LOGGER),
          Field.required("thread", Part.THREAD),
          Field.required("msg", Part.MESSAGE),
          // OpenTelemetry's names for trace context in JSON logs, top level (its "non-OTLP log formats" spec).
          Field.shared("trace_id", Part.TRACE_ID),
          Field.shared("span_id", Part.SPAN_ID),
          Field.shared("trace_flags", Part.TRACE_FLAGS),
          Field.optional("context", Part.CONTEXT),
          Field.special("service", Use.OPTIONAL, Special.SERVICE),
          Field.special("caller", Use.OPTIONAL, Special.CALLER),
          Field.optional("markers", Part.MARKERS),
          Field.special("kv", Use.OPTIONAL, Special.KV),
          Field.special("mdc", Use.OPTIONAL, Special.MDC),
          Field.special(null, Use.OPTIONAL, Special.STATIC_FIELDS),
          Field.special("error", Use.REQUIRED, Special.ERROR),
          Field.required("encoder_error", Part.ENCODER_ERROR),
          Field.required("truncated", Part.TRUNCATED));

  SafeJsonSchema(EncoderSettings config) {
    super(config, FIELDS, KeyStyle.PLAIN);
  }

  @Override
  boolean specialWritesNothing(Field field, SerializableString name) {
    return switch ((Special) field.special()) {
      case SERVICE -> name == null
          || (config.serviceName() == null && config.serviceVersion() == null && config.serviceEnvironment() == null);
      case CALLER -> name == null || !config.includeCallerData();
      case STATIC_FIELDS -> !hasStaticFields();
      case KV, MDC, ERROR -> name == null;
    };
  }

  @Override
  void writeSpecial(LineWriter w, Field field, SerializableString name, ILoggingEvent event, IThrowableProxy error)
      throws IOException {
    switch ((Special) field.special()) {
      case SERVICE -> writeService(w, name);
      case CALLER -> writeCaller(w, name, event);
      case KV -> {
        if (EventContent.hasKeyValues(event) && w.startObject(name)) {
          EventContent.writeKeyValues(w, event, false, KeyStyle.PLAIN, "kv");
          w.endObject();
        }
      }
      case MDC -> {
        if (EventContent.hasMdcLeft(w, event) && w.startObject(name)) {
          EventContent.writeMdc(w, event, false, KeyStyle.PLAIN, "mdc");
          w.endObject();
        }
      }
      case STATIC_FIELDS -> writeStaticFields(w);
      case ERROR -> writeError(w, name, error);
    }
  }

  private void writeService(LineWriter w, SerializableString service) throws IOException {
    if (config.serviceName() == null && config.serviceVersion() == null && config.serviceEnvironment() == null) {
      return;
    }
    if (w.startObject(service)) {
      w.repeatedString(NAME, config.serviceName());
      w.repeatedString(VERSION, config.serviceVersion());
      w.repeatedString(ENVIRONMENT, config.serviceEnvironment());
      w.endObject();
    }
  }

  private void writeCaller(LineWriter w, SerializableString caller, ILoggingEvent event) throws IOException {
    StackTraceElement frame = caller(event);
    if (frame != null && w.startObject(caller)) {
      w.repeatedString(CLASS, frame.getClassName());
      w.repeatedString(METHOD, frame.getMethodName());
      w.repeatedString(FILE, frame.getFileName());
      w.number(LINE, frame.getLineNumber());
      w.endObject();
    }
  }

  private void writeError(LineWriter w, SerializableString error, IThrowableProxy top) throws IOException {
    if (top == null || !w.startObject(error)) {
      return;
    }
    w.repeatedString(TYPE, top.getClassName());
    w.string(MESSAGE, top.getMessage());
    if (!w.budget().minimal()) {
      writeStackTrace(w, STACK, top);
      writeCauses(w, top);
      writeSummaries(w, SUPPRESSED, top.getSuppressed());
    }
    w.endObject();
  }

  /** The causes of {@code top}, outermost first, stopping at a repeat or at the chain limit. */
  private static void writeCauses(LineWriter w, IThrowableProxy top) throws IOException {
    IThrowableProxy first = top.getCause();
    if (first == null || first == top) {
      return;
    }
    JsonGenerator g = w.generator();
    w.name(CAUSES);
    g.writeStartArray();
    int left = w.budget().maxEntries();
    int index = 1;
    for (IThrowableProxy t = first; t != null && index < StackTraceText.MAX_CHAIN; t = t.getCause(), index++) {
      if (t.isCyclic() || repeats(top, t, index)) { // isCyclic: Logback's stand-in for a repeat
        break;
      }
      if (left-- <= 0) {
        w.markTruncated();
        break;
      }
      writeSummary(w, t);
    }
    g.writeEndArray();
  }

  /** Whether {@code t}, the cause at {@code index}, already appeared earlier in the chain of {@code top}. */
  private static boolean repeats(IThrowableProxy top, IThrowableProxy t, int index) {
    IThrowableProxy earlier = top;
    for (int i = 0; i < index && earlier != null; i++, earlier = earlier.getCause()) {
      if (earlier == t) {
        return true;
      }
    }
    return false;
  }

  private static void writeSummary(LineWriter w, IThrowableProxy t) throws IOException {
    JsonGenerator g = w.generator();
    g.writeStartObject();
    w.repeatedString(TYPE, t.getClassName());
    w.string(MESSAGE, t.getMessage());
    g.writeEndObject();
  }

  private static void writeSummaries(LineWriter w, SerializedString name, IThrowableProxy[] throwables)
      throws IOException {
    if (throwables == null || throwables.length == 0) {
      return;
    }
    JsonGenerator g = w.generator();
    w.name(name);
    g.writeStartArray();
    int left = w.budget().maxEntries();
    for (IThrowableProxy t : throwables) {
      if (left-- <= 0) {
        w.markTruncated();
        break;
      }
      writeSummary(w, t);
    }
    g.writeEndArray();
  }
}
