package io.safejson;

/** How {@link SafeSerializer} writes {@code long} and {@link java.math.BigInteger} values. */
public enum LargeIntegerStyle {
  /**
   * A JSON number: the default. An integer of 2^1024 or more in magnitude, which JavaScript reads as
   * Infinity, is written as a string with a {@link Incident.Kind#READER_LIMIT} incident.
   */
  NUMBER,
  /**
   * A string when outside ±(2^53−1), where JavaScript's {@code Number} (and I-JSON, RFC 7493) would lose
   * precision; a number otherwise.
   */
  STRING_WHEN_UNSAFE
}
