package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.ToIntBiFunction;
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

/** {@link TimeText} against the JDK formatters whose text safejson writes for each {@code java.time} type. */
@StatisticsReport(onFailureOnly = true)
final class TimeTextProperties {
  private static final long MIN_DAY = LocalDate.MIN.toEpochDay();
  private static final long MAX_DAY = LocalDate.MAX.toEpochDay();
  private static final long YEAR_0000 = LocalDate.of(0, 1, 1).toEpochDay();
  private static final long YEAR_10000 = LocalDate.of(10_000, 1, 1).toEpochDay();

  @Property(tries = 2000)
  void aLocalDateIsItsToString(@ForAll("dates") LocalDate date) {
    Statistics.label("year range").collect(yearRange(date.getYear()));
    coversEveryYearRange();
    assertFormats(date.toString(), formatted(TimeText::localDate, date), date);
  }

  @Property(tries = 2000)
  void aLocalTimeIsIsoLocalTime(@ForAll("times") LocalTime time) {
    Statistics.label("fraction digits").collect(fractionDigits(time.getNano()));
    coversEveryFractionLength();
    assertFormats(
        DateTimeFormatter.ISO_LOCAL_TIME.format(time), formatted(TimeText::localTime, time), time);
  }

  @Property(tries = 2000)
  void aLocalDateTimeIsIsoLocalDateTime(@ForAll("dateTimes") LocalDateTime dateTime) {
    Statistics.label("year range").collect(yearRange(dateTime.getYear()));
    Statistics.label("fraction digits").collect(fractionDigits(dateTime.getNano()));
    coversEveryYearRange();
    coversEveryFractionLength();
    assertFormats(
        DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime),
        formatted(TimeText::localDateTime, dateTime),
        dateTime);
  }

  @Property(tries = 2000)
  void anOffsetDateTimeIsIsoOffsetDateTime(
      @ForAll("dateTimes") LocalDateTime dateTime, @ForAll("offsets") ZoneOffset offset) {
    OffsetDateTime value = OffsetDateTime.of(dateTime, offset);
    Statistics.label("offset").collect(offsetShape(offset));
    Statistics.label("offset").coverage(c -> {
      for (String shape : new String[] {"Z", "+HH:MM", "+HH:MM:ss"}) {
        c.check(shape).percentage(p -> p > 10);
      }
    });
    coversEveryYearRange();
    Statistics.label("year range").collect(yearRange(dateTime.getYear()));
    assertFormats(
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value),
        formatted(TimeText::offsetDateTime, value),
        value);
  }

  @Property(tries = 1000)
  void aZonedDateTimeIsIsoOffsetDateTimeWithoutTheZoneName(
      @ForAll("dateTimes") LocalDateTime dateTime, @ForAll("zones") ZoneId zone) {
    ZonedDateTime value = ZonedDateTime.of(dateTime, zone);
    Statistics.label("offset").collect(offsetShape(value.getOffset()));
    assertFormats(
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value),
        formatted(TimeText::zonedDateTime, value),
        value);
  }

  @Property(tries = 1000)
  void anOffsetTimeIsIsoOffsetTime(@ForAll("times") LocalTime time, @ForAll("offsets") ZoneOffset offset) {
    OffsetTime value = OffsetTime.of(time, offset);
    assertFormats(
        DateTimeFormatter.ISO_OFFSET_TIME.format(value), formatted(TimeText::offsetTime, value), value);
  }

  @Property(tries = 2000)
  void aDurationIsItsToString(@ForAll("durations") Duration duration) {
    Statistics.label("sign").collect(duration.isNegative() ? "negative" : duration.isZero() ? "zero" : "positive");
    Statistics.label("fraction digits").collect(fractionDigits(duration.getNano()));
    Statistics.label("sign").coverage(c -> {
      c.check("negative").percentage(p -> p > 20);
      c.check("zero").count(n -> n > 0);
    });
    coversEveryFractionLength();
    assertFormats(duration.toString(), formatted(TimeText::duration, duration), duration);
  }

  /** With any buffer, too short ones included, the result is -1 or the exact text: never an overrun. */
  @Property(tries = 2000)
  void aShortBufferGivesMinusOneOrTheExactText(
      @ForAll("dateTimes") LocalDateTime dateTime,
      @ForAll("offsets") ZoneOffset offset,
      @ForAll("durations") Duration duration,
      @ForAll @IntRange(min = 0, max = TimeText.MAX_CHARS) int size) {
    OffsetDateTime offsetDateTime = OffsetDateTime.of(dateTime, offset);
    OffsetTime offsetTime = OffsetTime.of(dateTime.toLocalTime(), offset);
    boolean wrote = false;
    wrote |= fitsOrDeclines(size, dateTime.toLocalDate().toString(), TimeText::localDate, dateTime.toLocalDate());
    wrote |= fitsOrDeclines(size, DateTimeFormatter.ISO_LOCAL_TIME.format(dateTime), TimeText::localTime, dateTime.toLocalTime());
    wrote |= fitsOrDeclines(size, DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime), TimeText::localDateTime, dateTime);
    wrote |= fitsOrDeclines(size, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(offsetDateTime), TimeText::offsetDateTime, offsetDateTime);
    wrote |= fitsOrDeclines(size, DateTimeFormatter.ISO_OFFSET_TIME.format(offsetTime), TimeText::offsetTime, offsetTime);
    wrote |= fitsOrDeclines(size, duration.toString(), TimeText::duration, duration);
    Statistics.label("wrote any").collect(wrote);
    Statistics.label("wrote any").coverage(c -> {
      c.check(true).percentage(p -> p > 20);
      c.check(false).percentage(p -> p > 20);
    });
  }

  private static <T> boolean fitsOrDeclines(int size, String expected, ToIntBiFunction<T, char[]> format, T value) {
    char[] out = new char[size];
    int length = format.applyAsInt(value, out);
    if (length < 0) {
      assertEquals(-1, length, "declines with -1: " + value);
      return false;
    }
    assertEquals(expected, new String(out, 0, length), "formats " + value + " into " + size + " chars");
    return true;
  }

  /** The text a formatter writes into a buffer of {@link TimeText#MAX_CHARS}, or null when it declined. */
  private static <T> String formatted(ToIntBiFunction<T, char[]> format, T value) {
    char[] out = new char[TimeText.MAX_CHARS];
    int length = format.applyAsInt(value, out);
    return length < 0 ? null : new String(out, 0, length);
  }

  private static void assertFormats(String expected, String actual, Object value) {
    assertEquals(expected, actual, "text of " + value + " (null: declined to format)");
  }

  private static void coversEveryYearRange() {
    Statistics.label("year range").coverage(c -> {
      for (String range : new String[] {"below -9999", "-9999..-1", "0000-9999", "above 9999"}) {
        c.check(range).percentage(p -> p > 5);
      }
    });
  }

  private static void coversEveryFractionLength() {
    Statistics.label("fraction digits").coverage(c -> {
      for (int digits = 0; digits <= 9; digits++) {
        c.check(digits).percentage(p -> p > 2);
      }
    });
  }

  private static String yearRange(int year) {
    return year < -9999 ? "below -9999" : year < 0 ? "-9999..-1" : year <= 9999 ? "0000-9999" : "above 9999";
  }

  /** Significant fraction digits: 0 for whole seconds, 3 for 0.120, 9 for full nanos. */
  private static int fractionDigits(int nano) {
    int digits = 9;
    if (nano == 0) {
      return 0;
    }
    while (nano % 10 == 0) {
      nano /= 10;
      digits--;
    }
    return digits;
  }

  private static String offsetShape(ZoneOffset offset) {
    int total = offset.getTotalSeconds();
    return total == 0 ? "Z" : total % 60 == 0 ? "+HH:MM" : "+HH:MM:ss";
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    Arbitrary<Long> days =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.longs().between(MIN_DAY, YEAR_0000 - 3_660_000)),
            Tuple.of(2, Arbitraries.longs().between(YEAR_0000 - 3_660_000, YEAR_0000 - 1)),
            Tuple.of(5, Arbitraries.longs().between(YEAR_0000, YEAR_10000 - 1)),
            Tuple.of(2, Arbitraries.longs().between(YEAR_10000, MAX_DAY)),
            Tuple.of(2, Arbitraries.of(
                MIN_DAY, MAX_DAY, YEAR_0000, YEAR_0000 - 1, YEAR_10000, YEAR_10000 - 1, 0L, -1L,
                LocalDate.of(2000, 2, 29).toEpochDay(), LocalDate.of(-1000, 1, 1).toEpochDay(),
                LocalDate.of(-10_000, 12, 31).toEpochDay())));
    return days.map(LocalDate::ofEpochDay);
  }

  @Provide
  Arbitrary<LocalTime> times() {
    Arbitrary<Integer> seconds =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 86_399),
            Arbitraries.of(0, 59, 60, 3_599, 3_600, 86_399));
    return Combinators.combine(seconds, nanos())
        .as((second, nano) -> LocalTime.ofSecondOfDay(second).withNano(nano));
  }

  @Provide
  Arbitrary<LocalDateTime> dateTimes() {
    return Combinators.combine(dates(), times()).as(LocalDateTime::of);
  }

  @Provide
  Arbitrary<ZoneOffset> offsets() {
    return Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(0)),
            Tuple.of(2, Arbitraries.integers().between(-18, 18).map(h -> h * 3600).filter(s -> s != 0)),
            Tuple.of(2, Arbitraries.integers().between(-18 * 60, 18 * 60).map(m -> m * 60).filter(s -> s != 0)),
            Tuple.of(2, Arbitraries.integers().between(-64_800, 64_800).filter(s -> s % 60 != 0)),
            Tuple.of(1, Arbitraries.of(-64_800, 64_800, 1, -1, -59, 3_599)))
        .map(ZoneOffset::ofTotalSeconds);
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    // Regions whose history has offsets with seconds (Amsterdam +00:19:32, Monrovia -00:44:30), half and
    // quarter hours, and offsets that changed.
    return Arbitraries.of(
        ZoneOffset.UTC, ZoneId.of("Europe/Amsterdam"), ZoneId.of("Africa/Monrovia"), ZoneId.of("Asia/Kathmandu"),
        ZoneId.of("America/St_Johns"), ZoneId.of("Pacific/Kiritimati"), ZoneId.of("America/Los_Angeles"),
        ZoneOffset.ofHoursMinutesSeconds(-3, -25, -7));
  }

  @Provide
  Arbitrary<Duration> durations() {
    Arbitrary<Long> seconds =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.longs().between(-200_000, 200_000)),
            Tuple.of(2, Arbitraries.longs()),
            Tuple.of(2, Arbitraries.of(0L, -1L, 1L, 59L, -59L, 60L, -60L, 3_600L, -3_600L, Long.MAX_VALUE, Long.MIN_VALUE)));
    return Combinators.combine(seconds, nanos()).as(Duration::ofSeconds);
  }

  /** Nanos with 0 to 9 significant digits, evenly. */
  private static Arbitrary<Integer> nanos() {
    return Arbitraries.integers()
        .between(0, 9)
        .flatMap(digits -> {
          if (digits == 0) {
            return Arbitraries.just(0);
          }
          int unit = (int) Math.pow(10, 9 - digits);
          int high = (int) Math.pow(10, digits) - 1;
          // The last digit is not zero, so the fraction has exactly `digits` digits after the point.
          return Arbitraries.integers().between(1, high).filter(n -> n % 10 != 0).map(n -> n * unit);
        });
  }
}
