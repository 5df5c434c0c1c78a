package io.safejson.buildtools;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/** Writes a constant (field value or annotation default) as Java source would, on one line. Thread-safe. */
final class Literals {

  private Literals() {}

  static String of(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return quote((String) value, '"');
    }
    if (value instanceof Character) {
      return quote(value.toString(), '\'');
    }
    if (value instanceof Long) {
      return value + "L";
    }
    if (value instanceof Float) {
      return value + "f";
    }
    if (value instanceof Class) {
      return ((Class<?>) value).getTypeName() + ".class";
    }
    if (value instanceof Enum) {
      Enum<?> constant = (Enum<?>) value;
      return constant.getDeclaringClass().getTypeName() + "." + constant.name();
    }
    if (value.getClass().isArray()) {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        items.add(of(Array.get(value, i)));
      }
      return "{" + String.join(", ", items) + "}";
    }
    return String.valueOf(value);
  }

  /** Escapes quotes, backslashes and everything outside printable ASCII, so the dump stays one line each. */
  private static String quote(String text, char quote) {
    StringBuilder out = new StringBuilder().append(quote);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == quote || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append(quote).toString();
  }
}
