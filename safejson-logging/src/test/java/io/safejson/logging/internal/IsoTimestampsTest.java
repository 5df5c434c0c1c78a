package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ISO-8601 UTC timestamps with millis ({@code ts}, {@code @timestamp}, {@code time}) and GELF's seconds with
 * three decimals; expected values from {@code date -u -d @SECONDS}.
 */
final class IsoTimestampsTest {
  @ParameterizedTest
  @CsvSource({
    "1763942730123, 2025-11-24T00:05:30.123Z",
    "1763942730000, 2025-11-24T00:05:30.000Z",
    "1763942730999, 2025-11-24T00:05:30.999Z",
    "1763942730050, 2025-11-24T00:05:30.050Z",
    "1763942730007, 2025-11-24T00:05:30.007Z",
    "0, 1970-01-01T00:00:00.000Z",
    "-1, 1969-12-31T23:59:59.999Z",
    "253402300799999, 9999-12-31T23:59:59.999Z",
  })
  void epochMillisAreFormattedAsIsoUtcWithMillis(long millis, String expected) {
    char[] into = new char[48];
    int length = new IsoTimestamps().format(millis, into);
    assertEquals(expected, new String(into, 0, length));
  }

  @Test
  void theCachedSecondIsReplacedWhenTheSecondChanges() {
    IsoTimestamps timestamps = new IsoTimestamps();
    char[] into = new char[48];
    long base = TestEvents.MILLIS; // 2025-11-24T00:05:30.123Z
    assertEquals("2025-11-24T00:05:30.123Z", format(timestamps, base, into));
    assertEquals("2025-11-24T00:05:30.124Z", format(timestamps, base + 1, into));
    assertEquals("2025-11-24T00:05:31.123Z", format(timestamps, base + 1_000, into));
    assertEquals("2025-11-24T00:05:30.500Z", format(timestamps, base + 377, into));
    assertEquals("2025-11-25T00:05:30.123Z", format(timestamps, base + 86_400_000, into));
  }

  @ParameterizedTest
  @CsvSource({
    "1763942730123, 1763942730.123",
    "1763942730000, 1763942730.000",
    "1763942730999, 1763942730.999",
    "1763942730050, 1763942730.050",
    "1763942730007, 1763942730.007",
    "0, 0.000",
    "1, 0.001",
  })
  void gelfSecondsHaveThreeDecimals(long millis, String expected) {
    char[] into = new char[48];
    int length = IsoTimestamps.formatSeconds(millis, into);
    assertEquals(expected, new String(into, 0, length));
  }

  @Test
  void gelfSecondsBeforeTheEpochAreTheExactNegativeValue() {
    char[] into = new char[48];
    int length = IsoTimestamps.formatSeconds(-1, into);
    assertEquals(-0.001, Double.parseDouble(new String(into, 0, length)));
  }

  private static String format(IsoTimestamps timestamps, long millis, char[] into) {
    return new String(into, 0, timestamps.format(millis, into));
  }
}
