package io.safejson.nats.internal;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats.client.impl.Headers;
import io.safejson.Incident;
import io.safejson.Incident.Kind;
import io.safejson.JsonReadException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class IncidentsHeaderTest {

  private static Incident incident(String path, Kind kind, String type) {
    return new Incident(path, kind, type, "detail is not sent");
  }

  @Test
  void noIncidentsMeansNoHeader() {
    assertNull(IncidentsHeader.encode(List.of()));
  }

  @Test
  void incidentsAreListedWithPathKindAndTypeOnly() {
    String header =
        IncidentsHeader.encode(
            List.of(
                incident("$.probe.status", Kind.FAILED, "java.lang.IllegalStateException"),
                incident("$.values[2]", Kind.NON_FINITE, "java.lang.Double")));
    assertEquals(
        "[{\"path\":\"$.probe.status\",\"kind\":\"FAILED\",\"type\":\"java.lang.IllegalStateException\"},"
            + "{\"path\":\"$.values[2]\",\"kind\":\"NON_FINITE\",\"type\":\"java.lang.Double\"}]",
        header);
  }

  @Test
  void nonAsciiQuotesAndLineBreaksAreEscapedSoJnatsAcceptsTheValue() {
    String path = "$['cl\u00e9 \"x\"\r\n\ud83d\ude00']";
    String header = IncidentsHeader.encode(List.of(incident(path, Kind.DUPLICATE_KEY, "java.lang.String")));
    for (char c : header.toCharArray()) {
      assertTrue(c >= 0x20 && c < 0x7f, "not printable ASCII: " + (int) c + " in " + header);
    }
    assertValidJson(header);
    new Headers().put(IncidentsHeader.NAME, header); // jnats rejects non-ASCII, CR and LF with its own exception
    assertEquals(path, IncidentsHeader.decode(header).get(0).path());
  }

  @Test
  void aThousandIncidentsAreCutAtFourKibibytesWithTheCountLeftOut() {
    List<Incident> incidents = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      incidents.add(incident("$.items[" + i + "]", Kind.TRUNCATED, "java.lang.String"));
    }
    String header = IncidentsHeader.encode(incidents);
    assertTrue(header.length() <= 4096, "length " + header.length());
    assertTrue(header.length() > 4096 - 100, "uses the room it has: " + header.length());
    assertValidJson(header);
    Matcher marker = Pattern.compile(",\\{\"omitted\":(\\d+)}]$").matcher(header);
    assertTrue(marker.find(), header.substring(header.length() - 60));
    List<Incident> listed = IncidentsHeader.decode(header);
    assertEquals(1000, listed.size() + Integer.parseInt(marker.group(1)), "listed plus omitted");
    for (int i = 0; i < listed.size(); i++) {
      assertEquals("$.items[" + i + "]", listed.get(i).path(), "kept in order");
    }
  }

  @Test
  void hugePathsAndTypesAreCutSoOneIncidentAlwaysFits() {
    String path = "$." + "\u00e9".repeat(100_000);
    String type = "x".repeat(100_000);
    String header =
        IncidentsHeader.encode(
            List.of(incident(path, Kind.TRUNCATED, type), incident("$.next", Kind.CYCLE, "java.util.HashMap")));
    assertTrue(header.length() <= 4096, "length " + header.length());
    List<Incident> listed = IncidentsHeader.decode(header);
    assertEquals(2, listed.size(), header);
    assertEquals(256, listed.get(0).path().length());
    assertTrue(listed.get(0).path().endsWith("...[TRUNCATED]"), listed.get(0).path());
    assertEquals("x".repeat(256 - 14) + "...[TRUNCATED]", listed.get(0).type());
  }

  @Test
  void aCutNeverSplitsASurrogatePairAndLoneSurrogatesBecomeReplacementChars() {
    String pairs = "\ud83d\ude00".repeat(200); // the cut point falls inside a pair
    String cut = IncidentsHeader.cut("$" + pairs);
    assertEquals(255, cut.length(), "one char shorter rather than half a pair");
    assertTrue(cut.endsWith("\ud83d\ude00...[TRUNCATED]"), cut);
    assertEquals("a\ufffdb\ufffd\ud83d\ude00", IncidentsHeader.cut("a\ud800b\udc00\ud83d\ude00"));
  }

  @Test
  void readingSkipsTheMarkerAndKindsItDoesNotKnow() {
    String header =
        "[{\"path\":\"$.a\",\"kind\":\"CYCLE\",\"type\":\"java.util.HashMap\"},"
            + "{\"path\":\"$.b\",\"kind\":\"FROM_THE_FUTURE\",\"type\":\"x\"},{\"omitted\":7}]";
    List<Incident> listed = IncidentsHeader.decode(header);
    assertEquals(1, listed.size(), listed.toString());
    assertEquals(new Incident("$.a", Kind.CYCLE, "java.util.HashMap", listed.get(0).detail()), listed.get(0));
  }

  @Test
  void aHeaderThatIsNotAJsonArrayGivesJsonReadException() {
    assertThrows(JsonReadException.class, () -> IncidentsHeader.decode("[{\"path\":"));
    assertThrows(JsonReadException.class, () -> IncidentsHeader.decode("{\"path\":\"$\"}"));
  }
}
