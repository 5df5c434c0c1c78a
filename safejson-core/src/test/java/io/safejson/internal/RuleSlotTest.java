package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.core.SerializableString;
import io.safejson.SafeSerializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

final class RuleSlotTest {

  /** A bean whose one property holds values of any class. */
  public static final class Holder {
    private final Object value;

    Holder(Object value) {
      this.value = value;
    }

    public Object getValue() {
      return value;
    }
  }

  @Test
  void aSlotGivesEachClassItsOwnRuleWhateverClassCameBefore() {
    TypeRules rules = new TypeRules(TestConfigs.defaults(), new com.fasterxml.jackson.databind.ObjectMapper());
    RuleSlot slot = new RuleSlot();
    List<Class<?>> classes =
        List.of(Integer.class, Integer.class, UUID.class, Integer.class, BigDecimal.class, UUID.class, Integer.class);
    for (Class<?> type : classes) {
      assertSame(rules.ruleFor(type), slot.ruleFor(rules, type), type.getName());
    }
  }

  @Test
  void aPropertyWritesWhateverClassItHoldsOnEachCall() {
    SafeSerializer serializer = SafeSerializer.defaults();
    assertEquals("{\"value\":42}", serializer.toJson(new Holder(42)));
    assertEquals("{\"value\":42}", serializer.toJson(new Holder(42)));
    assertEquals("{\"value\":\"2026-11-24T09:30:15Z\"}", serializer.toJson(new Holder(Instant.parse("2026-11-24T09:30:15Z"))));
    assertEquals("{\"value\":[1,\"a\"]}", serializer.toJson(new Holder(List.of(1, "a"))));
    assertEquals("{\"value\":true}", serializer.toJson(new Holder(true)));
    assertEquals("{\"value\":\"0.50\"}", serializer.toJson(new Holder(new BigDecimal("0.50"))));
    assertEquals("{\"value\":42}", serializer.toJson(new Holder(42)));
  }

  @Test
  void aListOrArrayOfMixedClassesWritesEachItemByItsOwnClass() {
    SafeSerializer serializer = SafeSerializer.defaults();
    List<Object> items = new ArrayList<>(Arrays.asList(1, 2, true, 3L, null, new BigDecimal("1.0"), 4, "x", 2.5));
    String expected = "[1,2,true,3,null,\"1.0\",4,\"x\",2.5]";
    assertEquals(expected, serializer.toJson(items));
    assertEquals(expected, serializer.toJson(items.toArray()));
  }

  @Test
  void aMapOfMixedValueClassesWritesEachValueByItsOwnClass() {
    java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", 2);
    map.put("c", new BigDecimal("1.0"));
    map.put("d", null);
    map.put("e", 3);
    map.put("f", "x");
    map.put("g", 4L);
    assertEquals(
        "{\"a\":1,\"b\":2,\"c\":\"1.0\",\"d\":null,\"e\":3,\"f\":\"x\",\"g\":4}",
        SafeSerializer.defaults().toJson(map));
  }

  @Test
  void containerItemsInAPropertyAreWrittenByTheirOwnClassWhenItChangesBetweenCalls() {
    SafeSerializer serializer = SafeSerializer.defaults();
    java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
    map.put("k", new BigDecimal("2.0"));
    Object[][] cases = {
      {List.of(1, 2), "[1,2]"},
      {List.of(1, 2), "[1,2]"},
      {List.of(new BigDecimal("1.0"), 3), "[\"1.0\",3]"},
      {List.of(List.of(true), List.of(5L)), "[[true],[5]]"},
      {new Object[] {UUID.fromString("00000000-0000-0000-0000-000000000001")},
        "[\"00000000-0000-0000-0000-000000000001\"]"},
      {map, "{\"k\":\"2.0\"}"},
      {List.of("a", 7), "[\"a\",7]"},
      {java.util.Optional.of(List.of(8, 9)), "[8,9]"},
      {List.of(new Holder(List.of(false)), new Holder(1)), "[{\"value\":[false]},{\"value\":1}]"},
      {List.of(1, 2), "[1,2]"},
    };
    for (Object[] c : cases) {
      assertEquals("{\"value\":" + c[1] + "}", serializer.toJson(new Holder(c[0])), c[1].toString());
    }
  }

  @Test
  void aStringIsPreQuotedOnlyWhenTheSameInstanceRepeatsAndIsPlainText() {
    SafeConfig config = TestConfigs.defaults();
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    ScalarWriter scalars = new ValueWriter(config, mapper, new TypeRules(config, mapper)).scalars;
    RuleSlot slot = new RuleSlot();
    String type = "chat.message";
    assertNull(slot.repeatedText(type, scalars), "first sighting");
    SerializableString quoted = slot.repeatedText(type, scalars);
    assertEquals(type, quoted.getValue());
    assertSame(quoted, slot.repeatedText(type, scalars));
    assertNull(slot.repeatedText(new String(type), scalars), "an equal string of another instance");
    for (String unsafe : new String[] {"caf\u00e9", "tab\t", "q\"", "back\\slash", "x".repeat(257)}) {
      RuleSlot fresh = new RuleSlot();
      fresh.repeatedText(unsafe, scalars);
      assertNull(fresh.repeatedText(unsafe, scalars), unsafe);
      assertNull(fresh.repeatedText(unsafe, scalars), unsafe);
    }
  }

  @Test
  void htmlSafeCharsArePlainTextOnlyWhenTheGeneratorDoesNotEscapeThem() {
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    SafeConfig plain = TestConfigs.defaults();
    SafeConfig htmlSafe = plain.withHtmlSafe(true);
    ScalarWriter plainScalars = new ValueWriter(plain, mapper, new TypeRules(plain, mapper)).scalars;
    ScalarWriter htmlScalars = new ValueWriter(htmlSafe, mapper, new TypeRules(htmlSafe, mapper)).scalars;
    for (String text : new String[] {"a<b", "a>b", "a&b", "it's"}) {
      assertTrue(plainScalars.isPlainText(text), text);
      assertFalse(htmlScalars.isPlainText(text), text);
    }
    assertTrue(htmlScalars.isPlainText("/var/lib ok-1.2@x"));
  }

  /** A bean with two string properties, for writing the same instances again and again. */
  public record Labelled(String kind, String text) {}

  @Test
  void repeatedStringInstancesAreWrittenExactlyAsFreshCopies() {
    String[] texts = {
      "chat.message", "a<b&c>", "it's", "/var/x", "x".repeat(40), "caf\u00e9 \u2615", "lone \uD800", ""
    };
    List<Labelled> shared = new ArrayList<>();
    List<Labelled> copies = new ArrayList<>();
    for (String text : texts) {
      for (int round = 0; round < 4; round++) {
        shared.add(new Labelled(texts[0], text));
        copies.add(new Labelled(new String(texts[0]), new String(text)));
      }
    }
    for (SafeSerializer serializer :
        List.of(
            SafeSerializer.defaults(),
            SafeSerializer.builder().htmlSafe(true).build(),
            SafeSerializer.builder().maxStringLength(16).build())) {
      assertEquals(serializer.serialize(copies).json(), serializer.serialize(shared).json(), serializer.toString());
      assertEquals(serializer.serialize(copies).incidents(), serializer.serialize(shared).incidents());
      assertArrayEquals(serializer.toJsonBytes(copies), serializer.toJsonBytes(shared), serializer.toString());
    }
  }
}
