package io.safejson.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jackson 2's and Jackson 3's mappers exactly as {@code new ObjectMapper()} and {@code JsonMapper.builder().build()}
 * make them: the readers whose default limits safejson's output must stay within.
 */
public final class DefaultReaders {
  public static final ObjectMapper JACKSON2 = new ObjectMapper();
  public static final tools.jackson.databind.json.JsonMapper JACKSON3 = tools.jackson.databind.json.JsonMapper.builder().build();

  /** Jackson 3's default maximum nesting depth, read from the library rather than assumed. */
  public static final int JACKSON3_MAX_DEPTH = tools.jackson.core.StreamReadConstraints.defaults().getMaxNestingDepth();

  private DefaultReaders() {}

  /** Parses {@code json} with Jackson 2's default mapper, failing the test with the reader's message. */
  public static com.fasterxml.jackson.databind.JsonNode jackson2(String json) {
    try {
      return JACKSON2.readTree(json);
    } catch (Exception e) {
      return fail("Jackson 2's default ObjectMapper rejected the document: " + e.getMessage(), e);
    }
  }

  /** Parses {@code json} with Jackson 3's default mapper, failing the test with the reader's message. */
  public static tools.jackson.databind.JsonNode jackson3(String json) {
    try {
      return JACKSON3.readTree(json);
    } catch (Exception e) {
      return fail("Jackson 3's default JsonMapper rejected the document: " + e.getMessage(), e);
    }
  }

  /** Parses with both and checks they read the same document (compared as Jackson 2 trees). */
  public static com.fasterxml.jackson.databind.JsonNode both(String json) {
    com.fasterxml.jackson.databind.JsonNode two = jackson2(json);
    tools.jackson.databind.JsonNode three = jackson3(json);
    try {
      assertEquals(two, JACKSON2.readTree(JACKSON3.writeValueAsString(three)), "Jackson 2 and 3 read differently");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      fail(e);
    }
    return two;
  }
}
