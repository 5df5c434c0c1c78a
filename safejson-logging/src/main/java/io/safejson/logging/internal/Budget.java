package io.safejson.logging.internal;

import io.safejson.SafeSerializer;

/**
 * The caps one rendering attempt works under; the renderer tries successively smaller budgets until the
 * line fits {@code maxEventBytes}.
 *
 * @param fieldCap chars kept of any one string field (message, MDC value, ...)
 * @param stackCap chars kept of a rendered stack trace
 * @param maxEntries key-value, MDC and marker entries kept per event
 * @param serializer writes key-value values (its {@code maxStringLength} matches {@code fieldCap})
 * @param minimal only the format's core fields: timestamp, level, logger, thread, message, error type
 */
record Budget(int fieldCap, int stackCap, int maxEntries, SafeSerializer serializer, boolean minimal) {
  /** Minimal lines cap every string this short, which bounds them far below the smallest maxEventBytes. */
  static final int MINIMAL_FIELD_CAP = 512;
}
