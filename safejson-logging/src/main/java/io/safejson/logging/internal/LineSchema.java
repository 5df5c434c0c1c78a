package io.safejson.logging.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One output format: a table of its top-level fields ({@link Field}, in write order) and the few fields only
 * it writes ({@link #writeSpecial}). Writes an event's fields between the braces a {@link LineWriter} opens and
 * closes: every row on a full line, only the {@link Field.Use#REQUIRED} rows on a minimal one. Immutable and
 * thread-safe.
 */
abstract class LineSchema {
  protected final EncoderSettings config;
  private final List<Field> fields;
  private final FieldTable table;
  private final KeyStyle keyStyle;
  private final List<Map.Entry<String, String>> staticFields;
  private final TraceContext.Keys traceKeys;
  private final Field.Step fullRows;
  private final Field.Step minimalRows;
  private final SerializableString spanName;
  private final SerializableString flagsName;

  /** A format with the field table {@code fields}, spelling user keys with {@code keyStyle}. */
  LineSchema(EncoderSettings config, List<Field> fields, KeyStyle keyStyle) {
    this.config = config;
    this.fields = fields;
    this.table = new FieldTable(fields, config.renames(), config.excludes());
    this.keyStyle = keyStyle;
    this.staticFields = config.staticFields();
    this.traceKeys = config.traceKeys();
    this.spanName = table.name(Field.Part.SPAN_ID);
    this.flagsName = table.name(Field.Part.TRACE_FLAGS);
    this.fullRows = rows(false);
    this.minimalRows = rows(true);
  }

  /**
   * The rows a full or a minimal line writes, chained in order, leaving out those that write nothing under this
   * configuration (an excluded name, caller data off, no service name...): decided once, not for every event.
   */
  private Field.Step rows(boolean minimal) {
    Field.Step first = new Field.Step(Field.Part.END, null, null);
    Field.Step last = first;
    for (int i = 0; i < table.size(); i++) {
      Field field = table.row(i);
      if ((!minimal || field.required()) && !writesNothing(field, table.name(i))) {
        last.next = new Field.Step(field.part(), field, table.name(i));
        last = last.next;
      }
    }
    last.next = new Field.Step(Field.Part.END, null, null);
    return first.next;
  }

  /** Whether {@code field}, under {@code name}, never writes anything with this configuration. */
  private boolean writesNothing(Field field, SerializableString name) {
    return switch (field.part()) {
      case SPAN_ID, TRACE_FLAGS, NONE -> true; // the span and flags: written by the TRACE_ID row
      case TRACE_ID, USER_FIELDS -> false; // read or write the MDC even when their own name is excluded
      case SPECIAL -> specialWritesNothing(field, name);
      case SERVICE_NAME -> name == null || config.serviceName() == null;
      case SERVICE_VERSION -> name == null || config.serviceVersion() == null;
      case SERVICE_ENVIRONMENT -> name == null || config.serviceEnvironment() == null;
      case CALLER_CLASS, CALLER_METHOD, CALLER_FILE, CALLER_LINE -> name == null || !config.includeCallerData();
      default -> name == null;
    };
  }

  /**
   * Whether the format's own field never writes anything with this configuration; by default when its name is
   * excluded. A field that has effects without a name (GELF's full_message marks a line cut) overrides it.
   */
  boolean specialWritesNothing(Field field, SerializableString name) {
    return name == null;
  }

  /** Whether any static field is configured. */
  final boolean hasStaticFields() {
    return !staticFields.isEmpty();
  }

  /** How user keys are spelled, and their values written, in this format. */
  final KeyStyle userKeyStyle() {
    return keyStyle;
  }

  /** The format's field table, as declared (standard names, before renames). */
  final List<Field> fields() {
    return fields;
  }

  /** Every top-level name this format may write: user keys never take one of them. */
  final Set<String> reserved() {
    return table.reserved();
  }

  /** Writes the event; {@code note} describes an earlier failed attempt, or is null. */
  final void write(LineWriter w, ILoggingEvent event, String note) throws IOException {
    Field.Step first = w.budget().minimal() ? minimalRows : fullRows;
    first.part.write(first, this, w, event, throwable(event), note);
  }

  /** Writes one of the format's own fields ({@link Field.Part#SPECIAL}); a null name is an excluded field. */
  abstract void writeSpecial(LineWriter w, Field field, SerializableString name, ILoggingEvent event,
      IThrowableProxy error) throws IOException;

  final void writeCaller(LineWriter w, Field.Part part, SerializableString name, ILoggingEvent event)
      throws IOException {
    StackTraceElement frame = caller(event);
    if (frame == null) {
      return;
    }
    switch (part) {
      case CALLER_CLASS -> w.repeatedString(name, frame.getClassName());
      case CALLER_METHOD -> w.repeatedString(name, frame.getMethodName());
      case CALLER_FILE -> w.repeatedString(name, frame.getFileName());
      default -> w.number(name, frame.getLineNumber());
    }
  }

  /** The first caller frame when caller data is on, else null. */
  final StackTraceElement caller(ILoggingEvent event) {
    return config.includeCallerData() ? EventContent.caller(event) : null;
  }

  /** The stack trace on a full line; on a minimal one (a required field) only {@code type: message}. */
  final void writeStackTraceOrSummary(LineWriter w, SerializableString name, IThrowableProxy error)
      throws IOException {
    if (error == null) {
      return;
    }
    if (!w.budget().minimal()) {
      writeStackTrace(w, name, error);
    } else {
      w.string(name, error.getClassName() + ": " + error.getMessage());
    }
  }

  static IThrowableProxy throwable(ILoggingEvent event) {
    try {
      return event.getThrowableProxy();
    } catch (Throwable t) {
      return null;
    }
  }

  /** Writes the bounded stack trace as field {@code name}, marking the line truncated when it was cut. */
  final void writeStackTrace(LineWriter w, SerializableString name, IThrowableProxy throwable) throws IOException {
    w.stackTrace(name, null, throwable, config.rootCauseFirst());
  }

  /**
   * Reads the event's trace context into {@code w.trace()} for the fields this format writes: a null name is
   * an excluded field, whose MDC entry then stays in the dump.
   */
  final TraceContext readTrace(
      LineWriter w, ILoggingEvent event, SerializableString traceName, SerializableString spanName,
      SerializableString flagsName) {
    TraceContext trace = w.trace();
    trace.read(event.getMDCPropertyMap(), traceKeys, traceName != null, spanName != null, flagsName != null);
    return trace;
  }

  /** Writes the trace fields, the trace id under {@code traceName}: see the method below. */
  final void writeTrace(LineWriter w, ILoggingEvent event, SerializableString traceName) throws IOException {
    writeTrace(w, event, traceName, spanName, flagsName);
  }

  /**
   * Writes the promoted trace id, span id and trace flags (2 hex digits) under names users may also write
   * ({@link Field.Use#SHARED}), claiming each name written; written before the user fields. A format whose
   * platform has its own trace fields overrides it.
   */
  void writeTrace(
      LineWriter w, ILoggingEvent event, SerializableString traceName, SerializableString spanName,
      SerializableString flagsName) throws IOException {
    TraceContext trace = readTrace(w, event, traceName, spanName, flagsName);
    writeClaimed(w, traceName, trace.traceId());
    writeClaimed(w, spanName, trace.spanId());
    writeClaimed(w, flagsName, trace.flagsHex());
  }

  private static void writeClaimed(LineWriter w, SerializableString name, String value) throws IOException {
    if (name != null && value != null) {
      w.claim(name);
      w.validatedString(name, value); // a validated id (hex digits): never cut by a small maxFieldLength
    }
  }

  /** The static fields, top level (user keys: renamed when they collide). */
  final void writeStaticFields(LineWriter w) throws IOException {
    EventContent.writeStaticFields(w, staticFields, true, keyStyle);
  }

  /** The common user-named sections, top level, in a fixed order: static fields, key-values, MDC. */
  final void writeUserFieldsTopLevel(LineWriter w, ILoggingEvent event) throws IOException {
    writeStaticFields(w);
    EventContent.writeKeyValues(w, event, true, keyStyle, "kv");
    EventContent.writeMdc(w, event, true, keyStyle, "mdc");
  }
}
