package io.safejson.internal;

/** The documented strings written in place of values that could not be written as they were. */
public final class Markers {
  private Markers() {}

  public static final String CYCLE = "[CYCLE]";
  public static final String MAX_DEPTH = "[MAX_DEPTH]";
  public static final String FAILED = "[FAILED]";
  public static final String TRUNCATED = "[TRUNCATED]";
  public static final String REDACTED = "[REDACTED]";
  /** Appended to a string cut at {@code maxStringLength}. */
  public static final String TRUNCATED_SUFFIX = "...[TRUNCATED]";
}
