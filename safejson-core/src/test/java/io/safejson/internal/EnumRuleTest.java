package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.safejson.EnumStyle;
import io.safejson.SafeSerializer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class EnumRuleTest {

  enum Drink {
    TEA,
    CAFÉ,
    MATE_2
  }

  private static String bytesOf(SafeSerializer serializer, Object value) {
    return new String(serializer.toJsonBytes(value), StandardCharsets.UTF_8);
  }

  @Test
  void namesAreWrittenTheSameAsPlainStringsInEveryConfiguration() {
    List<Drink> drinks = List.of(Drink.TEA, Drink.CAFÉ, Drink.MATE_2, Drink.TEA);
    for (boolean htmlSafe : new boolean[] {false, true}) {
      SafeSerializer serializer = SafeSerializer.builder().htmlSafe(htmlSafe).build();
      assertEquals("[\"TEA\",\"CAFÉ\",\"MATE_2\",\"TEA\"]", bytesOf(serializer, drinks));
      assertEquals("[\"TEA\",\"CAFÉ\",\"MATE_2\",\"TEA\"]", serializer.toJson(drinks));
    }
  }

  @Test
  void lowerCaseNamesAreWrittenLowerCased() {
    SafeSerializer serializer = SafeSerializer.builder().enumStyle(EnumStyle.LOWER_CASE).build();
    assertEquals("[\"tea\",\"café\",\"mate_2\"]", bytesOf(serializer, List.of(Drink.TEA, Drink.CAFÉ, Drink.MATE_2)));
  }
}
