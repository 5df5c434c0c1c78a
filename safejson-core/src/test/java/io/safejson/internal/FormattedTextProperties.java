package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * {@link FormattedText} against {@link TextKind#text}, the text safejson writes today, for every kind it
 * formats, with and without a configured zone, in the session's scratch-sized buffer.
 */
@StatisticsReport(onFailureOnly = true)
final class FormattedTextProperties {
  private final TimeTextProperties time = new TimeTextProperties();

  @Property(tries = 3000)
  void aValueIsFormattedAsTextKindTextOrLeftToIt(@ForAll("values") Object value, @ForAll("zones") ZoneId zone) {
    TextKind kind = TextKind.of(value.getClass());
    char[] out = new char[FormattedText.MAX_CHARS];
    int length = FormattedText.format(kind, value, zone, out);
    String expected;
    try {
      expected = kind.text(value, zone);
    } catch (RuntimeException e) {
      expected = null; // e.g. a zone conversion out of range: the writer reports it, the fast path declines
    }
    Statistics.label("kind").collect(kind);
    Statistics.label("formatted").collect(length >= 0);
    Statistics.label("kind").coverage(c -> {
      for (TextKind k : new TextKind[] {
          TextKind.UUID_TEXT, TextKind.INSTANT, TextKind.TIMESTAMP, TextKind.UTIL_DATE, TextKind.CALENDAR,
          TextKind.OFFSET_DATE_TIME, TextKind.ZONED_DATE_TIME, TextKind.LOCAL_DATE_TIME, TextKind.LOCAL_TIME,
          TextKind.OFFSET_TIME, TextKind.TO_STRING}) {
        c.check(k).percentage(p -> p > 3);
      }
    });
    Statistics.label("formatted").coverage(c -> c.check(true).percentage(p -> p > 60));
    if (length >= 0) {
      assertTrue(FormattedText.handles(kind, value), "handles() admits what format() writes: " + kind);
      assertEquals(expected, new String(out, 0, length), kind + " text of " + value + " in zone " + zone);
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
