package io.safejson.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import java.util.function.Function;

/** How values of one class are written; computed once per class and serializer, then cached. */
final class TypeRule {

  /** The shapes the writer knows; each maps to one branch of {@code ValueWriter}. */
  enum Shape {
    CHAR_SEQUENCE,
    BOOLEAN,
    INT,
    LONG,
    BIG_INTEGER,
    FLOAT,
    DOUBLE,
    BIG_DECIMAL,
    CHARACTER,
    ENUM,
    TEXT,
    JSON_VALUE,
    OPTIONAL,
    OPTIONAL_INT,
    OPTIONAL_LONG,
    OPTIONAL_DOUBLE,
    ATOMIC_REFERENCE,
    ATOMIC_BOOLEAN,
    BYTES,
    CHARS,
    ARRAY,
    COLLECTION,
    ITERABLE,
    ITERATOR,
    ENUMERATION,
    STREAM,
    MAP,
    THROWABLE,
    JSON_NODE,
    BEAN,
    DELEGATE,
    UNKNOWN,
    SENSITIVE,
    CONVERTED
  }

  /** One bean property as Jackson resolved it, with what safejson needs to write it. */
  record Property(
      String name,
      BeanPropertyWriter writer,
      boolean redacted,
      JsonInclude.Include inclusion,
      boolean jacksonSerializes) {}

  final Shape shape;
  TextKind textKind;
  String[] enumNames;
  AnnotatedMember jsonValue;
  Property[] properties;
  AnnotatedMember anyGetter;
  Function<Object, ?> converter;
  String unknownReason;

  TypeRule(Shape shape) {
    this.shape = shape;
  }

  static TypeRule text(TextKind kind) {
    TypeRule rule = new TypeRule(Shape.TEXT);
    rule.textKind = kind;
    return rule;
  }
}
