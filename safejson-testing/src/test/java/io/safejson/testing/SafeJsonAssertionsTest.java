package io.safejson.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.safejson.SafeSerializer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SafeJsonAssertionsTest {

  // ---- assertValidJson ----

  @Test
  void validJsonPasses() {
    assertDoesNotThrow(() -> SafeJsonAssertions.assertValidJson("{\"a\":[1,2,{\"b\":null}]}"));
    assertDoesNotThrow(() -> SafeJsonAssertions.assertValidJson("\"\\uD83D\\uDE00\""));
  }

  @Test
  void invalidJsonFailsWithTheProblemAndASnippetOfTheInput() {
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () -> SafeJsonAssertions.assertValidJson("{\"items\":[{\"id\":1,\"id\":2}]}"));
    String message = error.getMessage();
    assertTrue(message.contains("$.items[0].id"), message);
    assertTrue(message.contains("Duplicate"), message);
    assertTrue(message.contains("{\"items\":[{\"id\":1,\"id\""), message);
  }

  @Test
  void snippetShowsTheNeighbourhoodOfTheProblemInALongInput() {
    String json = "[" + "1,".repeat(1_000) + "NaN" + ",1".repeat(1_000) + "]";
    AssertionError error =
        assertThrows(AssertionError.class, () -> SafeJsonAssertions.assertValidJson(json));
    String message = error.getMessage();
    assertTrue(message.contains("$[1000]"), message);
    assertTrue(message.contains("NaN"), message);
    assertTrue(message.length() < 500, "message length " + message.length());
  }

  @Test
  void nullEmptyAndTrailingDataFail() {
    assertThrows(AssertionError.class, () -> SafeJsonAssertions.assertValidJson(null));
    assertThrows(AssertionError.class, () -> SafeJsonAssertions.assertValidJson(""));
    AssertionError error =
        assertThrows(AssertionError.class, () -> SafeJsonAssertions.assertValidJson("{} {}"));
    assertTrue(error.getMessage().contains("after the root value"), error.getMessage());
  }

  @Test
  void controlCharactersInTheSnippetAreEscaped() {
    AssertionError error =
        assertThrows(
            AssertionError.class, () -> SafeJsonAssertions.assertValidJson("[\"a\u0001\"]"));
    String message = error.getMessage();
    assertTrue(message.contains("\\u0001"), message);
  }

  @Test
  void snippetNeverSplitsASurrogatePair() {
    // The failing ']' sits 41 chars after the string starts, so a 40-char window begins mid-pair.
    String json = "[\"" + "\uD83D\uDE00".repeat(30) + "\", ]";
    AssertionError error =
        assertThrows(AssertionError.class, () -> SafeJsonAssertions.assertValidJson(json));
    String message = error.getMessage();
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertTrue(Character.isLowSurrogate(message.charAt(++i)), message);
      } else {
        assertFalse(Character.isLowSurrogate(c), message);
      }
    }
    assertTrue(message.contains("\uD83D\uDE00"), message);
  }

  // ---- assertJsonEquals ----

  @Test
  void semanticallyEqualJsonPasses() {
    assertDoesNotThrow(
        () ->
            SafeJsonAssertions.assertJsonEquals(
                "{\"a\":1,\"b\":[1.0]}", "{\"b\":[1e0],\"a\":1.00}"));
  }

  @Test
  void differencesAreListedWithTheirPaths() {
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () ->
                SafeJsonAssertions.assertJsonEquals(
                    "{\"a\":1,\"b\":[1,2],\"c\":true}", "{\"a\":1,\"b\":[1,3],\"d\":true}"));
    String message = error.getMessage();
    assertTrue(message.startsWith("JSON differs at 3 paths:\n"), message);
    assertTrue(message.contains("\n  $.b[1]: expected 2 but was 3"), message);
    assertTrue(message.contains("\n  $.c: missing key"), message);
    assertTrue(message.contains("\n  $.d: unexpected key"), message);
  }

  @Test
  void singleDifferenceSaysOnePath() {
    AssertionError error =
        assertThrows(AssertionError.class, () -> SafeJsonAssertions.assertJsonEquals("[1]", "[2]"));
    assertTrue(
        error.getMessage().startsWith("JSON differs at 1 path:\n  $[0]: "), error.getMessage());
  }

  @Test
  void cappedDifferencesStillCountEveryPath() {
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () ->
                SafeJsonAssertions.assertJsonEquals(
                    "[" + "1,".repeat(59) + "1]", "[" + "2,".repeat(59) + "2]"));
    String message = error.getMessage();
    assertTrue(message.startsWith("JSON differs at 60 paths:\n"), message);
    assertTrue(message.endsWith("\n  ... and 10 more"), message);
  }

  @Test
  void invalidSideIsReportedNotCompared() {
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () -> SafeJsonAssertions.assertJsonEquals("{\"a\":1}", "{\"a\":NaN}"));
    assertTrue(error.getMessage().contains("actual is not valid JSON: $.a: "), error.getMessage());
  }

  // ---- assertJsonSafe ----

  @Test
  void cycleFailsNamingItsPathAndKind() {
    Map<String, Object> m = new HashMap<>();
    m.put("self", m);
    AssertionError error =
        assertThrows(AssertionError.class, () -> SafeJsonAssertions.assertJsonSafe(m));
    String message = error.getMessage();
    assertTrue(message.contains("$.self CYCLE"), message);
    assertTrue(message.contains("1 incident"), message);
  }

  @Test
  void cycleFailsWithAnExplicitSerializerToo() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("self", m);
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () -> SafeJsonAssertions.assertJsonSafe(m, SafeSerializer.defaults()));
    assertTrue(error.getMessage().contains("$.self CYCLE"), error.getMessage());
  }

  @Test
  void plainValuesPass() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("name", "Ada");
    value.put("tags", List.of("a", "b"));
    assertDoesNotThrow(() -> SafeJsonAssertions.assertJsonSafe(value));
    assertDoesNotThrow(() -> SafeJsonAssertions.assertJsonSafe("text"));
    assertDoesNotThrow(() -> SafeJsonAssertions.assertJsonSafe(null));
  }

  @Test
  void nullSerializerIsAProgrammingErrorNotAnAssertionFailure() {
    assertThrows(NullPointerException.class, () -> SafeJsonAssertions.assertJsonSafe("x", null));
  }

  // ---- exact messages ----

  private static String invalid(String json) {
    return assertThrows(AssertionError.class, () -> SafeJsonAssertions.assertValidJson(json))
        .getMessage();
  }

  @Test
  void theSnippetMarksTheProblemAndEscapesWhitespaceAndInvisibleCharacters() {
    assertEquals(
        "Invalid JSON: $: unexpected number after the root value at line 3, column 1\n"
            + "  input: 1\\n\\t\\r >>> 2",
        invalid("1\n\t\r2"));
    assertEquals(
        "Invalid JSON: $: unexpected number after the root value at line 1, column 7\n"
            + "  input: \"\\u007F\\uFEFF\"   >>> 2",
        invalid("\"\u007f\uFEFF\"  2"));
    assertEquals(
        "Invalid JSON: $[0]: lone surrogate U+D800 in string at line 1, column 2\n"
            + "  input: [ >>> \"a\\uD800\"]",
        invalid("[\"a\uD800\"]"));
  }

  @Test
  void theSnippetShowsFortyCharsEachSideAndMarksWhatItLeftOut() {
    String before = "1" + " ".repeat(100) + "2";
    assertTrue(
        invalid(before).endsWith("\n  input: ..." + " ".repeat(40) + " >>> 2"), invalid(before));
    String after = "[1]     [" + "1,".repeat(50) + "1]";
    assertTrue(
        invalid(after).endsWith("\n  input: [1]      >>> " + after.substring(8, 48) + "..."),
        invalid(after));
  }

  @Test
  void emptyAndNullInputAreShownAsSuch() {
    assertEquals(
        "Invalid JSON: $: no JSON value (input is empty or only whitespace)\n  input:  >>> (empty)",
        invalid(""));
    assertEquals("Invalid JSON: $: input is null\n  input: null", invalid(null));
  }

  @Test
  void anUnsafeValueListsEachIncidentOnItsOwnLine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("self", m);
    m.put("n", Double.NaN);
    AssertionError error =
        assertThrows(AssertionError.class, () -> SafeJsonAssertions.assertJsonSafe(m));
    assertEquals(
        "Value is not JSON-safe: 2 incidents:\n"
            + "  $.self CYCLE java.util.LinkedHashMap: repeats an enclosing value\n"
            + "  $.n NON_FINITE java.lang.Double: NaN written as null",
        error.getMessage());
    AssertionError one =
        assertThrows(
            AssertionError.class, () -> SafeJsonAssertions.assertJsonSafe(List.of(Double.NaN)));
    assertEquals(
        "Value is not JSON-safe: 1 incident:\n  $[0] NON_FINITE java.lang.Double: NaN written as null",
        one.getMessage());
  }

  @Test
  void differencesAreCountedFromTheLastLineWhenCapped() {
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () ->
                SafeJsonAssertions.assertJsonEquals(
                    "[" + "1,".repeat(149) + "1]", "[" + "2,".repeat(149) + "2]"));
    String message = error.getMessage();
    assertTrue(message.startsWith("JSON differs at 150 paths:\n  $[0]: expected 1 but was 2\n"), message);
    assertTrue(message.endsWith("\n  $[49]: expected 1 but was 2\n  ... and 100 more"), message);
    AssertionError two =
        assertThrows(
            AssertionError.class, () -> SafeJsonAssertions.assertJsonEquals("[1,1]", "[2,2]"));
    assertEquals(
        "JSON differs at 2 paths:\n  $[0]: expected 1 but was 2\n  $[1]: expected 1 but was 2",
        two.getMessage());
  }
}
