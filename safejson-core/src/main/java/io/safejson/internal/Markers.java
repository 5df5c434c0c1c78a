package io.safejson.internal;

import io.safejson.SafeText;

/** The documented strings written in place of values that could not be written as they were ({@link SafeText}). */
final class Markers {
  private Markers() {}

  static final String CYCLE = SafeText.CYCLE;
  static final String MAX_DEPTH = SafeText.MAX_DEPTH;
  static final String FAILED = SafeText.FAILED;
  static final String TRUNCATED = SafeText.TRUNCATED;
  static final String REDACTED = SafeText.REDACTED;
  /** Appended to a string cut at {@code maxStringLength}. */
  static final String TRUNCATED_SUFFIX = SafeText.TRUNCATED_SUFFIX;
}
