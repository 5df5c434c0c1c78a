package io.safejson.internal;

import com.fasterxml.jackson.core.JsonStreamContext;

/** Builds JSONPath strings ({@code $}, {@code $.a.b}, {@code $.items[3]}, {@code $['a b']}). */
public final class JsonPaths {
  private JsonPaths() {}

  /** The JSONPath of the document root. */
  public static final String ROOT = "$";

  /** Appends a member name to a path, bracket-quoted when it is not a plain identifier. */
  public static String child(String parent, String name) {
    StringBuilder out = new StringBuilder(parent.length() + name.length() + 4).append(parent);
    appendName(out, name);
    return out.toString();
  }

  /** Appends an array index to a path. */
  public static String child(String parent, int index) {
    return parent + '[' + index + ']';
  }

  /**
   * Returns the path of a position in a stream being written or read.
   *
   * @param context the innermost open context
   * @param pending true for the value about to be written in that context (the member whose name was just
   *     written, or the next array element); false for the context's own container
   */
  public static String of(JsonStreamContext context, boolean pending) {
    if (context == null) {
      return ROOT;
    }
    int depth = 0;
    for (JsonStreamContext c = context; c.getParent() != null; c = c.getParent()) {
      depth++;
    }
    Object[] segments = new Object[depth + 1];
    int count = 0;
    if (pending) {
      if (context.inArray()) {
        segments[count++] = context.getEntryCount();
      } else if (context.inObject() && context.getCurrentName() != null) {
        segments[count++] = context.getCurrentName();
      }
    }
    for (JsonStreamContext c = context; c.getParent() != null; c = c.getParent()) {
      JsonStreamContext parent = c.getParent();
      if (parent.inArray()) {
        segments[count++] = parent.getCurrentIndex();
      } else if (parent.inObject() && parent.getCurrentName() != null) {
        segments[count++] = parent.getCurrentName();
      }
    }
    StringBuilder out = new StringBuilder(ROOT);
    for (int i = count - 1; i >= 0; i--) {
      Object segment = segments[i];
      if (segment instanceof Integer index) {
        out.append('[').append(index.intValue()).append(']');
      } else {
        appendName(out, (String) segment);
      }
    }
    return out.toString();
  }

  private static void appendName(StringBuilder out, String name) {
    if (isIdentifier(name)) {
      out.append('.').append(name);
      return;
    }
    out.append("['");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\'' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append("']");
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      boolean digit = c >= '0' && c <= '9';
      if (!letter && !(digit && i > 0)) {
        return false;
      }
    }
    return true;
  }
}
