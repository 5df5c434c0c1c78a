package io.safejson.testing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class JsonComparisonTest {

  private static List<String> diff(String expected, String actual) {
    return JsonComparison.differences(expected, actual);
  }

  @Test
  void identicalDocumentsHaveNoDifferences() {
    String json = "{\"a\":[1,\"x\",true,false,null,{\"b\":{}}],\"c\":[]}";
    assertEquals(List.of(), diff(json, json));
  }

  @Test
  void keyOrderAndWhitespaceAreIgnored() {
    assertEquals(
        List.of(),
        diff("{\"a\":1,\"b\":{\"c\":2,\"d\":3}}", "{ \"b\" : { \"d\":3, \"c\":2 },\n\"a\":1 }"));
  }

  @Test
  void numbersCompareByValueNotSpelling() {
    assertEquals(
        List.of(), diff("[1, 1.0, 1e0, 10E-1, 0.1e1, -0, 100]", "[1.00, 1, 1, 1, 1, 0, 1e2]"));
  }

  @Test
  void numbersBeyondDoubleAndLongStayExact() {
    // Equal as doubles, different as decimals: a comparison through double would miss these.
    assertEquals(
        List.of("$[0]: expected 0.10000000000000000001 but was 0.1"),
        diff("[0.10000000000000000001]", "[0.1]"));
    assertEquals(
        List.of("$[0]: expected 9223372036854775808 but was 9223372036854775809"),
        diff("[9223372036854775808]", "[9223372036854775809]"));
    assertEquals(List.of(), diff("[1e400]", "[10e399]"));
  }

  @Test
  void differentNumberIsReportedAtItsPath() {
    assertEquals(List.of("$.b[1]: expected 2 but was 3"), diff("{\"b\":[1,2]}", "{\"b\":[1,3]}"));
  }

  @Test
  void stringsBooleansAndNullCompareExactly() {
    assertEquals(
        List.of(
            "$[0]: expected \"a\" but was \"A\"",
            "$[1]: expected true but was false",
            "$[2]: expected string \"null\" but was null"),
        diff("[\"a\", true, \"null\"]", "[\"A\", false, null]"));
  }

  @Test
  void missingAndUnexpectedKeysAreReportedWithTheirPaths() {
    assertEquals(
        List.of(
            "$.o.gone: missing key, expected [1]", "$.o.extra: unexpected key with value \"x\""),
        diff("{\"o\":{\"kept\":1,\"gone\":[1]}}", "{\"o\":{\"kept\":1,\"extra\":\"x\"}}"));
  }

  @Test
  void keysThatAreNotIdentifiersUseBracketPaths() {
    assertEquals(List.of("$['a b']: expected 1 but was 2"), diff("{\"a b\":1}", "{\"a b\":2}"));
  }

  @Test
  void arrayLengthAndExtraElementsAreReported() {
    assertEquals(
        List.of(
            "$.a: expected 3 elements but was 2", "$.a[2]: missing element, expected {\"x\":3}"),
        diff("{\"a\":[1,2,{\"x\":3}]}", "{\"a\":[1,2]}"));
    assertEquals(
        List.of("$: expected 1 element but was 2", "$[1]: unexpected element null"),
        diff("[true]", "[true,null]"));
  }

  @Test
  void arrayOrderMatters() {
    assertEquals(
        List.of("$[0]: expected 1 but was 2", "$[1]: expected 2 but was 1"),
        diff("[1,2]", "[2,1]"));
  }

  @Test
  void typeMismatchNamesBothTypes() {
    assertEquals(
        List.of("$.n: expected number 1 but was string \"1\""), diff("{\"n\":1}", "{\"n\":\"1\"}"));
    assertEquals(List.of("$: expected object {} but was array []"), diff("{}", "[]"));
    assertEquals(
        List.of("$.x: expected null but was object {\"y\":null}"),
        diff("{\"x\":null}", "{\"x\":{\"y\":null}}"));
  }

  @Test
  void invalidExpectedSideIsNamedWithTheReason() {
    List<String> differences = diff("{\"a\":1,\"a\":2}", "{\"a\":1}");
    assertEquals(1, differences.size(), differences.toString());
    String line = differences.get(0);
    assertTrue(line.startsWith("$: expected is not valid JSON: $.a: "), line);
    assertTrue(line.contains("Duplicate"), line);
  }

  @Test
  void invalidActualSideIsNamedWithTheReason() {
    List<String> differences = diff("[1]", "[1,]");
    assertEquals(1, differences.size(), differences.toString());
    assertTrue(
        differences.get(0).startsWith("$: actual is not valid JSON: $[1]: "), differences.get(0));
  }

  @Test
  void bothSidesInvalidIsStillOneDifference() {
    List<String> differences = diff("NaN", null);
    assertEquals(1, differences.size(), differences.toString());
    String line = differences.get(0);
    assertTrue(line.contains("expected is not valid JSON"), line);
    assertTrue(line.contains("actual is not valid JSON: $: input is null"), line);
  }

  @Test
  void moreThanFiftyDifferencesAreCappedWithACount() {
    StringBuilder expected = new StringBuilder("[");
    StringBuilder actual = new StringBuilder("[");
    for (int i = 0; i < 120; i++) {
      expected.append(i == 0 ? "" : ",").append(i);
      actual.append(i == 0 ? "" : ",").append(i + 1000);
    }
    List<String> differences = diff(expected.append(']').toString(), actual.append(']').toString());
    assertEquals(51, differences.size());
    assertEquals("$[0]: expected 0 but was 1000", differences.get(0));
    assertEquals("$[49]: expected 49 but was 1049", differences.get(49));
    assertEquals("... and 70 more", differences.get(50));
  }

  @Test
  void longValuesAreTruncatedInMessages() {
    String longText = "x".repeat(500);
    List<String> differences =
        diff("{\"a\":\"" + longText + "\"}", "{\"a\":\"" + longText + "y\"}");
    assertEquals(1, differences.size());
    String line = differences.get(0);
    // 80-char renderings of both values plus the fixed words stay far below the 1,000 chars of
    // input.
    assertTrue(line.length() < 300, line);
    assertTrue(line.contains("xxx... but was \"xxx"), line);
    assertTrue(line.endsWith("(strings of length 500 and 501 first differ at index 500)"), line);

    StringBuilder bigArray = new StringBuilder("[");
    for (int i = 0; i < 10_000; i++) {
      bigArray.append(i == 0 ? "" : ",").append(i);
    }
    List<String> missing = diff("{\"big\":" + bigArray + "]}", "{}");
    assertTrue(missing.get(0).startsWith("$.big: missing key, expected [0,1,2,3,"), missing.get(0));
    assertTrue(missing.get(0).length() < 150, missing.get(0));
  }

  @Test
  void controlCharactersInValuesAreEscapedSoEachDifferenceIsOneLine() {
    List<String> differences = diff("[\"a\\nb\"]", "[\"a\\u0001b\"]");
    assertEquals(List.of("$[0]: expected \"a\\nb\" but was \"a\\u0001b\""), differences);
  }

  @Test
  void deeplyNestedDocumentsCompareWithoutOverflow() {
    int depth = StrictJsonChecker.MAX_NESTING_DEPTH - 1;
    String expected = "[".repeat(depth) + "1" + "]".repeat(depth);
    String actual = "[".repeat(depth) + "2" + "]".repeat(depth);
    List<String> differences = diff(expected, actual);
    assertEquals(1, differences.size());
    assertEquals("$" + "[0]".repeat(depth) + ": expected 1 but was 2", differences.get(0));
  }

  // ---- rendering values in messages ----

  @Test
  void stringsThatFitAreShownWholeAndLongerOnesAreCutWithAHint() {
    String fits = "a".repeat(77);
    assertEquals(
        List.of("$[0]: expected \"" + fits + "b\" but was \"" + fits + "c\""),
        diff("[\"" + fits + "b\"]", "[\"" + fits + "c\"]"));
    String cut = "a".repeat(78);
    assertEquals(
        List.of(
            "$[0]: expected \"" + "a".repeat(76) + "... but was \"" + "a".repeat(76) + "..."
                + " (strings of length 79 and 79 first differ at index 78)"),
        diff("[\"" + cut + "b\"]", "[\"" + cut + "c\"]"));
    assertEquals(
        List.of(
            "$[0]: expected \"" + "a".repeat(76) + "... but was \"ab\""
                + " (strings of length 79 and 2 first differ at index 1)"),
        diff("[\"" + cut + "b\"]", "[\"ab\"]"));
  }

  @Test
  void aCutNeverEndsInHalfASurrogatePair() {
    String emoji = "x" + "\uD83D\uDE00".repeat(50);
    List<String> differences = diff("[\"" + emoji + "\"]", "[1]");
    assertEquals(
        List.of("$[0]: expected string \"x" + "\uD83D\uDE00".repeat(37) + "... but was number 1"),
        differences);
  }

  @Test
  void specialCharactersAreEscapedAsInJson() {
    assertEquals(
        List.of("$[0]: expected string \"q\\\"b\\\\r\\rt\\td\\u007f\" but was number 1"),
        diff("[\"q\\\"b\\\\r\\rt\\td\\u007f\"]", "[1]"));
  }

  @Test
  void longNumbersAndContainersAreCutToo() {
    String digits = "1".repeat(200);
    assertEquals(
        List.of("$[0]: expected " + "1".repeat(77) + "... but was 2"),
        diff("[" + digits + "]", "[2]"));
    StringBuilder object = new StringBuilder("{");
    for (int i = 0; i < 30; i++) {
      object.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    String compact = object.append("}").toString(); // already compact: the first 77 chars are shown
    assertEquals(
        List.of("$: expected object " + compact.substring(0, 77) + "... but was array []"),
        diff(compact, "[]"));
    assertEquals(List.of("$: expected array [true,false,null,{}] but was null"), diff("[true,false,null,{}]", "null"));
  }

  @Test
  void numbersTooLargeToCompareAreDifferentUnlessSpelledAlike() {
    assertEquals(List.of(), diff("[1e9999999999]", "[1e9999999999]"));
    assertEquals(
        List.of("$[0]: expected 1e9999999999 but was 1E9999999999"),
        diff("[1e9999999999]", "[1E9999999999]"));
  }
}
