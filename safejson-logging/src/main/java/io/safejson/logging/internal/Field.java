package io.safejson.logging.internal;

/**
 * One row of a format's field table: the standard name of a top-level field, whether every line has it, and
 * how it is written. A format is a list of these in write order ({@link FieldTable}); every name in the list
 * is kept from user keys, so no field can be left unreserved by omission. Immutable.
 *
 * @param name the standard name (before {@code <renameField>}), or null for a section of user fields
 * @param use whether the field is on every line, only on full lines, shared with user keys, or never written
 * @param part how the value is written: a shared {@link Part}, or {@link Part#SPECIAL} for the format's own
 * @param constant the value of a {@link Part#CONSTANT} field, else null
 * @param special the format's own tag for a {@link Part#SPECIAL} field, else null
 */
record Field(String name, Use use, Part part, String constant, Enum<?> special) {
  /** When a field is written, and whether user keys may take its name. */
  enum Use {
    /** On every line, the minimal one that a failure or a tiny budget leaves included. */
    REQUIRED,
    /** Only on full lines. */
    OPTIONAL,
    /**
     * Only on full lines, under a name users may write too (a trace id an APM agent also puts in the MDC): not
     * reserved, so a user key keeps the name on lines without the field; a line with the field claims the name
     * first and the user key then takes its prefixed name.
     */
    SHARED,
    /** Never written by the table: a name the platform treats specially, which user keys must never take. */
    RESERVED
  }

  /** How a field's value is written; the same for every format that has the field. */
  enum Part {
    ISO_TIME, LEVEL, LOGGER, THREAD, MESSAGE, CONSTANT, CONTEXT,
    SERVICE_NAME, SERVICE_VERSION, SERVICE_ENVIRONMENT, MARKERS,
    CALLER_CLASS, CALLER_METHOD, CALLER_FILE, CALLER_LINE,
    ERROR_TYPE, ERROR_MESSAGE,
    /** The stack trace on full lines, {@code type: message} on minimal ones. */
    STACK_TRACE,
    /** The promoted trace id; the same row writes the {@link #SPAN_ID} and {@link #TRACE_FLAGS} fields. */
    TRACE_ID, SPAN_ID, TRACE_FLAGS,
    /** Static fields, key-values and MDC entries, top level. */
    USER_FIELDS,
    /** The note describing an earlier failed attempt at the line. */
    ENCODER_ERROR,
    /** {@code true} when anything on the line was cut to fit. */
    TRUNCATED,
    /** Written by the format itself ({@link LineSchema#writeSpecial}). */
    SPECIAL,
    /** Never written ({@link Use#RESERVED}). */
    NONE
  }

  static Field required(String name, Part part) {
    return new Field(name, Use.REQUIRED, part, null, null);
  }

  static Field optional(String name, Part part) {
    return new Field(name, Use.OPTIONAL, part, null, null);
  }

  static Field shared(String name, Part part) {
    return new Field(name, Use.SHARED, part, null, null);
  }

  /** A field with the same string on every line, for example the format's version. */
  static Field constant(String name, String value) {
    return new Field(name, Use.REQUIRED, Part.CONSTANT, value, null);
  }

  /** User fields written top level: no name of its own. */
  static Field userFields() {
    return new Field(null, Use.OPTIONAL, Part.USER_FIELDS, null, null);
  }

  static Field special(String name, Use use, Enum<?> tag) {
    return new Field(name, use, Part.SPECIAL, null, tag);
  }

  /** A name the format never writes but keeps from user keys. */
  static Field reserved(String name) {
    return new Field(name, Use.RESERVED, Part.NONE, null, null);
  }

  /** Whether this field is written on minimal lines too. */
  boolean required() {
    return use == Use.REQUIRED;
  }
}
