package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The table's char formats ({@link FormattedText}, run by {@link TextRule}) against the table's text formats,
 * the text safejson wrote before them, for every type that has one, with and without a configured zone, in the
 * session's scratch-sized buffer.
 */
@StatisticsReport(onFailureOnly = true)
final class FormattedTextProperties {
  private final TimeTextProperties time = new TimeTextProperties();

  @Property(tries = 3000)
  void aValueIsFormattedAsItsTextFormatWritesItOrLeftToIt(
      @ForAll("values") Object value, @ForAll("zones") ZoneId zone) {
    SafeConfig config = SafeConfig.DEFAULTS.withZone(zone);
    TextRule rule = (TextRule) NormalizationTable.ruleFor(value.getClass(), config, null);
    char[] out = new char[FormattedText.MAX_CHARS];
    int length = rule.formatChars(value, out);
    String expected;
    try {
      expected = rule.keyText(value);
    } catch (RuntimeException e) {
      expected = null; // e.g. a zone conversion out of range: the writer reports it, the fast path declines
    }
    String type = value.getClass().getSimpleName();
    Statistics.label("type").collect(type);
    Statistics.label("formatted").collect(length >= 0);
    Statistics.label("type").coverage(c -> {
      for (String t : new String[] {
          "UUID", "Instant", "Timestamp", "Date", "GregorianCalendar", "OffsetDateTime", "ZonedDateTime",
          "LocalDateTime", "LocalTime", "OffsetTime", "LocalDate", "Duration"}) {
        c.check(t).percentage(p -> p > 3);
      }
    });
    Statistics.label("formatted").coverage(c -> c.check(true).percentage(p -> p > 60));
    if (length >= 0) {
      assertEquals(expected, new String(out, 0, length), type + " text of " + value + " in zone " + zone);
    } else {
      assertEquals(-1, length);
    }
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.just((ZoneId) null)),
        net.jqwik.api.Tuple.of(2, time.zones()));
  }

  @Provide
  Arbitrary<Object> values() {
    Arbitrary<Long> millis = Arbitraries.longs().between(-62_167_219_200_000L - 1_000_000, 253_402_300_799_999L + 1_000_000);
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new),
        time.dateTimes().map(t -> t.toInstant(ZoneOffset.UTC)),
        millis.map(Date::new),
        Combinators.combine(millis, Arbitraries.integers().between(0, 999_999_999))
            .as((ms, nanos) -> {
              Timestamp timestamp = new Timestamp(ms);
              timestamp.setNanos(nanos);
              return timestamp;
            }),
        millis.map(ms -> {
          GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
          calendar.setTimeInMillis(ms);
          return calendar;
        }),
        Combinators.combine(time.dateTimes(), time.offsets()).as(OffsetDateTime::of),
        Combinators.combine(time.dateTimes(), time.zones()).as(ZonedDateTime::of),
        time.dateTimes(),
        time.times(),
        Combinators.combine(time.times(), time.offsets()).as(OffsetTime::of),
        time.dates(),
        time.durations(),
        Arbitraries.of(LocalDate.MIN, LocalDate.MAX, LocalDateTime.MIN, LocalDateTime.MAX, OffsetDateTime.MIN,
            OffsetDateTime.MAX, Instant.MIN, Instant.MAX, Instant.EPOCH, Duration.ZERO));
  }
}
