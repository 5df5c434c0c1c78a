package io.safejson.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.UUID;

/**
 * The {@link TextRule.CharFormat}s of the normalization table: each writes its type's text into a caller's char
 * buffer, char for char as the table's text format would, with {@link CharFormats} and {@link TimeText}, and
 * returns -1 for values it leaves to the text format (extreme years, a buffer too short). A value whose own
 * method throws is caught by {@link TextRule}, which then runs the text format, and that reports it.
 * Thread-safe: stateless.
 */
final class FormattedText {
  /** Chars a buffer needs so that only values of extreme years fall back: {@link CharFormats#MAX_CHARS}. */
  static final int MAX_CHARS = CharFormats.MAX_CHARS;

  static final TextRule.CharFormat UUID_TEXT =
      (value, zone, out) -> out.length < 36 ? -1 : CharFormats.uuid((UUID) value, out);
  static final TextRule.CharFormat INSTANT = (value, zone, out) -> instant((Instant) value, out);
  static final TextRule.CharFormat TIMESTAMP = (value, zone, out) -> instant(((Timestamp) value).toInstant(), out);
  static final TextRule.CharFormat UTIL_DATE =
      (value, zone, out) -> instant(Instant.ofEpochMilli(((Date) value).getTime()), out);
  static final TextRule.CharFormat CALENDAR =
      (value, zone, out) -> instant(Instant.ofEpochMilli(((Calendar) value).getTimeInMillis()), out);
  static final TextRule.CharFormat OFFSET_DATE_TIME = FormattedText::offsetDateTime;
  static final TextRule.CharFormat ZONED_DATE_TIME = FormattedText::zonedDateTime;
  static final TextRule.CharFormat LOCAL_DATE_TIME =
      (value, zone, out) -> TimeText.localDateTime((LocalDateTime) value, out);
  static final TextRule.CharFormat LOCAL_TIME = (value, zone, out) -> TimeText.localTime((LocalTime) value, out);
  static final TextRule.CharFormat OFFSET_TIME = (value, zone, out) -> TimeText.offsetTime((OffsetTime) value, out);
  /** The {@code toString()} types: a LocalDate or a Duration formatted here, the others (Year...) left to it. */
  static final TextRule.CharFormat DATE_OR_DURATION = FormattedText::dateOrDuration;

  private FormattedText() {}

  private static int offsetDateTime(Object value, ZoneId zone, char[] out) {
    OffsetDateTime time = (OffsetDateTime) value;
    if (zone != null) {
      time = time.atZoneSameInstant(zone).toOffsetDateTime();
    }
    return TimeText.offsetDateTime(time, out);
  }

  private static int zonedDateTime(Object value, ZoneId zone, char[] out) {
    ZonedDateTime time = (ZonedDateTime) value;
    if (zone != null) {
      time = time.withZoneSameInstant(zone);
    }
    return TimeText.zonedDateTime(time, out);
  }

  private static int dateOrDuration(Object value, ZoneId zone, char[] out) {
    if (value instanceof LocalDate) {
      return TimeText.localDate((LocalDate) value, out);
    } else if (value instanceof Duration) {
      return TimeText.duration((Duration) value, out);
    }
    return -1;
  }

  private static int instant(Instant instant, char[] out) {
    return out.length < CharFormats.MAX_CHARS ? -1 : CharFormats.instant(instant, out);
  }
}
