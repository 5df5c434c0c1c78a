package io.safejson.logging.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.Set;

/**
 * One output format: writes an event's fields between the braces a {@link LineWriter} opens and closes.
 * Each format pre-encodes its field names once; under a minimal {@link Budget} it writes only its core
 * fields. Immutable and thread-safe.
 */
abstract class LineSchema {
  protected final RendererConfig config;
  private final SerializedString truncatedName;
  private final SerializedString errorNoteName;
  private Set<String> reserved = Set.of();

  /** Subclasses take their names from {@code names}, then call {@link #seal(FieldNames)}. */
  LineSchema(RendererConfig config, FieldNames names, KeyStyle style) {
    this.config = config;
    this.truncatedName = names.get(style.apply("truncated"));
    this.errorNoteName = names.get(style.apply("encoder_error"));
  }

  /** Fixes the reserved names once the subclass has taken all of its names. */
  final void seal(FieldNames names) {
    this.reserved = names.reserved();
  }

  /** Writes the event; {@code note} describes an earlier failed attempt, or is null. */
  abstract void write(LineWriter w, ILoggingEvent event, String note) throws IOException;

  /** How user keys are spelled in this format. */
  KeyStyle userKeyStyle() {
    return KeyStyle.PLAIN;
  }

  /** Every top-level name this format may write: user keys never take one of them. */
  final Set<String> reserved() {
    return reserved;
  }

  /** The {@code truncated} flag and the failure note, last in every line. */
  final void writeTrailer(LineWriter w, String note) throws IOException {
    w.string(errorNoteName, note, Budget.MINIMAL_FIELD_CAP);
    if (w.truncated()) {
      writeTruncatedFlag(w, truncatedName);
    }
  }

  /** Writes the line's "cut to fit" flag; a JSON {@code true} except where the format allows no booleans. */
  void writeTruncatedFlag(LineWriter w, SerializedString name) throws IOException {
    w.bool(name, true);
  }

  final boolean full(LineWriter w) {
    return !w.budget().minimal();
  }

  static IThrowableProxy throwable(ILoggingEvent event) {
    try {
      return event.getThrowableProxy();
    } catch (Throwable t) {
      return null;
    }
  }

  /** Writes the bounded stack trace as field {@code name}, marking the line truncated when it was cut. */
  final void writeStackTrace(LineWriter w, SerializedString name, IThrowableProxy throwable) throws IOException {
    w.stackTrace(name, null, throwable, config.rootCauseFirst());
  }

  /**
   * Reads the event's trace context into {@code w.trace()} for the fields this format writes: a null name is
   * an excluded field, whose MDC entry then stays in the dump.
   */
  final TraceContext readTrace(
      LineWriter w, ILoggingEvent event, SerializedString traceName, SerializedString spanName,
      SerializedString flagsName) {
    TraceContext trace = w.trace();
    trace.read(event.getMDCPropertyMap(), config, traceName != null, spanName != null, flagsName != null);
    return trace;
  }

  /**
   * Writes the promoted trace id, span id and trace flags (2 hex digits) under names users may also write
   * ({@link FieldNames#shared}), claiming each name written; call before the user fields.
   */
  final void writeTrace(
      LineWriter w, ILoggingEvent event, SerializedString traceName, SerializedString spanName,
      SerializedString flagsName) throws IOException {
    TraceContext trace = readTrace(w, event, traceName, spanName, flagsName);
    writeClaimed(w, traceName, trace.traceId());
    writeClaimed(w, spanName, trace.spanId());
    writeClaimed(w, flagsName, trace.flagsHex());
  }

  private static void writeClaimed(LineWriter w, SerializedString name, String value) throws IOException {
    if (name != null && value != null) {
      w.claim(name);
      w.string(name, value, Budget.MINIMAL_FIELD_CAP); // a validated id: never cut by a small maxFieldLength
    }
  }

  /** The common user-named sections, top level, in a fixed order: static fields, key-values, MDC. */
  final void writeUserFieldsTopLevel(LineWriter w, ILoggingEvent event) throws IOException {
    EventContent.writeStaticFields(w, config.staticFields(), true, userKeyStyle());
    EventContent.writeKeyValues(w, event, true, userKeyStyle(), "kv");
    EventContent.writeMdc(w, event, true, userKeyStyle(), "mdc");
  }
}
