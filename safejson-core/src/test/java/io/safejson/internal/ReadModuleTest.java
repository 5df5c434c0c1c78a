package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.safejson.JsonReadException;
import io.safejson.SafeSerializer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Reading back the forms the writer produces, and refusing what would be unsafe to read. */
final class ReadModuleTest {
  private static final SafeSerializer JSON = SafeSerializer.defaults();

  @Test
  void timestampsAndDatesAreReadFromIsoInstantsKeepingNanoseconds() {
    Timestamp timestamp = JSON.fromJson("\"2026-01-02T03:04:05.123456789Z\"", Timestamp.class);
    assertEquals(Instant.parse("2026-01-02T03:04:05.123456789Z"), timestamp.toInstant());
    Date date = JSON.fromJson("\"2026-01-02T03:04:05.123Z\"", Date.class);
    assertEquals(Instant.parse("2026-01-02T03:04:05.123Z").toEpochMilli(), date.getTime());
  }

  @Test
  void pathsLocalesAndClassesAreReadFromTheirText() {
    assertEquals(Path.of("/tmp/a b"), JSON.fromJson("\"/tmp/a b\"", Path.class));
    assertEquals(Locale.forLanguageTag("en-GB"), JSON.fromJson("\"en-GB\"", Locale.class));
    assertEquals(String.class, JSON.fromJson("\"java.lang.String\"", Class.class));
  }

  @Test
  void addressesAreReadOnlyFromLiterals() throws Exception {
    assertEquals(InetAddress.getByName("10.0.0.1"), JSON.fromJson("\"10.0.0.1\"", InetAddress.class));
    assertEquals(InetAddress.getByName("::1"), JSON.fromJson("\"::1\"", InetAddress.class));
    JsonReadException name =
        assertThrows(JsonReadException.class, () -> JSON.fromJson("\"localhost\"", InetAddress.class));
    assertTrue(name.getMessage().contains("not an IP address literal (no DNS lookups)"), name.getMessage());
  }

  @Test
  void textThatDoesNotParseOrIsNotAStringIsRejectedAtItsPath() {
    JsonReadException bad =
        assertThrows(JsonReadException.class, () -> JSON.fromJson("\"yesterday\"", Timestamp.class));
    assertEquals("$", bad.path());
    assertTrue(bad.getMessage().contains("DateTimeParseException"), bad.getMessage());
    JsonReadException number = assertThrows(JsonReadException.class, () -> JSON.fromJson("5", Path.class));
    assertTrue(number.getMessage().startsWith("Cannot read JSON at $: "), number.getMessage());
    assertThrows(JsonReadException.class, () -> JSON.fromJson("\"no.such.Type\"", Class.class));
  }
}
