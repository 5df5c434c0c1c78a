package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class IncidentsHeaderCodecTest {

  @Test
  void aCutNeverSplitsASurrogatePairAndLoneSurrogatesBecomeReplacementChars() {
    String pairs = "\ud83d\ude00".repeat(200); // the cut point falls inside a pair
    String cut = IncidentsHeaderCodec.cut("$" + pairs);
    assertEquals(255, cut.length(), "one char shorter rather than half a pair");
    assertTrue(cut.endsWith("\ud83d\ude00...[TRUNCATED]"), cut);
    assertEquals("a\ufffdb\ufffd\ud83d\ude00", IncidentsHeaderCodec.cut("a\ud800b\udc00\ud83d\ude00"));
  }

  @Test
  void aFieldOfExactlyTheLimitIsKeptAsItIs() {
    String field = "p".repeat(256);
    assertSame(field, IncidentsHeaderCodec.cut(field));
    assertEquals("p".repeat(242) + "...[TRUNCATED]", IncidentsHeaderCodec.cut(field + "q"));
  }
}
