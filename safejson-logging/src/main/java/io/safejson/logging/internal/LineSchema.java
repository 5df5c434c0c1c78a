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
  private final Row[] fullRows;
  private final Row[] minimalRows;
  private final SerializableString spanName;
  private final SerializableString flagsName;

  /** A row of the table to write, with its resolved name (null: excluded, or a section of user fields). */
  private record Row(Field.Part part, Field field, SerializableString name) {}

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
   * The rows a full or a minimal line writes, leaving out those that write nothing under this configuration
   * (an excluded name, caller data off, no service name...): decided once rather than for every event.
   */
  private Row[] rows(boolean minimal) {
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < table.size(); i++) {
      Field field = table.row(i);
      if ((!minimal || field.required()) && !writesNothing(field, table.name(i))) {
        rows.add(new Row(field.part(), field, table.name(i)));
      }
    }
    return rows.toArray(new Row[0]);
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
    IThrowableProxy error = throwable(event);
    Row[] rows = w.budget().minimal() ? minimalRows : fullRows;
    for (Row row : rows) {
      SerializableString name = row.name();
      switch (row.part()) {
        case ISO_TIME -> w.timestamp(name, EventContent.epochMillis(event));
        case LEVEL -> w.repeatedString(name, EventContent.level(event));
        case LOGGER -> w.repeatedString(name, EventContent.logger(event));
        case THREAD -> w.repeatedString(name, EventContent.thread(event));
        case MESSAGE -> w.string(name, EventContent.message(event));
        case CONSTANT -> w.repeatedString(name, row.field().constant());
        case CONTEXT -> w.repeatedString(name, EventContent.contextName(event));
        case SERVICE_NAME -> w.repeatedString(name, config.serviceName());
        case SERVICE_VERSION -> w.repeatedString(name, config.serviceVersion());
        case SERVICE_ENVIRONMENT -> w.repeatedString(name, config.serviceEnvironment());
        case MARKERS -> EventContent.writeMarkers(w, name, event);
        case CALLER_CLASS, CALLER_METHOD, CALLER_FILE, CALLER_LINE -> writeCaller(w, row.part(), name, event);
        case ERROR_TYPE -> w.repeatedString(name, error == null ? null : error.getClassName());
        case ERROR_MESSAGE -> w.string(name, error == null ? null : error.getMessage());
        case STACK_TRACE -> writeStackTraceOrSummary(w, name, error);
        case TRACE_ID -> writeTrace(w, event, name, spanName, flagsName);
        case USER_FIELDS -> writeUserFieldsTopLevel(w, event);
        case ENCODER_ERROR -> w.string(name, note, Budget.MINIMAL_FIELD_CAP);
        case TRUNCATED -> {
          if (w.truncated()) {
            w.bool(name, true);
          }
        }
        case SPECIAL -> writeSpecial(w, row.field(), name, event, error);
        case SPAN_ID, TRACE_FLAGS, NONE -> { } // never in the rows
      }
    }
  }

  /** Writes one of the format's own fields ({@link Field.Part#SPECIAL}); a null name is an excluded field. */
  abstract void writeSpecial(LineWriter w, Field field, SerializableString name, ILoggingEvent event,
      IThrowableProxy error) throws IOException;

  private void writeCaller(LineWriter w, Field.Part part, SerializableString name, ILoggingEvent event)
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
  private void writeStackTraceOrSummary(LineWriter w, SerializableString name, IThrowableProxy error)
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
      w.string(name, value, Budget.MINIMAL_FIELD_CAP); // a validated id: never cut by a small maxFieldLength
    }
  }

  /** The static fields, top level (user keys: renamed when they collide). */
  final void writeStaticFields(LineWriter w) throws IOException {
    EventContent.writeStaticFields(w, staticFields, true, keyStyle);
  }

  /** The common user-named sections, top level, in a fixed order: static fields, key-values, MDC. */
  private void writeUserFieldsTopLevel(LineWriter w, ILoggingEvent event) throws IOException {
    writeStaticFields(w);
    EventContent.writeKeyValues(w, event, true, keyStyle, "kv");
    EventContent.writeMdc(w, event, true, keyStyle, "mdc");
  }
}
