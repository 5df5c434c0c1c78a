package io.safejson.logging.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats epoch millis as ISO-8601 UTC ({@code 2026-11-24T00:05:30.123Z}) into a caller's char buffer,
 * formatting the date-time part once per second: logging many events per second then costs a few char copies.
 * Thread-safe: the cache is one immutable holder behind a volatile field (a race only formats twice).
 */
final class IsoTimestamps {
  private static final DateTimeFormatter SECOND_PREFIX =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.", Locale.ROOT);

  private record Second(long epochSecond, char[] prefix) {}

  private volatile Second cached = new Second(Long.MIN_VALUE, new char[0]);

  /** Writes the timestamp into {@code into} (at least 40 chars) and returns its length. */
  int format(long epochMillis, char[] into) {
    long second = Math.floorDiv(epochMillis, 1000L);
    int millis = (int) Math.floorMod(epochMillis, 1000L);
    Second current = cached;
    if (current.epochSecond != second) {
      String text = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).format(SECOND_PREFIX);
      current = new Second(second, text.toCharArray());
      cached = current;
    }
    char[] prefix = current.prefix;
    System.arraycopy(prefix, 0, into, 0, prefix.length);
    int at = writeMillis(millis, into, prefix.length);
    into[at] = 'Z';
    return at + 1;
  }

  /** Writes epoch seconds with a three-digit fraction ({@code 1763942730.123}), GELF's timestamp. */
  static int formatSeconds(long epochMillis, char[] into) {
    // Sign and magnitude, not floor: 1 ms before the epoch is -0.001, not -1.999.
    boolean negative = epochMillis < 0 && epochMillis != Long.MIN_VALUE;
    long magnitude = negative ? -epochMillis : epochMillis;
    int at = 0;
    if (negative) {
      into[at++] = '-';
    }
    String whole = Long.toString(Math.floorDiv(magnitude, 1000L));
    whole.getChars(0, whole.length(), into, at);
    at += whole.length();
    into[at] = '.';
    return writeMillis((int) Math.floorMod(magnitude, 1000L), into, at + 1);
  }

  private static int writeMillis(int millis, char[] into, int at) {
    into[at] = (char) ('0' + millis / 100);
    into[at + 1] = (char) ('0' + millis / 10 % 10);
    into[at + 2] = (char) ('0' + millis % 10);
    return at + 3;
  }
}
