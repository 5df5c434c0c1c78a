package io.safejson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public markers are the texts the serializer writes, and {@code wellFormed} is its string repair. */
final class SafeTextTest {
  @Test
  void theMarkersAreTheDocumentedTexts() {
    // The README's table of markers, written out here as the contract.
    assertEquals("[CYCLE]", SafeText.CYCLE);
    assertEquals("[MAX_DEPTH]", SafeText.MAX_DEPTH);
    assertEquals("[FAILED]", SafeText.FAILED);
    assertEquals("[TRUNCATED]", SafeText.TRUNCATED);
    assertEquals("[REDACTED]", SafeText.REDACTED);
    assertEquals("...[TRUNCATED]", SafeText.TRUNCATED_SUFFIX);
  }

  @Test
  void theSerializerWritesTheMarkers() {
    SafeSerializer serializer = SafeSerializer.builder().maxDepth(1).maxStringLength(16).redact("password").build();
    String json = serializer.toJson(Map.of("password", "x", "deep", List.of(List.of(1)), "long", "abcdefghijklmnopqrstuvwxyz"));
    assertTrue(json.contains('"' + SafeText.REDACTED + '"'), json);
    assertTrue(json.contains('"' + SafeText.MAX_DEPTH + '"'), json);
    assertTrue(json.contains("abcdefghijklmnop" + SafeText.TRUNCATED_SUFFIX), json);
  }

  @Test
  void wellFormedReplacesOnlyLoneSurrogates() {
    String clean = "ok \uD83D\uDE00";
    assertSame(clean, SafeText.wellFormed(clean));
    assertEquals("a\uFFFDb\uFFFD\uD83D\uDE00\uFFFD", SafeText.wellFormed("a\uD800b\uDC00\uD83D\uDE00\uDBFF"));
  }
}
