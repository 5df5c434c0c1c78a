package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.SimpleTimeZone;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which JDK types are text, and the text of each kind. */
final class TextKindTest {

  @Test
  void eachTextTypeHasItsKindIncludingSubclasses() throws Exception {
    assertEquals(TextKind.UUID_TEXT, TextKind.of(UUID.class));
    assertEquals(TextKind.INSTANT, TextKind.of(Instant.class));
    assertEquals(TextKind.TIMESTAMP, TextKind.of(Timestamp.class));
    assertEquals(TextKind.UTIL_DATE, TextKind.of(Date.class));
    assertEquals(TextKind.UTIL_DATE, TextKind.of(new Date(0) {}.getClass()));
    assertEquals(TextKind.SQL_LOCAL, TextKind.of(java.sql.Date.class));
    assertEquals(TextKind.SQL_LOCAL, TextKind.of(Time.class));
    assertEquals(TextKind.CALENDAR, TextKind.of(GregorianCalendar.class));
    assertEquals(TextKind.OFFSET_DATE_TIME, TextKind.of(OffsetDateTime.class));
    assertEquals(TextKind.ZONED_DATE_TIME, TextKind.of(ZonedDateTime.class));
    assertEquals(TextKind.LOCAL_DATE_TIME, TextKind.of(java.time.LocalDateTime.class));
    assertEquals(TextKind.LOCAL_TIME, TextKind.of(java.time.LocalTime.class));
    assertEquals(TextKind.OFFSET_TIME, TextKind.of(java.time.OffsetTime.class));
    for (Class<?> type :
        new Class<?>[] {
          LocalDate.class, Year.class, YearMonth.class, MonthDay.class, Duration.class, Period.class,
          Path.of("x").getClass(), File.class, URI.class, URL.class, Pattern.class
        }) {
      assertEquals(TextKind.TO_STRING, TextKind.of(type), type.getName());
    }
    assertEquals(TextKind.ZONE_ID, TextKind.of(ZoneOffset.class));
    assertEquals(TextKind.ZONE_ID, TextKind.of(ZoneId.of("Europe/Paris").getClass()));
    assertEquals(TextKind.TIME_ZONE, TextKind.of(SimpleTimeZone.class));
    assertEquals(TextKind.LOCALE, TextKind.of(Locale.class));
    assertEquals(TextKind.CURRENCY, TextKind.of(Currency.class));
    assertEquals(TextKind.CHARSET, TextKind.of(StandardCharsets.UTF_8.getClass()));
    assertEquals(TextKind.CLASS_NAME, TextKind.of(Class.class));
    assertEquals(TextKind.INET_ADDRESS, TextKind.of(InetAddress.getByName("127.0.0.1").getClass()));
    assertNull(TextKind.of(String.class));
    assertNull(TextKind.of(Object.class));
  }

  @Test
  void sqlTimesAndDatesAreTheirLocalText() {
    assertEquals("10:15:30", TextKind.SQL_LOCAL.text(Time.valueOf("10:15:30"), null));
    assertEquals("2026-11-30", TextKind.SQL_LOCAL.text(java.sql.Date.valueOf("2026-11-30"), null));
  }

  @Test
  void theZoneAppliesOnlyToOffsetAndZonedValues() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    OffsetDateTime offset = OffsetDateTime.parse("2026-01-01T00:00:00Z");
    assertEquals("2026-01-01T00:00:00Z", TextKind.OFFSET_DATE_TIME.text(offset, null));
    assertEquals("2026-01-01T09:00:00+09:00", TextKind.OFFSET_DATE_TIME.text(offset, tokyo));
    ZonedDateTime zoned = offset.atZoneSameInstant(ZoneId.of("Europe/Paris"));
    assertEquals("2026-01-01T01:00:00+01:00", TextKind.ZONED_DATE_TIME.text(zoned, null));
    assertEquals("2026-01-01T09:00:00+09:00", TextKind.ZONED_DATE_TIME.text(zoned, tokyo));
    assertEquals("1970-01-01T00:00:00Z", TextKind.UTIL_DATE.text(new Date(0), tokyo));
  }

  @Test
  void instantsBeyondYear9999AreWrittenByTheirOwnToString() {
    assertEquals(
        "\"+10000-01-01T00:00:00Z\"",
        io.safejson.SafeSerializer.defaults().toJson(Instant.parse("+10000-01-01T00:00:00Z")));
    assertEquals(
        "\"9999-12-31T23:59:59.999Z\"",
        io.safejson.SafeSerializer.defaults().toJson(Instant.parse("9999-12-31T23:59:59.999Z")));
  }
}
