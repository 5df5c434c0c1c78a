package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the table's char formats ({@link FormattedText}) leave to the text formats: other types, throwing values, short buffers. */
final class FormattedTextTest {
  private static int format(Object value, ZoneId zone, char[] out) {
    TextRule rule = (TextRule) NormalizationTable.ruleFor(value.getClass(), SafeConfig.DEFAULTS.withZone(zone), null);
    return rule.formatChars(value, out);
  }

  @Test
  void typesWithoutACharFormatAreLeftToTheirTextFormat() {
    char[] out = new char[FormattedText.MAX_CHARS];
    assertEquals(-1, format(Path.of("/tmp/x"), null, out));
    assertEquals(-1, format(Locale.FRANCE, null, out));
    assertEquals(-1, format(ZoneId.of("UTC"), null, out));
    assertEquals(-1, format(java.time.Year.of(2026), null, out));
  }

  @Test
  void theCommonTypesAreFormattedIntoTheBuffer() {
    char[] out = new char[FormattedText.MAX_CHARS];
    Map<Object, String> expected = new LinkedHashMap<>();
    expected.put(java.time.LocalDate.of(2026, 1, 2), "2026-01-02");
    expected.put(java.time.Duration.ofSeconds(5), "PT5S");
    expected.put(Instant.EPOCH, "1970-01-01T00:00:00Z");
    expected.put(new java.util.UUID(1, 2), "00000000-0000-0001-0000-000000000002");
    expected.put(java.time.LocalTime.NOON, "12:00:00");
    expected.put(new Date(1_000), "1970-01-01T00:00:01Z");
    expected.forEach((value, text) -> assertEquals(text, new String(out, 0, format(value, null, out)), text));
  }

  @Test
  void aDateSubclassWhoseGetterThrowsIsLeftToTheTextFormatWhichReportsIt() {
    Date broken =
        new Date() {
          @Override
          public long getTime() {
            throw new IllegalStateException("broken clock");
          }
        };
    assertEquals(-1, format(broken, null, new char[FormattedText.MAX_CHARS]));
  }

  @Test
  void aZoneConversionOutOfRangeIsLeftToTheTextFormat() {
    // OffsetDateTime.MAX is +999999999-12-31T23:59:59.999999999-18:00; in UTC+18 it would pass the year limit.
    assertEquals(-1, format(OffsetDateTime.MAX, ZoneId.of("+18:00"), new char[FormattedText.MAX_CHARS]));
  }

  @Test
  void aBufferTooShortForTheTextIsDeclined() {
    assertEquals(-1, format(Instant.EPOCH, null, new char[10]));
    assertEquals(-1, format(new java.util.UUID(1, 2), null, new char[35]));
  }
}
