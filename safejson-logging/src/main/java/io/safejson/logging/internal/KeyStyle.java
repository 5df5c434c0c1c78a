package io.safejson.logging.internal;

/** How a format spells the name of a user-supplied field (key-value, MDC entry, static field). */
enum KeyStyle {
  /** The key as is. */
  PLAIN,
  /** GELF additional fields: {@code _} prefix, every char outside {@code [A-Za-z0-9_.-]} replaced by {@code _}. */
  GELF;

  String apply(String key) {
    if (this == PLAIN) {
      return key;
    }
    StringBuilder out = new StringBuilder(key.length() + 1).append('_');
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
              || c == '-';
      out.append(allowed ? c : '_');
    }
    return out.toString();
  }
}
