package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/** {@link CharFormats} against the JDK's own {@code toString()}, the format it promises to reproduce. */
@StatisticsReport(onFailureOnly = true)
final class CharFormatsProperties {
  private static final long YEAR_0000 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
  private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

  @Property(tries = 2000)
  void anInstantIsFormattedExactlyAsInstantToStringOrLeftToIt(@ForAll("instants") Instant instant) {
    char[] out = new char[CharFormats.MAX_CHARS];
    int length = CharFormats.instant(instant, out);
    long second = instant.getEpochSecond(); // not atOffset(): it cannot represent Instant.MIN's year
    String range = second < YEAR_0000 ? "before 0000" : second >= YEAR_10000 ? "after 9999" : "0000-9999";
    Statistics.label("year range").collect(range);
    Statistics.label("fraction digits").collect(fractionDigits(instant.getNano()));
    Statistics.label("year range").coverage(c -> c.check("before 0000").percentage(p -> p > 2));
    Statistics.label("year range").coverage(c -> c.check("after 9999").percentage(p -> p > 2));
    Statistics.label("fraction digits").coverage(c -> {
      for (int digits : new int[] {0, 3, 6, 9}) {
        c.check(digits).percentage(p -> p > 5);
      }
    });
    if (range.equals("0000-9999")) {
      assertTrue(length > 0, "formats every instant in years 0000-9999: " + instant);
      assertEquals(instant.toString(), new String(out, 0, length));
    } else {
      assertEquals(-1, length, "leaves years outside 0000-9999 to toString(): " + instant);
    }
  }

  @Property(tries = 1000)
  void aUuidIsFormattedExactlyAsUuidToString(@ForAll long most, @ForAll long least) {
    UUID uuid = new UUID(most, least);
    char[] out = new char[CharFormats.MAX_CHARS];
    int length = CharFormats.uuid(uuid, out);
    assertEquals(uuid.toString(), new String(out, 0, length));
  }

  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Long> seconds =
        Arbitraries.frequencyOf(
            // Around the edges of the fast range, the epoch, leap days and the end of centuries.
            net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(YEAR_0000 - 100_000, YEAR_0000 + 100_000)),
            net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(YEAR_10000 - 100_000, YEAR_10000 + 100_000)),
            net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(-100_000, 100_000)),
            net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(YEAR_0000, YEAR_10000)),
            net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())),
            net.jqwik.api.Tuple.of(2, Arbitraries.of(
                Instant.parse("2000-02-29T23:59:59Z").getEpochSecond(),
                Instant.parse("1900-03-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2100-02-28T12:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond(),
                YEAR_0000,
                YEAR_0000 - 1,
                YEAR_10000,
                0L,
                -1L)));
    Arbitrary<Integer> nanos =
        Arbitraries.oneOf(
            Arbitraries.just(0),
            Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
            Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000),
            Arbitraries.integers().between(0, 999_999_999));
    return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
  }

  private static int fractionDigits(int nano) {
    if (nano == 0) {
      return 0;
    }
    return nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
  }
}
