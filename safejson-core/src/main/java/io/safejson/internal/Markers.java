package io.safejson.internal;

/** The documented strings written in place of values that could not be written as they were. */
final class Markers {
  private Markers() {}

  static final String CYCLE = "[CYCLE]";
  static final String MAX_DEPTH = "[MAX_DEPTH]";
  static final String FAILED = "[FAILED]";
  static final String TRUNCATED = "[TRUNCATED]";
  static final String REDACTED = "[REDACTED]";
  /** Appended to a string cut at {@code maxStringLength}. */
  static final String TRUNCATED_SUFFIX = "...[TRUNCATED]";
}
