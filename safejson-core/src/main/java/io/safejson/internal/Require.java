package io.safejson.internal;

import java.time.Duration;

/**
 * The range checks of the builders' limits (core and adapters), with messages that name the argument:
 * {@code "maxItems must be positive: 0"}. Stateless; thread-safe.
 */
public final class Require {
  private Require() {}

  /** Returns {@code value}, or throws {@link IllegalArgumentException} unless it is at least 1. */
  public static long positive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  /** Returns {@code value}, or throws {@link IllegalArgumentException} unless it is at least 1. */
  public static int positive(String name, int value) {
    return (int) positive(name, (long) value);
  }

  /** Returns {@code value}, or throws {@link IllegalArgumentException} when it is null, zero or negative. */
  public static Duration positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }
}
