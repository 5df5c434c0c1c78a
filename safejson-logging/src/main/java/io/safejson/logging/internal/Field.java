package io.safejson.logging.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;

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

  /**
   * How a field's value is written; the same for every format that has the field. Each constant writes its
   * field, then calls the next row's ({@link Step}): one call site per constant, so the JIT sees each as
   * monomorphic for a format, where one loop over a switch would pay an unpredictable jump per field.
   */
  enum Part {
    ISO_TIME {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        w.timestamp(s.name, EventContent.epochMillis(e));
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    LEVEL {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        w.repeatedString(s.name, EventContent.level(e));
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    LOGGER {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        w.repeatedString(s.name, EventContent.logger(e));
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    THREAD {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        w.repeatedString(s.name, EventContent.thread(e));
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    MESSAGE {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        w.message(s.name, e);
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    CONSTANT {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        w.repeatedString(s.name, s.field.constant());
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    CONTEXT {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        w.repeatedString(s.name, EventContent.contextName(e));
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    SERVICE_NAME {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        w.repeatedString(s.name, c.config.serviceName());
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    SERVICE_VERSION {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        w.repeatedString(s.name, c.config.serviceVersion());
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    SERVICE_ENVIRONMENT {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        w.repeatedString(s.name, c.config.serviceEnvironment());
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    MARKERS {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        EventContent.writeMarkers(w, s.name, e);
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    /** The caller's class, method, file and line: the base {@code write} writes the four. */
    CALLER_CLASS(true),
    CALLER_METHOD(true),
    CALLER_FILE(true),
    CALLER_LINE(true),
    ERROR_TYPE {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        w.repeatedString(s.name, x == null ? null : x.getClassName());
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    ERROR_MESSAGE {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        w.string(s.name, x == null ? null : x.getMessage());
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    /** The stack trace on full lines, {@code type: message} on minimal ones. */
    STACK_TRACE {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        c.writeStackTraceOrSummary(w, s.name, x);
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    /** The promoted trace id; the same row writes the {@link #SPAN_ID} and {@link #TRACE_FLAGS} fields. */
    TRACE_ID {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        c.writeTrace(w, e, s.name);
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    SPAN_ID,
    TRACE_FLAGS,
    /** Static fields, key-values and MDC entries, top level. */
    USER_FIELDS {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        c.writeUserFieldsTopLevel(w, e);
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    /** The note describing an earlier failed attempt at the line. */
    ENCODER_ERROR {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        w.string(s.name, n, Budget.MINIMAL_FIELD_CAP);
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    /** {@code true} when anything on the line was cut to fit. */
    TRUNCATED {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        if (w.truncated()) {
          w.bool(s.name, true);
        }
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    /** Written by the format itself ({@link LineSchema#writeSpecial}). */
    SPECIAL {
      @Override
      void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
        c.writeSpecial(w, s.field, s.name, e, x);
        s.next.part.write(s.next, c, w, e, x, n);
      }
    },
    /** Never written ({@link Use#RESERVED}). */
    NONE,
    /** The end of a line's rows. */
    END;

    /** Whether this is one of the four caller parts, which share the body of the base {@code write}. */
    private final boolean caller;

    Part() {
      this(false);
    }

    Part(boolean caller) {
      this.caller = caller;
    }

    /**
     * Writes the field of row {@code s} then the following rows, for schema {@code c}, writer {@code w}, event
     * {@code e}, its exception {@code x} and note {@code n}. Rows that are never in a chain write nothing.
     */
    void write(Step s, LineSchema c, LineWriter w, ILoggingEvent e, IThrowableProxy x, String n) throws IOException {
      if (caller) {
        c.writeCaller(w, this, s.name, e);
        s.next.part.write(s.next, c, w, e, x, n);
      }
      // END, and the parts written by another row or never: nothing.
    }
  }

  /** One row of a format's compiled chain: its part, field and resolved name, and the row after it. */
  static final class Step {
    final Part part;
    final Field field;
    final SerializableString name;
    Step next;

    Step(Part part, Field field, SerializableString name) {
      this.part = part;
      this.field = field;
      this.name = name;
    }
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
