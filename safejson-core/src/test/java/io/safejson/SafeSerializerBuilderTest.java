package io.safejson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every builder setting: its limits, its effect, and that {@code toBuilder()} carries it over. */
final class SafeSerializerBuilderTest {

  private static String rejected(Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }

  @Test
  void eachLimitAcceptsItsBoundsAndNamesItselfWhenOutside() {
    SafeSerializer.Builder builder = SafeSerializer.builder();
    builder.maxDepth(1).maxDepth(500).maxStringLength(16).maxItems(1).maxValues(1).maxInputLength(1);
    assertEquals("maxDepth must be between 1 and 500: 0", rejected(() -> builder.maxDepth(0)));
    assertEquals("maxDepth must be between 1 and 500: 501", rejected(() -> builder.maxDepth(501)));
    assertEquals("maxStringLength must be at least 16: 15", rejected(() -> builder.maxStringLength(15)));
    assertEquals("maxItems must be positive: 0", rejected(() -> builder.maxItems(0)));
    assertEquals("maxValues must be positive: 0", rejected(() -> builder.maxValues(0)));
    assertEquals("maxInputLength must be positive: 0", rejected(() -> builder.maxInputLength(0)));
    assertEquals(
        "redact keys must not be null or blank: null", rejected(() -> builder.redact("a", null)));
    assertEquals("redact keys must not be null or blank:  ", rejected(() -> builder.redact(" ")));
    assertEquals(
        "SafeSerializer.Builder{enumStyle=NAME, decimalStyle=STRING, largeIntegers=NUMBER, zone=null,"
            + " maxDepth=500, maxStringLength=16, maxItems=1, maxValues=1, maxInputLength=1, redactKeys=[a],"
            + " sortKeys=false, htmlSafe=false, onIncident=null, converters=[], modules=[]}",
        builder.toString(),
        "a rejected call changes nothing; keys before the bad one are kept");
  }

  @Test
  void nullSettingsAreRejectedByName() {
    SafeSerializer.Builder builder = SafeSerializer.builder();
    assertEquals("enumStyle", assertThrows(NullPointerException.class, () -> builder.enumStyle(null)).getMessage());
    assertEquals(
        "decimalStyle", assertThrows(NullPointerException.class, () -> builder.decimalStyle(null)).getMessage());
    assertEquals(
        "largeIntegers", assertThrows(NullPointerException.class, () -> builder.largeIntegers(null)).getMessage());
    assertEquals("keys", assertThrows(NullPointerException.class, () -> builder.redact((String[]) null)).getMessage());
    assertEquals("module", assertThrows(NullPointerException.class, () -> builder.addModule(null)).getMessage());
    assertEquals(
        "type", assertThrows(NullPointerException.class, () -> builder.addConverter(null, x -> x)).getMessage());
    assertEquals(
        "converter",
        assertThrows(NullPointerException.class, () -> builder.addConverter(String.class, null)).getMessage());
  }

  @Test
  void theDefaultsAreListedByToString() {
    assertEquals(
        "SafeSerializer.Builder{enumStyle=NAME, decimalStyle=STRING, largeIntegers=NUMBER, zone=null,"
            + " maxDepth=100, maxStringLength=1000000, maxItems=10000, maxValues=1000000,"
            + " maxInputLength=16777216, redactKeys=[], sortKeys=false, htmlSafe=false, onIncident=null,"
            + " converters=[], modules=[]}",
        SafeSerializer.builder().toString());
    assertEquals(SafeSerializer.builder().toString(), SafeSerializer.defaults().toBuilder().toString());
  }

  /** A serializer with every setting away from its default. */
  private static SafeSerializer.Builder everything(List<Incident> heard) {
    return SafeSerializer.builder()
        .enumStyle(EnumStyle.LOWER_CASE)
        .decimalStyle(DecimalStyle.NUMBER)
        .largeIntegers(LargeIntegerStyle.STRING_WHEN_UNSAFE)
        .zone(ZoneOffset.ofHours(2))
        .maxDepth(3)
        .maxStringLength(30)
        .maxItems(10)
        .maxValues(50)
        .maxInputLength(30)
        .redact(" Token ", "password")
        .sortKeys(true)
        .htmlSafe(true)
        .onIncident(heard::add)
        .addConverter(StringBuilder.class, sb -> "converted")
        .addModule(new SimpleModule().addSerializer(Money.class, new ToStringSerializer(Money.class)));
  }

  enum Level {
    HIGH
  }

  record Money(long cents) {
    @Override
    public String toString() {
      return cents + " cents";
    }
  }

