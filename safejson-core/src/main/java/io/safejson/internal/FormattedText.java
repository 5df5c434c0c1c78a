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
 * Formats a value of one of the common {@link TextKind}s into a caller's char buffer, char for char as
 * {@link TextKind#text} would, with {@link CharFormats} and {@link TimeText}; returns -1 for the kinds and
 * values it leaves to {@code TextKind.text} (which then also reports any failure). Thread-safe: stateless.
 */
final class FormattedText {
  /** Chars a buffer needs so that only values of extreme years fall back: {@link CharFormats#MAX_CHARS}. */
  static final int MAX_CHARS = CharFormats.MAX_CHARS;

  private FormattedText() {}

  /**
   * Whether {@link #format} may write this value: the caller fetches a buffer only then (a session's scratch
   * chars are allocated on first use, so a document with only other text kinds never allocates them).
   */
  static boolean handles(TextKind kind, Object value) {
    switch (kind) {
      case UUID_TEXT:
      case INSTANT:
      case TIMESTAMP:
      case UTIL_DATE:
      case CALENDAR:
      case OFFSET_DATE_TIME:
      case ZONED_DATE_TIME:
      case LOCAL_DATE_TIME:
      case LOCAL_TIME:
      case OFFSET_TIME:
        return true;
      case TO_STRING:
        return value instanceof LocalDate || value instanceof Duration;
      default:
        return false;
    }
  }

  /**
   * Writes the text of {@code value}, of kind {@code kind}, into {@code out}; {@code zone} (nullable) applies
   * to offset and zoned date-times as in {@link TextKind#text}. Returns the length, or -1 when nothing usable
   * was written: another kind, a value the fast formats do not cover, or a call on the value that threw.
   */
  static int format(TextKind kind, Object value, ZoneId zone, char[] out) {
    try {
      switch (kind) {
        case UUID_TEXT:
          return out.length < 36 ? -1 : CharFormats.uuid((UUID) value, out);
        case INSTANT:
          return instant((Instant) value, out);
        case TIMESTAMP:
          return instant(((Timestamp) value).toInstant(), out);
        case UTIL_DATE:
          return instant(Instant.ofEpochMilli(((Date) value).getTime()), out);
        case CALENDAR:
          return instant(Instant.ofEpochMilli(((Calendar) value).getTimeInMillis()), out);
        case OFFSET_DATE_TIME:
          OffsetDateTime offsetDateTime = (OffsetDateTime) value;
          if (zone != null) {
            offsetDateTime = offsetDateTime.atZoneSameInstant(zone).toOffsetDateTime();
          }
          return TimeText.offsetDateTime(offsetDateTime, out);
        case ZONED_DATE_TIME:
          ZonedDateTime zoned = (ZonedDateTime) value;
          if (zone != null) {
            zoned = zoned.withZoneSameInstant(zone);
          }
          return TimeText.zonedDateTime(zoned, out);
        case LOCAL_DATE_TIME:
          return TimeText.localDateTime((LocalDateTime) value, out);
        case LOCAL_TIME:
          return TimeText.localTime((LocalTime) value, out);
        case OFFSET_TIME:
          return TimeText.offsetTime((OffsetTime) value, out);
        case TO_STRING:
          if (value instanceof LocalDate) {
            return TimeText.localDate((LocalDate) value, out);
          } else if (value instanceof Duration) {
            return TimeText.duration((Duration) value, out);
          }
          return -1;
        default:
          return -1;
      }
    } catch (Throwable t) {
      // A Date or Calendar subclass whose getter throws, a zone conversion out of range: TextKind.text runs
      // the same call again and reports it.
      Failures.rethrowIfFatal(t);
      return -1;
    }
  }

  private static int instant(Instant instant, char[] out) {
    return out.length < CharFormats.MAX_CHARS ? -1 : CharFormats.instant(instant, out);
  }
}
