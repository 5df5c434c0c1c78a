package io.safejson.testing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.safejson.SafeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

final class StrictJsonCheckerTest {

  /**
   * JSONTestSuite marks these {@code y_} because RFC 8259 only says names SHOULD be unique; this
   * checker deliberately rejects duplicate keys, so they must be rejected, and for that reason
   * only.
   */
  private static final Set<String> ACCEPTED_BY_SUITE_BUT_DUPLICATE_KEYS =
      Set.of("y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json");

  // ---- JSONTestSuite corpus ----

  @TestFactory
  Stream<DynamicTest> everyFileJsonTestSuiteAcceptsIsAccepted() {
    List<Path> files = corpusFiles("y_");
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      String name = file.getFileName().toString();
                      String problem = StrictJsonChecker.problem(Files.readAllBytes(file));
                      if (ACCEPTED_BY_SUITE_BUT_DUPLICATE_KEYS.contains(name)) {
                        assertNotNull(problem, name + " has a duplicate key and must be rejected");
                        assertTrue(problem.contains("Duplicate field 'a'"), problem);
                      } else {
                        assertNull(problem, name);
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyFileJsonTestSuiteRejectsIsRejected() {
    return corpusFiles("n_").stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      String problem = StrictJsonChecker.problem(Files.readAllBytes(file));
                      assertNotNull(problem, file.getFileName() + " was accepted");
                      assertFalse(problem.contains("\n"), problem);
                      assertTrue(problem.startsWith("$"), problem);
                    }));
  }

  @Test
  void implementationDefinedFilesOfJsonTestSuiteGetAnAnswerWithoutThrowing() {
    // Either answer is allowed for i_ files; what matters is that none of them escapes as an
    // exception.
    List<String> thrown = new ArrayList<>();
    for (Path file : corpusFiles("i_")) {
      try {
        StrictJsonChecker.problem(Files.readAllBytes(file));
      } catch (IOException | RuntimeException e) {
        thrown.add(file.getFileName() + ": " + e);
      }
    }
    assertEquals(List.of(), thrown);
  }

  /** The test_parsing files whose names start with {@code prefix}; skips the test when absent. */
  private static List<Path> corpusFiles(String prefix) {
    Path dir = findTestParsingDirectory();
    Assumptions.assumeTrue(
        dir != null,
        "JSONTestSuite not found: set -Dsafejson.testdata=<dir containing"
            + " JSONTestSuite/test_parsing> or place it at shared/testdata above the working"
            + " directory "
            + Path.of("").toAbsolutePath());
    try (Stream<Path> listing = Files.list(dir)) {
      List<Path> files =
          listing
              .filter(p -> p.getFileName().toString().startsWith(prefix))
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              .sorted()
              .toList();
      // An empty or wrong directory must not pass as "all files conform".
      assertFalse(files.isEmpty(), "no " + prefix + "*.json files in " + dir);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path findTestParsingDirectory() {
    String configured = System.getProperty("safejson.testdata");
    if (configured != null && !configured.isBlank()) {
      Path dir = Path.of(configured).resolve("JSONTestSuite/test_parsing");
      if (!Files.isDirectory(dir)) {
        // Explicit configuration that points nowhere is a mistake worth failing on, not skipping.
        fail("-Dsafejson.testdata=" + configured + " has no JSONTestSuite/test_parsing directory");
      }
      return dir;
    }
    for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
      for (Path candidate :
          List.of(at.resolve("shared/testdata"), at.resolve("../shared/testdata"))) {
        Path dir = candidate.resolve("JSONTestSuite/test_parsing").normalize();
        if (Files.isDirectory(dir)) {
          return dir;
        }
      }
    }
    return null;
  }

  // ---- explicit cases ----

  @Test
  void simpleDocumentsAreAccepted() {
    assertNull(StrictJsonChecker.problem("{\"a\":[1,2.5,-3e10,true,false,null,\"x\"]}"));
    assertNull(StrictJsonChecker.problem("  \"scalar root\"\n"));
    assertNull(StrictJsonChecker.problem("0"));
    assertNull(StrictJsonChecker.problem("[]"));
  }

  @Test
  void duplicateKeyIsRejectedWithItsPath() {
    String problem = StrictJsonChecker.problem("{\"a\":{\"b\":[{\"c\":1,\"c\":2}]}}");
    assertNotNull(problem);
    assertTrue(problem.startsWith("$.a.b[0].c: "), problem);
    assertTrue(problem.contains("Duplicate"), problem);
    assertTrue(problem.contains("line 1, column "), problem);
  }

  @Test
  void sameKeyInSiblingObjectsIsNotADuplicate() {
    assertNull(StrictJsonChecker.problem("[{\"a\":1},{\"a\":2}]"));
    assertNull(StrictJsonChecker.problem("{\"a\":{\"a\":{\"a\":1}}}"));
  }

  @Test
  void nanAndInfinityTokensAreRejected() {
    for (String json : List.of("NaN", "[NaN]", "{\"x\":Infinity}", "[-Infinity]", "[+Infinity]")) {
      assertNotNull(StrictJsonChecker.problem(json), json);
    }
    String problem = StrictJsonChecker.problem("{\"x\":[1,NaN]}");
    assertTrue(problem.startsWith("$.x[1]: "), problem);
  }

  @Test
  void leniencyJacksonCanBeAskedForIsRejected() {
    List<String> lenient =
        List.of(
            "[1,]",
            "{\"a\":1,}",
            "{'a':1}",
            "['a']",
            "{a:1}",
            "[01]",
            "[-01]",
            "[+1]",
            "[.5]",
            "[5.]",
            "[1,,2]",
            "[1] // comment",
            "/* c */ [1]",
            "# c\n[1]",
            "[\"\\'\"]",
            "[\"tab\tinside\"]");
    for (String json : lenient) {
      assertNotNull(StrictJsonChecker.problem(json), json);
    }
  }

  @Test
  void trailingDataAfterTheRootIsRejected() {
    for (String json : List.of("{} x", "[1] ]", "1 2", "\"a\" \"b\"", "nulll", "{}}")) {
      String problem = StrictJsonChecker.problem(json);
      assertNotNull(problem, json);
      assertTrue(problem.startsWith("$: "), problem);
    }
  }

  @Test
  void secondRootValueIsRejected() {
    String problem = StrictJsonChecker.problem("{\"a\":1}\n{\"a\":2}");
    assertNotNull(problem);
    assertTrue(problem.contains("after the root value"), problem);
    assertTrue(problem.endsWith("at line 2, column 1"), problem);
    assertNotNull(StrictJsonChecker.problem("[1][2]"));
    assertNotNull(StrictJsonChecker.problem("true false"));
  }

  @Test
  void loneSurrogateEscapeIsRejected() {
    String problem = StrictJsonChecker.problem("{\"a\":[\"ok\",\"x\\uD800y\"]}");
    assertNotNull(problem);
    assertTrue(problem.startsWith("$.a[1]: "), problem);
    assertTrue(problem.contains("U+D800"), problem);

    assertNotNull(StrictJsonChecker.problem("\"\\uD800\""));
    assertNotNull(StrictJsonChecker.problem("\"\\uDC00\""));
    // A high surrogate followed by another high surrogate is still unpaired.
    assertNotNull(StrictJsonChecker.problem("\"\\uD800\\uD800\""));
    // A low surrogate before its high surrogate is two lone ones, not a pair.
    assertNotNull(StrictJsonChecker.problem("\"\\uDE00\\uD83D\""));
  }

  @Test
  void loneSurrogateEscapeInAKeyIsRejectedAtTheObjectPath() {
    // Jackson itself refuses some broken pairs in names; either way the failure names the object.
    for (String key : List.of("k\\uDBFF", "\\uDC00", "\\uD800x")) {
      String problem = StrictJsonChecker.problem("{\"o\":{\"" + key + "\":1}}");
      assertNotNull(problem, key);
      assertTrue(problem.startsWith("$.o"), problem);
      assertTrue(problem.toLowerCase(Locale.ROOT).contains("surrogate"), problem);
    }
  }

  @Test
  void rawLoneSurrogateCharInAJavaStringIsRejected() {
    // Not an escape: the Java string itself holds an unpaired surrogate, which no UTF-8 text can
    // carry.
    String problem = StrictJsonChecker.problem("[\"ok\", \"a\uD800\"]");
    assertNotNull(problem);
    assertTrue(problem.startsWith("$[1]: lone surrogate U+D800 in string"), problem);

    problem = StrictJsonChecker.problem("{\"o\":{\"\uDC00\":1}}");
    assertNotNull(problem);
    // The broken key is quoted escaped rather than put into the path, which would carry it raw.
    assertTrue(problem.startsWith("$.o: lone surrogate U+DC00 in key \"\\uDC00\""), problem);
  }

  @Test
  void surrogatePairsAreAccepted() {
    assertNull(StrictJsonChecker.problem("[\"\\uD83D\\uDE00\", \"\uD83D\uDE00\"]"));
    assertNull(StrictJsonChecker.problem("{\"\\uD834\\uDD1E\":\"\\uDBFF\\uDFFF\"}"));
  }

  @Test
  void emptyAndWhitespaceOnlyInputsAreRejected() {
    assertNotNull(StrictJsonChecker.problem(""));
    assertNotNull(StrictJsonChecker.problem(" \n\t\r"));
    assertNotNull(StrictJsonChecker.problem(new byte[0]));
  }

  @Test
  void nullInputsAreRejected() {
    assertEquals("$: input is null", StrictJsonChecker.problem((String) null));
    assertEquals("$: input is null", StrictJsonChecker.problem((byte[]) null));
  }

  @Test
  void malformedUtf8IsRejectedWithItsByteOffset() {
    byte[] bytes = {
      '[', '"', 'a', (byte) 0xC3, '"', ']'
    }; // 0xC3 starts a 2-byte sequence, '"' cannot end it
    String problem = StrictJsonChecker.problem(bytes);
    assertNotNull(problem);
    assertTrue(problem.contains("UTF-8"), problem);
    assertTrue(problem.contains("byte offset 3"), problem);

    // CESU-8 style encoded surrogate: well-formed in shape, forbidden by UTF-8.
    assertNotNull(
        StrictJsonChecker.problem(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}));
  }

  @Test
  void wellFormedUtf8IsDecodedBeforeChecking() {
    assertNull(
        StrictJsonChecker.problem("{\"ключ\":\"värde 😀\"}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void byteOrderMarkIsRejected() {
    // RFC 8259 lets parsers ignore a BOM, but says generators MUST NOT add one; strict means
    // reject.
    assertNotNull(StrictJsonChecker.problem("\uFEFF{}"));
  }

  @Test
  void nestingUpToTheLimitIsAccepted() {
    int depth = StrictJsonChecker.MAX_NESTING_DEPTH;
    assertNull(StrictJsonChecker.problem("[".repeat(depth) + "]".repeat(depth)));
    assertNull(StrictJsonChecker.problem("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
  }

  @Test
  void hundredThousandLevelsDeepIsRejectedNotOverflowed() {
    String problem = StrictJsonChecker.problem("[".repeat(100_000) + "]".repeat(100_000));
    assertNotNull(problem);
    assertTrue(problem.contains("nesting depth"), problem);
    // The path of such a failure is abbreviated so that the message stays readable.
    assertTrue(problem.length() < 600, "message length " + problem.length());
  }

  @Test
  void largeValidDocumentsAreAccepted() {
    // Each of these exceeds a Jackson default constraint (20 MB string, 1,000 digits, 50,000-char
    // name).
    String longString = "x".repeat(21_000_000);
    assertNull(StrictJsonChecker.problem("[\"" + longString + "\"]"));
    assertNull(StrictJsonChecker.problem("[" + "9".repeat(50_000) + "]"));
    assertNull(StrictJsonChecker.problem("[1." + "5".repeat(50_000) + "e-7]"));
    assertNull(StrictJsonChecker.problem("{\"" + "k".repeat(60_000) + "\":1}"));

    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 200_000; i++) {
      many.append(i == 0 ? "" : ",")
          .append("{\"id\":")
          .append(i)
          .append(",\"n\":\"v")
          .append(i)
          .append("\"}");
    }
    assertNull(StrictJsonChecker.problem(many.append(']').toString()));
  }

  @Test
  void problemsAreSingleLinesWithLineAndColumn() {
    String problem = StrictJsonChecker.problem("{\n  \"a\": [\n    1,\n    x\n  ]\n}");
    assertNotNull(problem);
    assertFalse(problem.contains("\n"), problem);
    assertTrue(problem.startsWith("$.a[1]: "), problem);
    assertTrue(problem.contains("line 4, column "), problem);
  }

  @Test
  void controlCharactersInMessagesAreEscaped() {
    String problem = StrictJsonChecker.problem("[1,\u0000]");
    assertNotNull(problem);
    for (char c : problem.toCharArray()) {
      assertFalse(Character.isISOControl(c), problem);
    }
  }

  @Test
  void problemCarriesTheCharOffsetOfTheFailure() {
    StrictJsonChecker.Problem problem = StrictJsonChecker.check("[1, 2, x]");
    assertNotNull(problem);
    // Jackson 2.17 points just after the bad token's first char, 2.18+ at it.
    assertTrue(problem.charOffset() == 7 || problem.charOffset() == 8, "offset " + problem.charOffset());
  }

  @Test
  void numbersOfAnyLengthAreAccepted() {
    // Found by SafeSerializerFuzzTest: fromJson reads {"big":1e100000} into a BigInteger of 100,001 digits,
    // and toJson writes it back as a number, which the checker used to refuse past 100,000 chars.
    String digits = "9".repeat(200_000);
    assertNull(StrictJsonChecker.problem("[" + digits + ", -" + digits + ".5e-7]"));
    assertNull(StrictJsonChecker.problem(SafeSerializer.defaults().toJson(BigInteger.TEN.pow(100_000))));
  }

  @Test
  void keyWithALoneSurrogateThatFailsBeforeItsColonIsEscapedInThePath() {
    // Found by SafeJsonAssertionsFuzzTest: the path carried the raw surrogate into the message.
    String problem = StrictJsonChecker.problem("{\"a\uD800\"[1]}");
    assertNotNull(problem);
    assertTrue(problem.startsWith("$['a\\uD800']: "), problem);
  }

  @Test
  void loneSurrogateIndexFindsOnlyUnpairedHalves() {
    assertEquals(-1, StrictJsonChecker.loneSurrogateIndex("a\uD83D\uDE00b"));
    assertEquals(1, StrictJsonChecker.loneSurrogateIndex("a\uD83Db"));
    assertEquals(0, StrictJsonChecker.loneSurrogateIndex("\uDE00\uD83D"));
    assertEquals(2, StrictJsonChecker.loneSurrogateIndex("ab\uD83D"));
  }

  // ---- the wording of problems ----

  @Test
  void emptyInputIsNamedAsSuchAtOffsetZero() {
    StrictJsonChecker.Problem problem = StrictJsonChecker.check("  ");
    assertEquals("$: no JSON value (input is empty or only whitespace)", problem.message());
    assertEquals(0, problem.charOffset());
    assertEquals(-1, StrictJsonChecker.check(null).charOffset());
    assertEquals("$: input is null", StrictJsonChecker.check(null).toString());
  }

  @Test
  void aSecondRootValueIsNamedByItsKindWhereItStarts() {
    assertEquals(
        "$: unexpected number after the root value at line 1, column 3",
        StrictJsonChecker.problem("1 2"));
    assertEquals(2, StrictJsonChecker.check("1 2").charOffset());
    assertEquals(
        "$: unexpected number after the root value at line 1, column 4",
        StrictJsonChecker.problem("[] 1.5"));
    assertEquals(
        "$: unexpected '{' after the root value at line 3, column 3",
        StrictJsonChecker.problem("{}\n\n  {}"));
    assertEquals(
        "$: unexpected '[' after the root value at line 1, column 4",
        StrictJsonChecker.problem("{} []"));
    assertEquals(
        "$: unexpected string after the root value at line 1, column 3",
        StrictJsonChecker.problem("1 \"s\""));
    assertEquals(
        "$: unexpected 'true' after the root value at line 1, column 3",
        StrictJsonChecker.problem("1 true"));
    assertEquals(
        "$: unexpected 'false' after the root value at line 1, column 3",
        StrictJsonChecker.problem("1 false"));
    assertEquals(
        "$: unexpected 'null' after the root value at line 1, column 3",
        StrictJsonChecker.problem("1 null"));
  }

  @Test
  void aLoneSurrogateIsNamedWithItsCodeAndWhereItsTokenStarts() {
    assertEquals(
        "$[1]: lone surrogate U+D800 in string at line 1, column 8",
        StrictJsonChecker.problem("[\"ok\", \"a\uD800\"]"));
    assertEquals(
        "$.o: lone surrogate U+DC00 in key \"\\uDC00\" at line 1, column 7",
        StrictJsonChecker.problem("{\"o\":{\"\uDC00\":1}}"));
  }

  @Test
  void aBrokenKeyIsQuotedWithItsControlCharactersQuotesAndBackslashesEscaped() {
    // The key holds U+0001, a quote, a backslash, U+007F and a lone U+DC00.
    String json = "{\"\\u0001\\\"\\\\\u007f\uDC00\":1}";
    assertEquals(
        "$: lone surrogate U+DC00 in key \"\\u0001\\\"\\\\\\u007F\\uDC00\" at line 1, column 2",
        StrictJsonChecker.problem(json));
  }

  @Test
  void invisibleAndLoneCharactersJacksonQuotesAreEscapedInTheMessage() {
    String bom = StrictJsonChecker.problem("\uFEFF{}");
    assertTrue(bom.contains("\\uFEFF"), bom);
    assertFalse(bom.contains("\uFEFF"), bom);
    String surrogate = StrictJsonChecker.problem("[\uD800]");
    assertTrue(surrogate.contains("\\uD800"), surrogate);
    assertEquals(-1, StrictJsonChecker.loneSurrogateIndex(surrogate), surrogate);
  }

  @Test
  void longPathsKeepTheirFirstAndLastHundredChars() {
    String fits = "$" + "a".repeat(199);
    assertEquals(fits, StrictJsonChecker.abbreviatePath(fits));
    String tooLong = "$" + "a".repeat(100) + "b".repeat(100);
    assertEquals("$" + "a".repeat(99) + "..." + "b".repeat(100), StrictJsonChecker.abbreviatePath(tooLong));
  }

  @Test
  void malformedUtf8IsNamedWithTheLengthAndOffsetOfTheBadBytes() {
    assertEquals(
        "$: invalid UTF-8: 1 malformed byte(s) at byte offset 3",
        StrictJsonChecker.problem(new byte[] {'[', '"', 'a', (byte) 0xC3, '"', ']'}));
    assertEquals(
        "$: invalid UTF-8: 1 malformed byte(s) at byte offset 1",
        StrictJsonChecker.problem(new byte[] {'"', (byte) 0xFF, '"'}));
    // A truncated sequence at the very end is only found when the decoder is told the input ended.
    assertEquals(
        "$: invalid UTF-8: 1 malformed byte(s) at byte offset 2",
        StrictJsonChecker.problem(new byte[] {'"', 'a', (byte) 0xC3}));
  }
}
