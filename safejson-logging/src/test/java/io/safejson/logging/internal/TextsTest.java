package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Visible cuts that never split a surrogate pair, and lone surrogates replaced by U+FFFD. */
final class TextsTest {
  private static final String EMOJI = "\uD83D\uDE00";

  @Test
  void textUpToTheCapIsKeptAndLongerTextIsCutVisibly() {
    assertEquals("abc", Texts.cap("abc", 3));
    assertEquals("abc...[TRUNCATED]", Texts.cap("abcd", 3));
    assertEquals("...[TRUNCATED]", Texts.cap("a", 0));
    assertFalse(Texts.exceeds("abc", 3));
    assertTrue(Texts.exceeds("abcd", 3));
    assertFalse(Texts.exceeds(null, 0));
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    assertEquals("aa...[TRUNCATED]", Texts.cap("aa" + EMOJI + "b", 3), "the pair would straddle the cut");
    assertEquals("aa" + EMOJI + "...[TRUNCATED]", Texts.cap("aa" + EMOJI + "b", 4));
    assertEquals("...[TRUNCATED]", Texts.cap(EMOJI, 1));
  }

  @Test
  void loneSurrogatesAreReplacedAndPairsKept() {
    assertEquals("a\uFFFDb", Texts.wellFormed("a\uD800b"));
    assertEquals("\uFFFD", Texts.wellFormed("\uDC00"));
    assertEquals("a\uFFFD", Texts.wellFormed("a\uD800"), "a high surrogate at the end");
    assertEquals("\uFFFD\uFFFD", Texts.wellFormed("\uDC00\uD800"), "low then high is no pair");
    assertEquals(EMOJI + "\uFFFD" + EMOJI + "\uFFFD", Texts.wellFormed(EMOJI + "\uD800" + EMOJI + "\uDC00"));
    assertEquals("x\uFFFD" + EMOJI, Texts.wellFormed("x\uDFFF" + EMOJI));
    String clean = "plain " + EMOJI;
    assertSame(clean, Texts.wellFormed(clean), "no copy when nothing is replaced");
    assertEquals("a\uFFFD...[TRUNCATED]", Texts.cap("a\uDC00bc", 2), "cut first, then repaired");
  }
}
