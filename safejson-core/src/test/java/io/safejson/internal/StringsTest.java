package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.safejson.SafeText;
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
  void theFirstLoneHalfIsFoundAtTheSameIndexInAStringAndInItsChars() {
    String[] texts = {
      "", "plain", "\uD800", "\uDC00", "a\uD83D\uDE00", "\uD83D\uDE00\uD800", "ab\uD800c", "x\uDE00\uD83D",
      "\uD83D\uD83D\uDE00", "\uD83D\uDE00\uDE00", "tail\uD83D"
    };
    int[] expected = {-1, -1, 0, 0, -1, 2, 2, 1, 0, 2, 4};
    for (int i = 0; i < texts.length; i++) {
      String text = texts[i];
      char[] chars = ("\uDC00ab" + text + "\uD800 past the length").toCharArray();
      assertEquals(expected[i], Strings.firstLoneSurrogate(text), text);
      int found = Strings.firstLoneSurrogate(chars, 3, 3 + text.length());
      assertEquals(expected[i] < 0 ? -1 : expected[i] + 3, found, text);
      assertEquals(expected[i] < 0, SafeText.isWellFormed(chars, 3, text.length()), text);
    }
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
