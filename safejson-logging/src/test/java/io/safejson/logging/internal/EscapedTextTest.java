package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A JSON string assembled from escaped pieces within a char budget: cut visibly once the budget is spent,
 * never inside a surrogate pair, with nothing appended after the cut. Each result is read back by Jackson.
 */
final class EscapedTextTest {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final String CUT = "...[TRUNCATED]";
  private static final String EMOJI = "\uD83D\uDE00";

  private final EscapedText text = new EscapedText(FACTORY);

  @Test
  void textWithinTheBudgetIsEscapedWhole() throws IOException {
    text.reset(100);
    text.append("a\"b\n");
    text.append(TextCaches.escaped("\tc\\"));
    text.append(42);
    assertFalse(text.full());
    assertEquals("a\"b\n\tc\\42", written());
  }

  @Test
  void exactlyTheBudgetFitsAndOneCharMoreIsCut() throws IOException {
    text.reset(3);
    text.append("abc");
    assertFalse(text.full());
    assertEquals("abc", written());
    text.append("d");
    assertTrue(text.full());
    text.append("ignored");
    text.append(TextCaches.escaped("ignored"));
    text.append(7);
    assertEquals("abc" + CUT, written());
  }

  @Test
  void aCutKeepsWhatFitsOfEachKindOfPiece() throws IOException {
    text.reset(5);
    text.append("ab");
    text.append("cdefg");
    assertEquals("abcde" + CUT, written());

    text.reset(5);
    text.append("ab");
    text.append(TextCaches.escaped("cdefg"));
    assertEquals("abcde" + CUT, written());

    text.reset(5);
    text.append("ab");
    text.append(12345);
    assertEquals("ab123" + CUT, written());
  }

  @Test
  void numbersAreWrittenDigitByDigit() throws IOException {
    text.reset(100);
    text.append(0);
    text.append(" ");
    text.append(9);
    text.append(" ");
    text.append(10);
    text.append(" ");
    text.append(Integer.MAX_VALUE);
    assertEquals("0 9 10 2147483647", written());
  }

  @Test
  void aNumberOfExactlyTheRemainingCharsFits() throws IOException {
    text.reset(5);
    text.append(12345);
    assertFalse(text.full());
    assertEquals("12345", written());
  }

  @Test
  void aCutNeverSplitsASurrogatePairAndLoneOnesAreReplaced() throws IOException {
    text.reset(2);
    text.append("a" + EMOJI);
    assertEquals("a" + CUT, written());

    text.reset(3);
    text.append("a" + EMOJI + "b");
    assertEquals("a" + EMOJI + CUT, written());

    text.reset(100);
    text.append("x\uD800y");
    assertEquals("x\uFFFDy", written());

    text.reset(2);
    text.append("\uDC00\uDC00\uDC00");
    assertEquals("\uFFFD\uFFFD" + CUT, written());
  }

  @Test
  void aFurtherBudgetCountsFromWhatIsAlreadyThere() throws IOException {
    text.reset(Integer.MAX_VALUE);
    text.append("prefix ");
    text.budget(3);
    text.append("abcdef");
    assertEquals("prefix abc" + CUT, written());

    text.reset(Integer.MAX_VALUE);
    text.append("p");
    text.budget(-5);
    text.append("q");
    assertEquals("p" + CUT, written(), "a negative budget allows nothing more");

    text.reset(Integer.MAX_VALUE);
    text.append("p");
    text.budget(Integer.MAX_VALUE);
    text.append("q");
    assertEquals("pq", written(), "no overflow past Integer.MAX_VALUE");
  }

  @Test
  void anEmptyPieceNeverCutsEvenWithNoBudgetLeft() throws IOException {
    text.reset(0);
    text.append("");
    assertFalse(text.full());
    assertEquals("", written());
  }

  @Test
  void longTextGrowsTheBufferAndShrinkingKeepsItUsable() throws IOException {
    String long1 = "l".repeat(10_000) + "\u00e9".repeat(3_000);
    text.reset(Integer.MAX_VALUE);
    text.append(long1);
    assertEquals(long1, written());
    text.shrinkTo(1024);
    text.reset(Integer.MAX_VALUE);
    text.append("short");
    assertEquals("short", written());
    text.reset(Integer.MAX_VALUE);
    text.append(long1);
    assertEquals(long1, written());
  }

  private String written() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
      text.writeTo(generator);
    }
    return new ObjectMapper().readValue(bytes.toString(StandardCharsets.UTF_8), String.class);
  }
}
