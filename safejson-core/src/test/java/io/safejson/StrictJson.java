package io.safejson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.buildtools.FuzzInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * The core tests' own strictness oracle: Jackson's parser with its defaults (no comments, NaN, single quotes,
 * trailing commas or leading zeros) plus duplicate-key detection, one root value, no lone surrogate, and strict
 * UTF-8 for bytes.
 *
 * <p>The checker users get, {@code safejson-testing}'s {@code StrictJsonChecker}, cannot serve here: that
 * module depends on the core, and Maven forbids the cycle even in test scope. This oracle answers only yes or
 * no, which is all the core's tests ask; the checker's paths and messages are tested in safejson-testing.
 * Stateless; thread-safe.
 */
public final class StrictJson {
  /** No length limits: the core writes strings, names and numbers of any size and that output is valid. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(2_000)
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNameLength(Integer.MAX_VALUE)
                  .maxNumberLength(Integer.MAX_VALUE)
                  .maxDocumentLength(-1L)
                  .build())
          .build();

  private static final ObjectMapper MAPPER =
      new ObjectMapper(FACTORY)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  /** Numbers are equal by value ({@code 1}, {@code 1.0}, {@code 1e0}); every other node by Jackson's equality. */
  private static final Comparator<JsonNode> BY_VALUE =
      (a, b) -> a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

  private StrictJson() {}

  /** Returns null when {@code json} is strictly valid RFC 8259 JSON without duplicate keys, else why not. */
  public static String problem(String json) {
    if (json == null) {
      return "input is null";
    }
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return "no JSON value";
      }
      do {
        if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME)
            && FuzzInput.hasLoneSurrogate(parser.getText())) {
          return "lone surrogate at " + parser.currentTokenLocation();
        }
      } while (!parser.getParsingContext().inRoot() && (token = parser.nextToken()) != null);
      if (token == null) {
        return "unexpected end of input";
      }
      JsonToken extra = parser.nextToken();
      return extra == null ? null : "unexpected " + extra + " after the root value";
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  /** Like {@link #problem(String)} for bytes, which must first be well-formed UTF-8 (no BOM skipped). */
  public static String problem(byte[] utf8) {
    try {
      // A new decoder reports malformed input; String's constructor would replace it.
      return problem(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8)).toString());
    } catch (CharacterCodingException e) {
      return "invalid UTF-8: " + e;
    }
  }

  /** Fails unless {@code json} is strictly valid JSON. */
  public static void assertValidJson(String json) {
    String problem = problem(json);
    if (problem != null) {
      throw new AssertionError("Invalid JSON: " + problem + "\n  input: " + json);
    }
  }

  /** Fails unless both texts are strictly valid JSON with the same meaning (key order, number spelling aside). */
  public static void assertJsonEquals(String expected, String actual) {
    assertValidJson(expected);
    assertValidJson(actual);
    try {
      if (!MAPPER.readTree(expected).equals(BY_VALUE, MAPPER.readTree(actual))) {
        throw new AssertionError("JSON differs\n  expected: " + expected + "\n  actual:   " + actual);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot read checked JSON", e);
    }
  }
}