  private static Object sample() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", new StringBuilder("x"));
    map.put("token", "t");
    map.put("level", Level.HIGH);
    map.put("big", 1L << 60);
    map.put("decimal", new BigDecimal("1.50"));
    map.put("at", OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    map.put("html", "<");
    map.put("nan", Double.NaN);
    map.put("money", new Money(5));
    return map;
  }

  private static final String SAMPLE_JSON =
      "{\"at\":\"2026-01-01T02:00:00+02:00\",\"big\":\"1152921504606846976\",\"decimal\":1.50,"
          + "\"html\":\"\\u003C\",\"level\":\"high\",\"money\":\"5 cents\",\"nan\":null,"
          + "\"token\":\"[REDACTED]\",\"z\":\"converted\"}";

  private static final List<Integer> ELEVEN = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
  private static final String ELEVEN_CUT = "[1,2,3,4,5,6,7,8,9,10,\"[TRUNCATED]\"]";

  @Test
  void everySettingTakesEffect() {
    List<Incident> heard = new ArrayList<>();
    SafeSerializer json = everything(heard).build();
    assertEquals(SAMPLE_JSON, json.toJson(sample()));
    assertEquals(1, heard.size(), "the NaN");
    assertEquals(
        "Cannot read JSON at $: input of 31 chars exceeds maxInputLength 30",
        assertThrows(JsonReadException.class, () -> json.fromJson("[" + "1,".repeat(14) + "1]", Object.class))
            .getMessage());
    assertEquals("[[[\"[MAX_DEPTH]\"]]]", json.toJson(List.of(List.of(List.of(List.of(1))))), "maxDepth 3");
    assertEquals(ELEVEN_CUT, json.toJson(ELEVEN));
    assertEquals("\"" + "x".repeat(30) + "...[TRUNCATED]\"", json.toJson("x".repeat(31)));
  }

  @Test
  void toBuilderCarriesOverEverySetting() {
    List<Incident> heard = new ArrayList<>();
    SafeSerializer.Builder original = everything(heard);
    SafeSerializer derived = original.build().toBuilder().build();
    assertEquals(original.toString(), derived.toBuilder().toString());
    assertEquals(SAMPLE_JSON, derived.toJson(sample()));
    assertEquals(1, heard.size(), "the listener came along");
    assertThrows(JsonReadException.class, () -> derived.fromJson("[" + "1,".repeat(14) + "1]", Object.class));
    assertEquals(ELEVEN_CUT, derived.toJson(ELEVEN));
  }

  @Test
  void aDerivedBuilderDoesNotChangeTheOriginal() {
    SafeSerializer.Builder builder = SafeSerializer.builder().redact("a");
    SafeSerializer first = builder.build();
    builder.redact("b").maxItems(1).addConverter(String.class, s -> "changed");
    assertEquals("{\"a\":\"[REDACTED]\",\"b\":\"x\"}", first.toJson(new java.util.TreeMap<>(Map.of("a", "x", "b", "x"))));
    SafeSerializer.Builder derived = first.toBuilder().redact("c");
    assertEquals(
        "SafeSerializer.Builder{enumStyle=NAME, decimalStyle=STRING, largeIntegers=NUMBER, zone=null,"
            + " maxDepth=100, maxStringLength=1000000, maxItems=10000, maxValues=1000000,"
            + " maxInputLength=16777216, redactKeys=[a], sortKeys=false, htmlSafe=false, onIncident=null,"
            + " converters=[], modules=[]}",
        first.toBuilder().toString());
    assertEquals("[a, c]", derived.toString().replaceAll(".*redactKeys=(\\[[^]]*]).*", "$1"));
  }

  @Test
  void toStringNamesEveryOptionOfTheConfigurationAndShowsEveryChange() {
    String defaults = SafeSerializer.builder().toString();
    String changed = everything(new ArrayList<>()).toString();
    for (java.lang.reflect.RecordComponent option : io.safejson.internal.SafeConfig.class.getRecordComponents()) {
      String name = option.getName();
      String before = defaults.replaceAll(".*[{ ]" + name + "=(\\[[^]]*]|[^,}]*).*", "$1");
      String after = changed.replaceAll(".*[{ ]" + name + "=(\\[[^]]*]|[^,}]*).*", "$1");
      assertTrue(defaults.contains(" " + name + "=") || defaults.contains("{" + name + "="), name + " in " + defaults);
      assertNotEquals(before, after, name + " set away from its default shows in toString: " + changed);
    }
    assertTrue(changed.contains("redactKeys=[password, token]"), changed);
    assertTrue(changed.contains("converters=[java.lang.StringBuilder]"), changed);
    assertTrue(changed.contains("onIncident=set"), changed);
  }
}
