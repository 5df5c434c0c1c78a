package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class OutputShapeTest {

  private static OutputShape of(String json) {
    return OutputShape.of(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void longestStringItemsAndValuesAreCounted() {
    // values: object, "a" value array, 1, 2, "xyz", inner object, "k" value, "longer key" value -> 8
    assertEquals(
        new OutputShape(10, 3, 8),
        of("{\"a\":[1,2,\"xyz\"],\"b\":{\"k\":true},\"longer key\":null}"));
  }

  @Test
  void charsAreCountedNotBytesOrEscapes() {
    assertEquals(new OutputShape(3, 2, 3), of("[\"\u00e9\\n\\u0000\",\"ab\"]"));
  }

  @Test
  void deepDocumentsAndScalarsAreMeasured() {
    assertEquals(new OutputShape(0, 1, 100), of("[".repeat(99) + "1" + "]".repeat(99)));
    assertEquals(new OutputShape(5, 0, 1), of("\"hello\""));
  }

  @Test
  void somethingThatIsNotJsonIsUnknown() {
    assertEquals(OutputShape.UNKNOWN, of("{\"a\":"));
  }
}
