package io.safejson.internal;

import java.math.BigDecimal;

/**
 * Formats a {@link BigDecimal} of up to 15 significant digits in plain notation straight into a caller's char
 * buffer, exactly as {@link BigDecimal#toPlainString()}, without the strings and {@code StringBuilder} that
 * method builds. Thread-safe: stateless.
 *
 * <p>{@code BigDecimal} offers no allocation-free access to its unscaled value, so it is recovered from
 * {@link BigDecimal#doubleValue()}: for an unscaled value {@code |u| < 10^15 < 2^50} and a scale {@code |s| <= 22}
 * (where {@code 10^|s|} is an exact double), the double is within one ulp of {@code u / 10^s}, so scaling it
 * back is within {@code 1.5 * 2^-52 * |u| < 0.375} of {@code u} and rounds to {@code u} exactly. Values outside
 * those bounds return -1 and are left to {@code toPlainString()}.
 */
final class DecimalText {
  /** Chars that hold any value {@link #plain} formats: a sign, 15 digits and 22 zeros. */
  static final int MAX_CHARS = 40;

  static final int MAX_PRECISION = 15;
  static final int MAX_SCALE = 22;

  private static final double[] POWERS = new double[MAX_SCALE + 1];
  private static final long[] LONG_POWERS = new long[MAX_PRECISION + 1];

  static {
    double power = 1;
    for (int i = 0; i <= MAX_SCALE; i++) {
      POWERS[i] = power; // exact: 10^22 is the largest power of ten a double holds exactly
      power *= 10;
    }
    long longPower = 1;
    for (int i = 0; i <= MAX_PRECISION; i++) {
      LONG_POWERS[i] = longPower;
      longPower *= 10;
    }
  }

  private DecimalText() {}

  /**
   * Writes {@code value} as {@link BigDecimal#toPlainString()} does and returns the length, or returns -1
   * when the value has more than 15 significant digits, a scale outside -22..22, or does not fit {@code out}.
   */
  static int plain(BigDecimal value, char[] out) {
    int scale = value.scale();
    int precision = value.precision();
    if (precision > MAX_PRECISION || scale > MAX_SCALE || scale < -MAX_SCALE) {
      return -1;
    }
    long unscaled = unscaled(value, scale);
    long absolute = Math.abs(unscaled);
    // Sanity checks the bound above already guarantees: the recovered value has the decimal's sign and digits.
    if (Long.signum(unscaled) != value.signum()
        || absolute >= LONG_POWERS[precision]
        || (absolute != 0 && absolute < LONG_POWERS[precision - 1])) {
      return -1;
    }
    int digits = absolute == 0 ? 1 : precision;
    int sign = unscaled < 0 ? 1 : 0;
    if (scale <= 0) {
      int zeros = absolute == 0 ? 0 : -scale; // toPlainString() writes zero as "0" whatever its scale
      if (sign + digits + zeros > out.length) {
        return -1;
      }
      int at = sign(unscaled, out);
      at = digits(absolute, digits, out, at);
      for (int i = 0; i < zeros; i++) {
        out[at++] = '0';
      }
      return at;
    }
    if (digits > scale) { // 123.45
      if (sign + digits + 1 > out.length) {
        return -1;
      }
      int at = sign(unscaled, out);
      long power = LONG_POWERS[scale];
      at = digits(absolute / power, digits - scale, out, at);
      out[at++] = '.';
      return digits(absolute % power, scale, out, at);
    }
    if (sign + 2 + scale > out.length) { // 0.00123
      return -1;
    }
    int at = sign(unscaled, out);
    out[at++] = '0';
    out[at++] = '.';
    return digits(absolute, scale, out, at);
  }

  /** The unscaled value, recovered from the nearest double (see the class comment for why it is exact). */
  private static long unscaled(BigDecimal value, int scale) {
    if (scale == 0) {
      return value.longValue(); // exact and allocation-free for an integral value of at most 15 digits
    }
    double approximate = value.doubleValue();
    return Math.round(scale > 0 ? approximate * POWERS[scale] : approximate / POWERS[-scale]);
  }

  private static int sign(long value, char[] out) {
    if (value < 0) {
      out[0] = '-';
      return 1;
    }
    return 0;
  }

  /** {@code count} decimal digits of a non-negative {@code value}, zero-padded; returns the end. */
  private static int digits(long value, int count, char[] out, int at) {
    return CharFormats.digits(value, count, out, at);
  }
}
