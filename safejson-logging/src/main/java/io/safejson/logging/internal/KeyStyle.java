package io.safejson.logging.internal;

import java.io.IOException;

/**
 * How a format spells the name of a user-supplied field (key-value, MDC entry, static field) and writes its
 * value when that is not a string. Implementations are immutable and thread-safe.
 */
@FunctionalInterface
interface KeyStyle {
  /** The key as is, and values as the budget's SafeSerializer writes them. */
  KeyStyle PLAIN = key -> key;

  /** The top-level name this format writes for the user key {@code key}. */
  String apply(String key);

  /** Writes a user value that is neither a string nor redacted. */
  default void writeValue(LineWriter w, Object value) throws IOException {
    w.serializedValue(value);
  }
}
