package io.safejson.kafka.internal;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.safejson.Incident;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class IncidentsHeaderTest {
  private static String encode(List<Incident> incidents) {
    return new String(IncidentsHeader.encode(incidents), StandardCharsets.US_ASCII);
  }

  @Test
  void noIncidentsMeansNoHeader() {
    assertNull(IncidentsHeader.encode(List.of()));
  }

  @Test
  void eachIncidentIsPathKindAndTypeWithoutTheDetail() {
    assertEquals(
        "[{\"path\":\"$.a\",\"kind\":\"CYCLE\",\"type\":\"java.util.HashMap\"}]",
        encode(List.of(new Incident("$.a", Incident.Kind.CYCLE, "java.util.HashMap", "secret detail"))));
  }

  @Test
  void nonAsciiQuotesAndLoneSurrogatesAreEscapedSoTheHeaderIsAsciiJson() {
    String header = encode(List.of(new Incident("$['caf\u00e9 \"\uD800\n']", Incident.Kind.INVALID_STRING, "T", "d")));
    assertValidJson(header);
    assertEquals("[{\"path\":\"$['caf\\u00E9 \\\"\\uFFFD\\n']\",\"kind\":\"INVALID_STRING\",\"type\":\"T\"}]", header);
    for (char c : header.toCharArray()) {
      assertTrue(c >= 0x20 && c < 0x7f, "printable ASCII: " + (int) c);
    }
  }

  @Test
  void longPathsAreCutAndManyIncidentsAreCountedWithin4KiB() {
    List<Incident> incidents = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      incidents.add(new Incident("$" + "[0]".repeat(200) + i, Incident.Kind.MAX_DEPTH, "java.util.List", "d"));
    }
    String header = encode(incidents);
    assertValidJson(header);
    assertTrue(header.length() <= 4096, "length " + header.length());
    assertTrue(header.contains("...[TRUNCATED]"), header);
    assertTrue(header.matches(".*,\\{\"omitted\":\\d+}]$"), header.substring(header.length() - 40));
  }

  @Test
  void aSingleIncidentAlwaysFits() {
    String header = encode(List.of(new Incident("$".repeat(100_000), Incident.Kind.TRUNCATED, "x".repeat(100_000), "d")));
    assertValidJson(header);
    assertTrue(header.length() < 600, "length " + header.length());
  }
}
