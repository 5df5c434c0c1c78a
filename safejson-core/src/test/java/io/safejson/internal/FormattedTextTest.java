package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What {@link FormattedText} leaves to {@link TextKind#text}: other kinds, throwing values, short buffers. */
final class FormattedTextTest {

  @Test
  void kindsWithoutAFastFormatAreLeftToTextKindText() {
    char[] out = new char[FormattedText.MAX_CHARS];
    assertEquals(-1, FormattedText.format(TextKind.TO_STRING, Path.of("/tmp/x"), null, out));
    assertEquals(-1, FormattedText.format(TextKind.LOCALE, Locale.FRANCE, null, out));
    assertEquals(-1, FormattedText.format(TextKind.ZONE_ID, ZoneId.of("UTC"), null, out));
  }

  @Test
  void handlesIsFalseExactlyWhereFormatDeclinesEveryValue() {
    char[] out = new char[FormattedText.MAX_CHARS];
    Object[] values = {
      Path.of("/tmp/x"), Locale.FRANCE, ZoneId.of("UTC"), java.time.LocalDate.of(2026, 1, 2),
      java.time.Duration.ofSeconds(5), Instant.EPOCH, new java.util.UUID(1, 2), java.time.LocalTime.NOON,
      java.time.Year.of(2026), new Date(0)
    };
    for (Object value : values) {
      TextKind kind = TextKind.of(value.getClass());
      int length = FormattedText.format(kind, value, null, out);
      assertEquals(length >= 0, FormattedText.handles(kind, value), kind + " " + value);
    }
  }

  @Test
  void aDateSubclassWhoseGetterThrowsIsLeftToTextKindTextWhichReportsIt() {
    Date broken =
        new Date() {
          @Override
          public long getTime() {
            throw new IllegalStateException("broken clock");
          }
        };
    assertEquals(-1, FormattedText.format(TextKind.UTIL_DATE, broken, null, new char[FormattedText.MAX_CHARS]));
  }

  @Test
  void aZoneConversionOutOfRangeIsLeftToTextKindText() {
    // OffsetDateTime.MAX is +999999999-12-31T23:59:59.999999999-18:00; in UTC+18 it would pass the year limit.
    assertEquals(
        -1,
        FormattedText.format(
            TextKind.OFFSET_DATE_TIME, OffsetDateTime.MAX, ZoneId.of("+18:00"), new char[FormattedText.MAX_CHARS]));
  }

  @Test
  void aBufferTooShortForTheTextIsDeclined() {
    assertEquals(-1, FormattedText.format(TextKind.INSTANT, Instant.EPOCH, null, new char[10]));
    assertEquals(-1, FormattedText.format(TextKind.UUID_TEXT, new java.util.UUID(1, 2), null, new char[35]));
  }
}
