package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link DecimalText} at the top of its range, where recovering the unscaled value from a double is tightest. */
final class DecimalTextTest {

  @Test
  void everyFifteenDigitValueAtEveryScaleIsItsPlainString() {
    SplittableRandom random = new SplittableRandom(42);
    char[] out = new char[DecimalText.MAX_CHARS];
    for (int i = 0; i < 20_000; i++) {
      // Mostly 15-digit values, the largest the fast path takes, with either sign.
      long unscaled = random.nextLong(100_000_000_000_000L, 1_000_000_000_000_000L);
      if (i % 2 == 1) {
        unscaled = -unscaled;
      }
      for (int scale = -DecimalText.MAX_SCALE; scale <= DecimalText.MAX_SCALE; scale++) {
        BigDecimal value = BigDecimal.valueOf(unscaled, scale);
        int length = DecimalText.plain(value, out);
        assertEquals(value.toPlainString(), new String(out, 0, Math.max(0, length)), "plain text of " + value);
      }
    }
  }

  @Test
  void sixteenDigitsAndScalesBeyondTwentyTwoAreLeftToToPlainString() {
    char[] out = new char[DecimalText.MAX_CHARS];
    assertEquals(-1, DecimalText.plain(new BigDecimal("1234567890123456"), out));
    assertEquals(-1, DecimalText.plain(new BigDecimal("0.1234567890123456"), out));
    assertEquals(-1, DecimalText.plain(BigDecimal.valueOf(1, 23), out));
    assertEquals(-1, DecimalText.plain(BigDecimal.valueOf(1, -23), out));
  }

  @Test
  void aDecimalKeepsItsScaleAndZeroKeepsOnlyAPositiveOne() {
    char[] out = new char[DecimalText.MAX_CHARS];
    int length = DecimalText.plain(new BigDecimal("0.000425").add(BigDecimal.valueOf(7, 6)), out);
    assertEquals("0.000432", new String(out, 0, length));
    length = DecimalText.plain(new BigDecimal("-12.50"), out);
    assertEquals("-12.50", new String(out, 0, length));
    length = DecimalText.plain(new BigDecimal("0E+5"), out);
    assertEquals("0", new String(out, 0, length));
    length = DecimalText.plain(new BigDecimal("0E-3"), out);
    assertEquals("0.000", new String(out, 0, length));
  }
}
