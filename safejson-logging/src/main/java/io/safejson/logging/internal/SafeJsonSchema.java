package io.safejson.logging.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.Set;

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

  private final SerializedString ts;
  private final SerializedString level;
  private final SerializedString logger;
  private final SerializedString thread;
  private final SerializedString msg;
  private final SerializedString context;
  private final SerializedString service;
  private final SerializedString caller;
  private final SerializedString markers;
  private final SerializedString kv;
  private final SerializedString mdc;
  private final SerializedString error;
  private final SerializedString traceId;
  private final SerializedString spanId;
  private final SerializedString traceFlags;

  SafeJsonSchema(RendererConfig config) {
    this(config, new FieldNames(config));
  }

  private SafeJsonSchema(RendererConfig config, FieldNames names) {
    super(config, names, KeyStyle.PLAIN);
    ts = names.get("ts");
    level = names.get("level");
    logger = names.get("logger");
    thread = names.get("thread");
    msg = names.get("msg");
    context = names.get("context");
    service = names.get("service");
    caller = names.get("caller");
    markers = names.get("markers");
    kv = names.get("kv");
    mdc = names.get("mdc");
    error = names.get("error");
    // OpenTelemetry's names for trace context in JSON logs, top level (its "non-OTLP log formats" spec).
    traceId = names.shared("trace_id");
    spanId = names.shared("span_id");
    traceFlags = names.shared("trace_flags");
    seal(names);
  }

  @Override
  void write(LineWriter w, ILoggingEvent event, String note) throws IOException {
    w.timestamp(ts, EventContent.epochMillis(event));
    w.repeatedString(level, EventContent.level(event));
    w.repeatedString(logger, EventContent.logger(event));
    w.repeatedString(thread, EventContent.thread(event));
    w.string(msg, EventContent.message(event));
    if (full(w)) {
      writeTrace(w, event, traceId, spanId, traceFlags);
      w.repeatedString(context, EventContent.contextName(event));
      writeService(w);
      writeCaller(w, event);
      EventContent.writeMarkers(w, markers, event);
      if (EventContent.hasKeyValues(event) && w.startObject(kv)) {
        EventContent.writeKeyValues(w, event, false, KeyStyle.PLAIN, "kv");
        w.endObject();
      }
      if (EventContent.hasMdcLeft(w, event) && w.startObject(mdc)) {
        EventContent.writeMdc(w, event, false, KeyStyle.PLAIN, "mdc");
        w.endObject();
      }
      EventContent.writeStaticFields(w, config.staticFields(), true, KeyStyle.PLAIN);
    }
    writeError(w, throwable(event));
    writeTrailer(w, note);
  }

  private void writeService(LineWriter w) throws IOException {
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

  private void writeCaller(LineWriter w, ILoggingEvent event) throws IOException {
    StackTraceElement frame = config.includeCallerData() ? EventContent.caller(event) : null;
    if (frame != null && w.startObject(caller)) {
      w.repeatedString(CLASS, frame.getClassName());
      w.repeatedString(METHOD, frame.getMethodName());
      w.repeatedString(FILE, frame.getFileName());
      w.number(LINE, frame.getLineNumber());
      w.endObject();
    }
  }

  private void writeError(LineWriter w, IThrowableProxy top) throws IOException {
    if (top == null || !w.startObject(error)) {
      return;
    }
    w.repeatedString(TYPE, top.getClassName());
    w.string(MESSAGE, top.getMessage());
    if (full(w)) {
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
