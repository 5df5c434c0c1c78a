package io.safejson.testing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.buildtools.FuzzInput;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link StrictJsonChecker} against Jackson's own parser.
 *
 * <p>The rule: the checker accepts a text exactly when Jackson's {@code ObjectMapper.readTree}, with its
 * default (strict) JSON features plus {@code FAIL_ON_TRAILING_TOKENS} and {@code FAIL_ON_READING_DUP_TREE_KEY},
 * reads one value from it and no string or key of that value holds a lone surrogate (RFC 8259 text is
 * Unicode; Jackson passes lone surrogates through). The reference's read constraints are the checker's own
 * (nesting 2,000, no limit on numbers or strings), so every input is comparable; readTree's empty
 * answer (a missing node for empty or blank input) counts as a rejection.
 */
final class StrictJsonCheckerFuzzTest {
  private static final ObjectMapper JACKSON =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(StrictJsonChecker.MAX_NESTING_DEPTH)
                          .maxNumberLength(Integer.MAX_VALUE)
                          .maxStringLength(Integer.MAX_VALUE)
                          .maxNameLength(Integer.MAX_VALUE)
                          .build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  @FuzzTest
  @Timeout(10)
  void acceptsExactlyWhatJacksonReadsWithoutLoneSurrogates(byte[] input) {
    String text = FuzzInput.text(input);
    StrictJsonChecker.Problem problem = StrictJsonChecker.check(text);
    String jacksonVerdict = jacksonVerdict(text);
    if (jacksonVerdict == null) {
      assertEquals(null, problem, () -> "Jackson reads it, the checker refuses: " + describe(text));
    } else {
      assertNotNull(problem, () -> "Jackson refuses it (" + jacksonVerdict + "), the checker accepts: "
          + describe(text));
      assertTrue(problem.message().startsWith("$"), () -> "message must start with a JSONPath: " + problem);
      assertTrue(problem.charOffset() <= text.length(), () -> "offset past the input: " + problem);
      assertTrue(problem.message().chars().noneMatch(c -> c == '\n' || c == '\r'), "one line: " + problem);
      assertTrue(!FuzzInput.hasLoneSurrogate(problem.message()), () -> "prints anywhere: " + describe(problem.message()));
    }
  }

  @FuzzTest
  @Timeout(10)
  void bytesAreStrictUtf8ThenTheSameVerdictAsText(byte[] input) {
    String verdict = StrictJsonChecker.problem(input);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(input))
              .toString();
    } catch (CharacterCodingException e) {
      assertNotNull(verdict, "malformed UTF-8 was accepted");
      assertTrue(verdict.startsWith("$: invalid UTF-8"), verdict);
      return;
    }
    assertEquals(StrictJsonChecker.problem(text), verdict);
  }

  /** Null when Jackson reads one value free of lone surrogates, else why not. */
  private static String jacksonVerdict(String text) {
    JsonNode tree;
    try {
      tree = JACKSON.readTree(text);
    } catch (JsonProcessingException e) {
      return e.getOriginalMessage();
    }
    if (tree == null || tree.isMissingNode()) {
      return "no value";
    }
    return hasLoneSurrogate(tree) ? "lone surrogate" : null;
  }

  /** Walks the tree without recursion: it may be 2,000 levels deep. */
  private static boolean hasLoneSurrogate(JsonNode root) {
    ArrayDeque<JsonNode> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isTextual() && FuzzInput.hasLoneSurrogate(node.textValue())) {
        return true;
      }
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          if (FuzzInput.hasLoneSurrogate(member.getKey())) {
            return true;
          }
          pending.push(member.getValue());
        }
      } else if (node.isArray()) {
        node.forEach(pending::push);
      }
    }
    return false;
  }

  private static String describe(String text) {
    return StrictJsonChecker.escape(text.length() > 300 ? text.substring(0, 300) + "..." : text);
  }
}
