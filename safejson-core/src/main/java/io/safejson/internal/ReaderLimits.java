package io.safejson.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The limits of the JSON readers safejson's output must satisfy with their default settings: Jackson 2
 * ({@code new ObjectMapper()}), Jackson 3 ({@code JsonMapper.builder().build()}), Python's {@code json.loads}
 * and JavaScript's {@code JSON.parse}. Each constant is the smallest of their limits; a value beyond one is
 * written as a string or cut, with a {@code READER_LIMIT} incident. Stateless.
 */
final class ReaderLimits {
  private ReaderLimits() {}

  /** Chars in a number token: Jackson 2 and 3 reject longer ones ({@code maxNumberLength}). */
  static final int MAX_NUMBER_CHARS = 1_000;

  /** Chars in a string value: Jackson 2's {@code maxStringLength} (Jackson 3 allows 100,000,000). */
  static final int MAX_STRING_CHARS = 20_000_000;

  /** Chars in an object key: Jackson 2.16+ and 3's {@code maxNameLength}. */
  static final int MAX_NAME_CHARS = 50_000;

  /**
   * Open arrays and objects: Jackson 3's {@code maxNestingDepth} (Jackson 2 allows 1,000, Python about 990
   * before its recursion limit).
   */
  static final int MAX_DEPTH = 500;

  /** Whether a JSON reader turns this integer into a number it keeps: JavaScript reads 2^1024 as Infinity. */
  static boolean fitsReaders(BigInteger value) {
    int bits = value.bitLength();
    // Below 2^1023 every value rounds to a finite double (and has at most 308 digits); from 2^1024 on none does.
    return bits < 1024 || (bits == 1024 && Double.isFinite(value.doubleValue()));
  }

  /**
   * Whether a decimal written as the number {@code text} is read back without being rejected or lost: at
   * most {@value #MAX_NUMBER_CHARS} chars, and zero or rounding to a finite, non-zero double (JavaScript and
   * Python read {@code 1E+400} as Infinity and {@code 1E-400} as 0).
   */
  static boolean fitsReaders(BigDecimal value, String text) {
    if (text.length() > MAX_NUMBER_CHARS) {
      return false;
    }
    if (value.signum() == 0) {
      return true;
    }
    // 10^(magnitude - 1) <= |value| < 10^magnitude
    long magnitude = (long) value.precision() - value.scale();
    if (magnitude > -300 && magnitude <= 308) {
      return true; // between 1E-301 and 1E+308: well inside the double range
    }
    double d = value.doubleValue();
    return Double.isFinite(d) && d != 0;
  }

  /**
   * Chars to keep of a string or key cut to fit both its configured cap and a reader's limit, leaving room
   * for the {@link Markers#TRUNCATED_SUFFIX}.
   */
  static int kept(int configured, int readerLimit) {
    return Math.min(configured, readerLimit - Markers.TRUNCATED_SUFFIX.length());
  }
}
