package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Finding and repairing lone surrogates, and cutting text without splitting a pair. */
final class StringsTest {

  @Test
  void everyLoneHalfFromTheStartIndexOnIsReplacedAndPairsAreKept() {
    assertEquals(
        "a\uFFFDb\uD83D\uDE00\uFFFD\uFFFD",
        Strings.replaceLoneSurrogates("a\uD800b\uD83D\uDE00\uDC00\uD800", 1));
    assertEquals("\uFFFD\uFFFD", Strings.replaceLoneSurrogates("\uDE00\uD83D", 0));
    assertEquals("ab\uFFFD", Strings.replaceLoneSurrogates("ab\uD800", 2));
  }

  @Test
  void wellFormedTextIsReturnedAsItIs() {
    String text = "ok \uD83D\uDE00";
    assertSame(text, Strings.wellFormed(text));
    assertEquals("x\uFFFD", Strings.wellFormed("x\uDBFF"));
  }

  @Test
  void theCutPointStepsBackOnlyToKeepAPairWhole() {
    assertEquals(1, Strings.cutPoint("a\uD83D\uDE00", 2));
    assertEquals(2, Strings.cutPoint("ab\uD83D\uDE00", 2));
    assertEquals(3, Strings.cutPoint("a\uD83D\uDE00b", 3));
    assertEquals(0, Strings.cutPoint("\uD83D\uDE00", 1));
    assertEquals(0, Strings.cutPoint("\uDE00x", 0));
    assertEquals(2, Strings.cutPoint("a\uD800b", 2), "a lone high half before a plain char is cut after");
  }
}
