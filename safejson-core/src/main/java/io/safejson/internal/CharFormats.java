package io.safejson.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * Formats UUIDs and instants straight into a caller's char buffer, exactly as {@link UUID#toString()} and
 * {@link Instant#toString()} do, without the intermediate strings (and, for instants, the
 * {@code DateTimeFormatter} machinery) those methods build. Thread-safe: stateless.
 */
final class CharFormats {
  /** Chars a buffer needs for either format. */
  static final int MAX_CHARS = 40;

  /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years ISO_INSTANT prints as four plain digits. */
  private static final long MIN_SECOND = -62_167_219_200L;

  private static final long MAX_SECOND = 253_402_300_799L;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** "00" to "99", so that digits are written two per division. */
  private static final char[] PAIRS = new char[200];

  static {
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (char) ('0' + i / 10);
      PAIRS[2 * i + 1] = (char) ('0' + i % 10);
    }
  }

  private CharFormats() {}

  /** Writes {@code uuid} as {@code 8-4-4-4-12} lower-case hex digits; returns the length, 36. */
  static int uuid(UUID uuid, char[] out) {
    long msb = uuid.getMostSignificantBits();
    long lsb = uuid.getLeastSignificantBits();
    hex(msb >>> 32, 8, out, 0);
    out[8] = '-';
    hex(msb >>> 16, 4, out, 9);
    out[13] = '-';
    hex(msb, 4, out, 14);
    out[18] = '-';
    hex(lsb >>> 48, 4, out, 19);
    out[23] = '-';
    hex(lsb, 12, out, 24);
    return 36;
  }

  private static void hex(long bits, int digits, char[] out, int at) {
    for (int i = digits - 1; i >= 0; i--) {
      out[at + i] = HEX[(int) (bits & 0xF)];
      bits >>>= 4;
    }
  }

  /**
   * Writes {@code instant} in ISO-8601 UTC with 0, 3, 6 or 9 fraction digits, as {@link Instant#toString()};
   * returns the length, or -1 for a year outside 0000-9999 (left to {@code toString()}).
   */
  static int instant(Instant instant, char[] out) {
    long second = instant.getEpochSecond();
    if (second < MIN_SECOND || second > MAX_SECOND) {
      return -1;
    }
    long days = Math.floorDiv(second, 86_400L);
    int secondOfDay = (int) Math.floorMod(second, 86_400L);
    // Civil date from days since 1970-01-01 (proleptic Gregorian), by 400-year eras starting on March 1.
    long shifted = days + 719_468L;
    long era = Math.floorDiv(shifted, 146_097L);
    long dayOfEra = shifted - era * 146_097L;
    long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long monthIndex = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    digits(year, 4, out, 0);
    out[4] = '-';
    digits(month, 2, out, 5);
    out[7] = '-';
    digits(day, 2, out, 8);
    out[10] = 'T';
    digits(secondOfDay / 3600, 2, out, 11);
    out[13] = ':';
    digits(secondOfDay / 60 % 60, 2, out, 14);
    out[16] = ':';
    digits(secondOfDay % 60, 2, out, 17);
    int at = 19;
    int nano = instant.getNano();
    if (nano != 0) {
      out[at++] = '.';
      if (nano % 1_000_000 == 0) {
        digits(nano / 1_000_000, 3, out, at);
        at += 3;
      } else if (nano % 1_000 == 0) {
        digits(nano / 1_000, 6, out, at);
        at += 6;
      } else {
        digits(nano, 9, out, at);
        at += 9;
      }
    }
    out[at++] = 'Z';
    return at;
  }

  /** The last {@code count} decimal digits of a non-negative {@code value}, zero-padded, at {@code at}. */
  private static void digits(int value, int count, char[] out, int at) {
    int end = at + count;
    for (; count >= 2; count -= 2) {
      int rest = value / 100;
      int pair = (value - rest * 100) << 1;
      end -= 2;
      out[end] = PAIRS[pair];
      out[end + 1] = PAIRS[pair + 1];
      value = rest;
    }
    if (count == 1) {
      out[end - 1] = (char) ('0' + value % 10);
    }
  }

  /** The last {@code count} decimal digits of a non-negative {@code value}, zero-padded; returns the end. */
  static int digits(long value, int count, char[] out, int at) {
    int end = at + count;
    int i = end;
    for (; i - at >= 2; i -= 2) {
      long rest = value / 100;
      int pair = (int) (value - rest * 100) << 1;
      out[i - 2] = PAIRS[pair];
      out[i - 1] = PAIRS[pair + 1];
      value = rest;
    }
    if (i > at) {
      out[at] = (char) ('0' + value % 10);
    }
    return end;
  }
}
