package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;

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

/** Which JDK types the normalization table writes as text, and the text of each. */
final class TextRuleTest {
  private static final TypeRules DEFAULTS = rules(null);

  private static TypeRules rules(ZoneId zone) {
    SafeConfig defaults = TestConfigs.defaults();
    return new TypeRules(defaults.withZone(zone), new ObjectMapper());
  }

  private static void assertText(Class<?> type) {
    assertInstanceOf(TextRule.class, DEFAULTS.ruleFor(type), type.getName());
    assertTrue(DEFAULTS.isTableType(type), type.getName());
  }

  private static String text(Object value, ZoneId zone) {
    return rules(zone).ruleFor(value.getClass()).keyText(value);
  }


  @Test
  void eachTextTypeHasItsKindIncludingSubclasses() throws Exception {
    assertText(UUID.class);
    assertText(Instant.class);
    assertText(Timestamp.class);
    assertText(Date.class);
    assertText(new Date(0) {}.getClass());
    assertText(java.sql.Date.class);
    assertText(Time.class);
    assertText(GregorianCalendar.class);
    assertText(OffsetDateTime.class);
    assertText(ZonedDateTime.class);
    assertText(java.time.LocalDateTime.class);
    assertText(java.time.LocalTime.class);
    assertText(java.time.OffsetTime.class);
    for (Class<?> type :
        new Class<?>[] {
          LocalDate.class, Year.class, YearMonth.class, MonthDay.class, Duration.class, Period.class,
          Path.of("x").getClass(), File.class, URI.class, URL.class, Pattern.class
        }) {
      assertText(type);
    }
    assertText(ZoneOffset.class);
    assertText(ZoneId.of("Europe/Paris").getClass());
    assertText(SimpleTimeZone.class);
    assertText(Locale.class);
    assertText(Currency.class);
    assertText(StandardCharsets.UTF_8.getClass());
    assertText(Class.class);
    assertText(InetAddress.getByName("127.0.0.1").getClass());
    assertFalse(DEFAULTS.ruleFor(String.class) instanceof TextRule);
    assertFalse(DEFAULTS.ruleFor(Object.class) instanceof TextRule);
  }

  @Test
  void sqlTimesAndDatesAreTheirLocalText() {
    assertEquals("10:15:30", text(Time.valueOf("10:15:30"), null));
    assertEquals("2026-11-30", text(java.sql.Date.valueOf("2026-11-30"), null));
  }

  @Test
  void theZoneAppliesOnlyToOffsetAndZonedValues() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    OffsetDateTime offset = OffsetDateTime.parse("2026-01-01T00:00:00Z");
    assertEquals("2026-01-01T00:00:00Z", text(offset, null));
    assertEquals("2026-01-01T09:00:00+09:00", text(offset, tokyo));
    ZonedDateTime zoned = offset.atZoneSameInstant(ZoneId.of("Europe/Paris"));
    assertEquals("2026-01-01T01:00:00+01:00", text(zoned, null));
    assertEquals("2026-01-01T09:00:00+09:00", text(zoned, tokyo));
    assertEquals("1970-01-01T00:00:00Z", text(new Date(0), tokyo));
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
