package io.safejson;

import static io.safejson.StrictJson.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.safejson.Incident.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class IncidentsHeaderTest {

  private static Incident incident(String path, Kind kind, String type) {
    return new Incident(path, kind, type, "detail is not sent");
  }

  private static void assertPrintableAscii(String header) {
    for (char c : header.toCharArray()) {
      assertTrue(c >= 0x20 && c < 0x7f, "not printable ASCII: " + (int) c + " in " + header);
    }
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
  void nonAsciiQuotesLineBreaksAndLoneSurrogatesAreEscapedSoTheHeaderIsAsciiJson() {
    String header =
        IncidentsHeader.encode(List.of(incident("$['caf\u00e9 \"\uD800\n']", Kind.INVALID_STRING, "T")));
    assertValidJson(header);
    assertPrintableAscii(header);
    assertEquals("[{\"path\":\"$['caf\\u00E9 \\\"\\uFFFD\\n']\",\"kind\":\"INVALID_STRING\",\"type\":\"T\"}]", header);
  }

  @Test
  void escapedCharsReadBackAsThemselves() {
    String path = "$['cl\u00e9 \"x\"\r\n\ud83d\ude00']";
    String header = IncidentsHeader.encode(List.of(incident(path, Kind.DUPLICATE_KEY, "java.lang.String")));
    assertPrintableAscii(header);
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
  void longPathsAreCutAndManyIncidentsAreCountedWithin4KiB() {
    List<Incident> incidents = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      incidents.add(incident("$" + "[0]".repeat(200) + i, Kind.MAX_DEPTH, "java.util.List"));
    }
    String header = IncidentsHeader.encode(incidents);
    assertValidJson(header);
    assertTrue(header.length() <= IncidentsHeader.MAX_LENGTH, "length " + header.length());
    assertTrue(header.contains("...[TRUNCATED]"), header);
    assertTrue(header.matches(".*,\\{\"omitted\":\\d+}]$"), header.substring(header.length() - 40));
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
    String one = IncidentsHeader.encode(List.of(incident("$".repeat(100_000), Kind.TRUNCATED, type)));
    assertTrue(one.length() < 600, "length " + one.length());
  }

  @Test
  void readingSkipsTheMarkerAndKindsItDoesNotKnow() {
    String header =
        "[{\"path\":\"$.a\",\"kind\":\"CYCLE\",\"type\":\"java.util.HashMap\"},"
            + "{\"path\":\"$.b\",\"kind\":\"FROM_THE_FUTURE\",\"type\":\"x\"},{\"omitted\":7}]";
    List<Incident> listed = IncidentsHeader.decode(header);
    assertEquals(
        List.of(new Incident("$.a", Kind.CYCLE, "java.util.HashMap", "read from the safejson-incidents header")),
        listed);
  }

  @Test
  void aHeaderCutShortGivesTheEntriesBeforeTheCut() {
    String header =
        "[{\"path\":\"$.a\",\"kind\":\"CYCLE\",\"type\":\"x\"},{\"path\":\"$.b\",\"kind\":\"FAILED\",\"type\":\"y\"},{\"pa";
    assertEquals(List.of("$.a", "$.b"), IncidentsHeader.decode(header).stream().map(Incident::path).toList());
    assertEquals(List.of(), IncidentsHeader.decode("[{\"path\":"));
  }

  @Test
  void anythingButAnArrayOfEntriesGivesNoIncidentsAndNeverThrows() {
    for (String bad :
        new String[] {
          null, "", "   ", "{\"path\":\"$\",\"kind\":\"CYCLE\",\"type\":\"x\"}", "\"[]\"", "42", "[stale]", "[",
          "[1,\"x\",null,[{\"path\":\"$\",\"kind\":\"CYCLE\",\"type\":\"x\"}]]", "[".repeat(5_000), "\u0000\uD800"
        }) {
      assertEquals(List.of(), IncidentsHeader.decode(bad), String.valueOf(bad));
    }
  }

  @Test
  void entriesWithFieldsOfTheWrongTypeAreSkippedAndTheRestAreRead() {
    String header =
        "[{\"path\":1,\"kind\":\"CYCLE\",\"type\":\"x\"},"
            + "{\"path\":\"$.a\",\"kind\":[\"CYCLE\"],\"type\":\"x\"},"
            + "{\"path\":\"$.b\",\"kind\":\"CYCLE\"},"
            + "{\"extra\":{\"deep\":[1,2,{}]},\"path\":\"$.c\",\"kind\":\"NON_FINITE\",\"type\":\"java.lang.Double\"}]";
    List<Incident> listed = IncidentsHeader.decode(header);
    assertEquals(1, listed.size(), listed.toString());
    assertEquals("$.c", listed.get(0).path());
    assertEquals(Kind.NON_FINITE, listed.get(0).kind());
  }
}
