package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/** {@link DecimalText} against {@link BigDecimal#toPlainString()}, the text safejson writes for decimals. */
@StatisticsReport(onFailureOnly = true)
final class DecimalTextProperties {

  @Property(tries = 5000)
  void aDecimalIsItsPlainStringOrLeftToIt(@ForAll("decimals") BigDecimal value) {
    char[] out = new char[DecimalText.MAX_CHARS];
    int length = DecimalText.plain(value, out);
    boolean covered =
        value.precision() <= DecimalText.MAX_PRECISION && Math.abs(value.scale()) <= DecimalText.MAX_SCALE;
    Statistics.label("covered").collect(covered);
    Statistics.label("shape").collect(shape(value));
    Statistics.label("covered").coverage(c -> c.check(true).percentage(p -> p > 60));
    Statistics.label("shape").coverage(c -> {
      // Each shape reached: at least 10 of the 5,000 tries (zero comes about 1% of the time, so a percentage
      // floor of 1 failed now and then).
      for (String shape : new String[] {"integer", "trailing zeros", "0.0ddd", "ddd.ddd", "zero"}) {
        c.check(shape).count(n -> n >= 10);
      }
    });
    if (covered) {
      assertEquals(value.toPlainString(), length < 0 ? null : new String(out, 0, length), "plain text of " + value);
    } else {
      assertEquals(-1, length, "leaves " + value + " (precision " + value.precision() + ") to toPlainString()");
    }
  }

  /** The plain text is also what safejson's own {@code ScalarWriter.plain} gives: the text written today. */
  @Property(tries = 1000)
  void aCoveredDecimalIsWhatValueWriterWrites(@ForAll("decimals") BigDecimal value) {
    char[] out = new char[DecimalText.MAX_CHARS];
    int length = DecimalText.plain(value, out);
    if (length >= 0) {
      assertEquals(ScalarWriter.plain(value), new String(out, 0, length));
    }
  }

  @Property(tries = 2000)
  void aShortBufferGivesMinusOneOrTheExactText(
      @ForAll("decimals") BigDecimal value, @ForAll @IntRange(min = 0, max = DecimalText.MAX_CHARS) int size) {
    char[] out = new char[size];
    int length = DecimalText.plain(value, out);
    Statistics.label("wrote").collect(length >= 0);
    Statistics.label("wrote").coverage(c -> {
      c.check(true).percentage(p -> p > 20);
      c.check(false).percentage(p -> p > 20);
    });
    if (length >= 0) {
      assertEquals(value.toPlainString(), new String(out, 0, length), "into " + size + " chars");
    } else {
      assertEquals(-1, length);
    }
  }

  private static String shape(BigDecimal value) {
    if (value.signum() == 0) {
      return "zero";
    } else if (value.scale() <= 0) {
      return value.scale() == 0 ? "integer" : "trailing zeros";
    }
    return value.precision() <= value.scale() ? "0.0ddd" : "ddd.ddd";
  }

  @Provide
  Arbitrary<BigDecimal> decimals() {
    Arbitrary<BigInteger> unscaled =
        Arbitraries.frequencyOf(
            // 1 to 15 digits evenly: where the double recovery must be exact, the top of the range above all.
            Tuple.of(6, Arbitraries.integers().between(1, 15).flatMap(DecimalTextProperties::withDigits)),
            Tuple.of(2, Arbitraries.of(
                999_999_999_999_999L, -999_999_999_999_999L, 999_999_999_999_998L, 1L << 49, (1L << 50) - 1,
                0L, 1L, -1L, 5L, 10L, 425L, 900_719_925_474_099L).map(BigInteger::valueOf)),
            Tuple.of(1, Arbitraries.integers().between(16, 19).flatMap(DecimalTextProperties::withDigits)),
            Tuple.of(1, Arbitraries.bigIntegers().between(
                BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))));
    Arbitrary<Integer> scales =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.integers().between(-DecimalText.MAX_SCALE, DecimalText.MAX_SCALE)),
            Tuple.of(2, Arbitraries.integers().between(0, 8)),
            Tuple.of(1, Arbitraries.of(-23, 23, -40, 40, DecimalText.MAX_SCALE, -DecimalText.MAX_SCALE)));
    return Combinators.combine(unscaled, scales).as(BigDecimal::new);
  }

  /** Integers of exactly {@code digits} decimal digits, either sign. */
  private static Arbitrary<BigInteger> withDigits(int digits) {
    BigInteger low = BigInteger.TEN.pow(digits - 1);
    BigInteger high = BigInteger.TEN.pow(digits).subtract(BigInteger.ONE);
    return Combinators.combine(Arbitraries.bigIntegers().between(low, high), Arbitraries.of(1, -1))
        .as((magnitude, sign) -> sign < 0 ? magnitude.negate() : magnitude);
  }
}
