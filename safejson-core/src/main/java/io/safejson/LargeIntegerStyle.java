package io.safejson;

/** How {@link SafeSerializer} writes {@code long} and {@link java.math.BigInteger} values. */
public enum LargeIntegerStyle {
  /** Always a JSON number: the default. */
  NUMBER,
  /**
   * A string when outside ±(2^53−1), where JavaScript's {@code Number} (and I-JSON, RFC 7493) would lose
   * precision; a number otherwise.
   */
  STRING_WHEN_UNSAFE
}
