package io.safejson.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Formats {@code java.time} values straight into a caller's char buffer, exactly as the JDK text safejson
 * writes for them ({@link DateTimeFormatter#ISO_LOCAL_DATE_TIME}, {@link DateTimeFormatter#ISO_LOCAL_TIME},
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, {@link DateTimeFormatter#ISO_OFFSET_TIME},
 * {@link LocalDate#toString()}, {@link Duration#toString()}), without the formatter's parsed-field maps,
 * {@code StringBuilder}s and intermediate strings.
 *
 * <p>Every method returns the number of chars written from index 0, or -1 (nothing promised about the
 * buffer) when the text would not fit in {@code out}; the caller then formats with the JDK. The text is
 * ASCII digits and punctuation only, for {@code JsonGenerator.writeString(char[], int, int)}. Thread-safe:
 * stateless.
 */
final class TimeText {
  /** Chars that hold any value these methods format: {@code +999999999-12-31T23:59:59.999999999+18:00:00}. */
  static final int MAX_CHARS = 48;

  private static final int NANOS_PER_SECOND = 1_000_000_000;

  private TimeText() {}

  /** As {@link LocalDate#toString()}, which is {@link DateTimeFormatter#ISO_LOCAL_DATE}. */
  static int localDate(LocalDate date, char[] out) {
    int year = date.getYear();
    if (dateChars(year) > out.length) {
      return -1;
    }
    return date(year, date.getMonthValue(), date.getDayOfMonth(), out);
  }

  /** As {@link DateTimeFormatter#ISO_LOCAL_TIME}: seconds always, then the fraction without trailing zeros. */
  static int localTime(LocalTime time, char[] out) {
    if (timeChars(time.getNano()) > out.length) {
      return -1;
    }
    return time(time.getHour(), time.getMinute(), time.getSecond(), time.getNano(), out, 0);
  }

  /** As {@link DateTimeFormatter#ISO_LOCAL_DATE_TIME}. */
  static int localDateTime(LocalDateTime dateTime, char[] out) {
    int year = dateTime.getYear();
    int nano = dateTime.getNano();
    if (dateChars(year) + 1 + timeChars(nano) > out.length) {
      return -1;
    }
    int at = date(year, dateTime.getMonthValue(), dateTime.getDayOfMonth(), out);
    out[at++] = 'T';
    return time(dateTime.getHour(), dateTime.getMinute(), dateTime.getSecond(), nano, out, at);
  }

  /** As {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}: the local date-time, then {@code Z} or the offset. */
  static int offsetDateTime(OffsetDateTime dateTime, char[] out) {
    int at = localDateTime(dateTime.toLocalDateTime(), out);
    return at < 0 ? -1 : offset(dateTime.getOffset(), out, at);
  }

  /** As {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} (the offset, not the zone's name). */
  static int zonedDateTime(ZonedDateTime dateTime, char[] out) {
    int at = localDateTime(dateTime.toLocalDateTime(), out);
    return at < 0 ? -1 : offset(dateTime.getOffset(), out, at);
  }

  /** As {@link DateTimeFormatter#ISO_OFFSET_TIME}. */
  static int offsetTime(OffsetTime time, char[] out) {
    int at = localTime(time.toLocalTime(), out);
    return at < 0 ? -1 : offset(time.getOffset(), out, at);
  }

  /** As {@link Duration#toString()}: {@code PT8H6M12.345S}, negative parts signed, {@code PT0S} for zero. */
  static int duration(Duration duration, char[] out) {
    long seconds = duration.getSeconds();
    int nanos = duration.getNano();
    if (out.length < 40) { // "PT-2562047788015215H-30M-7.999999999S" is 37
      return -1;
    }
    out[0] = 'P';
    out[1] = 'T';
    if (seconds == 0 && nanos == 0) {
      out[2] = '0';
      out[3] = 'S';
      return 4;
    }
    // The JDK's algorithm, step by step: a negative duration with nanos counts whole seconds towards zero.
    long effectiveTotalSecs = seconds < 0 && nanos > 0 ? seconds + 1 : seconds;
    long hours = effectiveTotalSecs / 3600;
    int minutes = (int) ((effectiveTotalSecs % 3600) / 60);
    int secs = (int) (effectiveTotalSecs % 60);
    int at = 2;
    if (hours != 0) {
      at = signed(hours, out, at);
      out[at++] = 'H';
    }
    if (minutes != 0) {
      at = signed(minutes, out, at);
      out[at++] = 'M';
    }
    if (secs == 0 && nanos == 0 && at > 2) {
      return at;
    }
    if (seconds < 0 && nanos > 0 && secs == 0) {
      out[at++] = '-';
      out[at++] = '0';
    } else {
      at = signed(secs, out, at);
    }
    if (nanos > 0) {
      int fraction = seconds < 0 ? NANOS_PER_SECOND - nanos : nanos;
      at = fraction(fraction, out, at);
    }
    out[at++] = 'S';
    return at;
  }

  /** Chars of {@code yyyy-MM-dd} for this year: four digits, a sign outside 0-9999, up to nine digits. */
  private static int dateChars(int year) {
    if (year >= 0 && year <= 9999) {
      return 10;
    }
    return 7 + Math.max(4, decimalDigits(Math.abs((long) year)));
  }

  /** Chars of {@code HH:mm:ss} and the fraction. */
  private static int timeChars(int nano) {
    return nano == 0 ? 8 : 18;
  }

  private static int decimalDigits(long value) {
    int digits = 1;
    while (value >= 10) {
      value /= 10;
      digits++;
    }
    return digits;
  }

  /** ISO year (sign when outside 0-9999, at least four digits), month and day; returns the end. */
  private static int date(int year, int month, int day, char[] out) {
    int at = 0;
    if (year > 9999) {
      out[at++] = '+';
    } else if (year < 0) {
      out[at++] = '-';
    }
    long absolute = Math.abs((long) year);
    int width = Math.max(4, decimalDigits(absolute));
    digits(absolute, width, out, at);
    at += width;
    out[at++] = '-';
    digits(month, 2, out, at);
    at += 2;
    out[at++] = '-';
    digits(day, 2, out, at);
    return at + 2;
  }

  private static int time(int hour, int minute, int second, int nano, char[] out, int at) {
    digits(hour, 2, out, at);
    out[at + 2] = ':';
    digits(minute, 2, out, at + 3);
    out[at + 5] = ':';
    digits(second, 2, out, at + 6);
    at += 8;
    return nano == 0 ? at : fraction(nano, out, at);
  }

  /** A point and the nine digits of {@code nano} (1 to 999,999,999) without trailing zeros. */
  private static int fraction(int nano, char[] out, int at) {
    out[at++] = '.';
    digits(nano, 9, out, at);
    int end = at + 9;
    while (out[end - 1] == '0') {
      end--;
    }
    return end;
  }

  /** {@code Z} for UTC, otherwise {@code +HH:MM}, with {@code :ss} when the offset has seconds. */
  private static int offset(ZoneOffset offset, char[] out, int at) {
    int total = offset.getTotalSeconds();
    int needed = total == 0 ? 1 : total % 60 == 0 ? 6 : 9;
    if (at + needed > out.length) {
      return -1;
    }
    if (total == 0) {
      out[at] = 'Z';
      return at + 1;
    }
    int absolute = Math.abs(total);
    out[at] = total < 0 ? '-' : '+';
    digits(absolute / 3600, 2, out, at + 1);
    out[at + 3] = ':';
    digits(absolute / 60 % 60, 2, out, at + 4);
    if (needed == 6) {
      return at + 6;
    }
    out[at + 6] = ':';
    digits(absolute % 60, 2, out, at + 7);
    return at + 9;
  }

  /** {@code value} in decimal with a minus sign when negative, as {@code StringBuilder.append(long)}. */
  private static int signed(long value, char[] out, int at) {
    if (value < 0) {
      out[at++] = '-';
    }
    long absolute = Math.abs(value); // never Long.MIN_VALUE: hours, minutes and seconds of a Duration
    int width = decimalDigits(absolute);
    digits(absolute, width, out, at);
    return at + width;
  }

  /** The last {@code count} decimal digits of a non-negative {@code value}, zero-padded. */
  private static void digits(long value, int count, char[] out, int at) {
    for (int i = count - 1; i >= 0; i--) {
      out[at + i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
