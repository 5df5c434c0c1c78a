package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;
import io.safejson.DecimalStyle;
import io.safejson.EnumStyle;
import io.safejson.LargeIntegerStyle;
import io.safejson.SafeSerializer;
import io.safejson.Sensitive;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which rule each class gets: the order of the decision and every row of the table. */
final class TypeRulesTest {
  /**
   * New for each test: rules are decided once per class and then cached, so a shared instance would answer
   * from its cache and never show a changed decision (PIT runs many mutants in one JVM).
   */
  private final TypeRules defaults = rules(TestConfigs.defaults());

  private static TypeRules rules(SafeConfig config) {
    return new TypeRules(config, new ObjectMapper());
  }

  private static SafeConfig config(
      EnumStyle enums, boolean sortKeys, Set<String> redact, List<SafeConfig.Converter> converters) {
    return new SafeConfig(
        enums,
        DecimalStyle.STRING,
        LargeIntegerStyle.NUMBER,
        null,
        SafeSerializer.DEFAULT_MAX_DEPTH,
        SafeSerializer.DEFAULT_MAX_STRING_LENGTH,
        SafeSerializer.DEFAULT_MAX_ITEMS,
        SafeSerializer.DEFAULT_MAX_VALUES,
        SafeSerializer.DEFAULT_MAX_INPUT_LENGTH,
        redact,
        sortKeys,
        false,
        null,
        converters,
        List.of());
  }

  private void assertShape(BuiltinRule expected, Class<?> type) {
    assertSame(expected, defaults.ruleFor(type), () -> "rule of " + type.getName());
    assertTrue(defaults.isTableType(type), () -> type.getName() + " is a table type");
  }

  /** A Number of no known kind. */
  static final class Ratio extends Number {
    private static final long serialVersionUID = 1L;

    @Override
    public int intValue() {
      return 0;
    }

    @Override
    public long longValue() {
      return 0;
    }

    @Override
    public float floatValue() {
      return 0;
    }

    @Override
    public double doubleValue() {
      return 0.5;
    }
  }

  @Test
  void eachScalarTypeHasItsOwnShape() {
    assertShape(BuiltinRule.CHAR_SEQUENCE, String.class);
    assertShape(BuiltinRule.CHAR_SEQUENCE, StringBuilder.class);
    assertShape(BuiltinRule.BOOLEAN, Boolean.class);
    for (Class<?> type : List.of(Integer.class, Short.class, Byte.class, AtomicInteger.class)) {
      assertShape(BuiltinRule.INT, type);
    }
    for (Class<?> type : List.of(Long.class, AtomicLong.class, LongAdder.class, LongAccumulator.class)) {
      assertShape(BuiltinRule.LONG, type);
    }
    assertShape(BuiltinRule.BIG_INTEGER, BigInteger.class);
    assertShape(BuiltinRule.FLOAT, Float.class);
    assertShape(BuiltinRule.BIG_DECIMAL, BigDecimal.class);
    for (Class<?> type : List.of(Double.class, DoubleAdder.class, Ratio.class)) {
      assertShape(BuiltinRule.DOUBLE, type);
    }
    assertShape(BuiltinRule.CHARACTER, Character.class);
    assertShape(BuiltinRule.OPTIONAL, Optional.class);
    assertShape(BuiltinRule.OPTIONAL_INT, OptionalInt.class);
    assertShape(BuiltinRule.OPTIONAL_LONG, OptionalLong.class);
    assertShape(BuiltinRule.OPTIONAL_DOUBLE, OptionalDouble.class);
    assertShape(BuiltinRule.ATOMIC_REFERENCE, AtomicReference.class);
    assertShape(BuiltinRule.ATOMIC_BOOLEAN, AtomicBoolean.class);
    assertShape(BuiltinRule.BYTES, byte[].class);
    assertShape(BuiltinRule.CHARS, char[].class);
    assertShape(BuiltinRule.ARRAY, int[].class);
    assertShape(BuiltinRule.ARRAY, String[].class);
    assertShape(BuiltinRule.ARRAY, Object[][].class);
  }

  /** An iterable that is not a collection. */
  static final class Numbers implements Iterable<Integer> {
    @Override
    public Iterator<Integer> iterator() {
      return List.of(1).iterator();
    }
  }

  @Test
  void eachContainerTypeHasItsOwnShape() {
    assertShape(BuiltinRule.JSON_NODE, ObjectNode.class);
    assertShape(BuiltinRule.MAP, HashMap.class);
    assertShape(BuiltinRule.COLLECTION, ArrayList.class);
    assertShape(BuiltinRule.COLLECTION, HashSet.class);
    assertShape(BuiltinRule.ITERABLE, Numbers.class);
    assertShape(BuiltinRule.ITERATOR, List.of(1).iterator().getClass());
    assertShape(BuiltinRule.ENUMERATION, StringTokenizer.class);
    assertShape(BuiltinRule.STREAM, Stream.of(1).getClass());
    assertShape(BuiltinRule.STREAM, IntStream.of(1).getClass());
    assertShape(BuiltinRule.THROWABLE, IllegalStateException.class);
    assertShape(BuiltinRule.THROWABLE, Error.class);
  }

  @Test
  void textTypesCarryTheirKind() {
    ValueRule instant = defaults.ruleFor(Instant.class);
    assertInstanceOf(TextRule.class, instant);
    assertTrue(defaults.isTableType(Instant.class));
    assertInstanceOf(TextRule.class, defaults.ruleFor(java.time.LocalDate.class));
  }

  enum Color {
    DARK_RED,
    LIGHT {
      @Override
      public String toString() {
        return "light!";
      }
    }
  }

  enum Coded {
    ONE;

    @JsonValue
    int code() {
      return 1;
    }
  }

  @Test
  void enumsGetTheirNamesInTheConfiguredStyleOnce() {
    ValueRule names = defaults.ruleFor(Color.class);
    assertInstanceOf(EnumRule.class, names);
    assertArrayEquals(new String[] {"DARK_RED", "LIGHT"}, ((EnumRule) names).names());
    ValueRule constantBody = defaults.ruleFor(Color.LIGHT.getClass());
    assertInstanceOf(EnumRule.class, constantBody);
    assertArrayEquals(new String[] {"DARK_RED", "LIGHT"}, ((EnumRule) constantBody).names());
    assertTrue(defaults.isTableType(Color.LIGHT.getClass()));

    TypeRules lower = rules(config(EnumStyle.LOWER_CASE, false, Set.of(), List.of()));
    assertArrayEquals(new String[] {"dark_red", "light"}, ((EnumRule) lower.ruleFor(Color.class)).names());
    TypeRules toString = rules(config(EnumStyle.TO_STRING, false, Set.of(), List.of()));
    assertInstanceOf(EnumRule.class, toString.ruleFor(Color.class));
    assertNull(((EnumRule) toString.ruleFor(Color.class)).names(), "written by toString() each time");
  }

  @Test
  void anEnumWithJsonValueIsWrittenThroughItsAccessor() {
    ValueRule rule = defaults.ruleFor(Coded.class);
    assertInstanceOf(JsonValueRule.class, rule);
    assertNotNull(rule);
    assertTrue(defaults.isTableType(Coded.class));
  }

  @Sensitive
  record Secret(String value) {}

  @Test
  void convertersComeFirstThenSensitiveTypes() {
    Function<Object, ?> epoch = value -> ((Instant) value).toEpochMilli();
    TypeRules converting =
        rules(config(EnumStyle.NAME, false, Set.of(), List.of(new SafeConfig.Converter(Instant.class, epoch))));
    ValueRule rule = converting.ruleFor(Instant.class);
    assertInstanceOf(ConvertedRule.class, rule);
    assertSame(epoch, ((ConvertedRule) rule).converter());
    assertTrue(converting.isTableType(Instant.class));

    TypeRules secretAsString =
        rules(config(EnumStyle.NAME, false, Set.of(), List.of(new SafeConfig.Converter(Secret.class, String::valueOf))));
    assertInstanceOf(ConvertedRule.class, secretAsString.ruleFor(Secret.class));
    assertSame(BuiltinRule.SENSITIVE, defaults.ruleFor(Secret.class));
    assertTrue(defaults.isTableType(Secret.class));
  }

  // ---- what Jackson decides ----

  @JsonPropertyOrder({"zeta", "alpha", "mid"})
  record Bean(String zeta, @Sensitive String alpha, @JsonInclude(JsonInclude.Include.NON_EMPTY) String mid) {}

  record Empty() {}

  static final class Wrapper {
    @JsonValue
    String text() {
      return "w";
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
  record Typed(int x) {}

  @JsonSerialize(using = ToStringSerializer.class)
  record Custom(int x) {}

  @Test
  void beansListTheirPropertiesWithTheirRedactionAndInclusion() {
    ValueRule rule = defaults.ruleFor(Bean.class);
    assertInstanceOf(BeanRule.class, rule);
    assertFalse(defaults.isTableType(Bean.class));
    assertEquals(3, ((BeanRule) rule).properties().length);
    assertEquals("zeta", ((BeanRule) rule).properties()[0].name());
    assertFalse(((BeanRule) rule).properties()[0].redacted());
    assertEquals("alpha", ((BeanRule) rule).properties()[1].name());
    assertTrue(((BeanRule) rule).properties()[1].redacted(), "@Sensitive");
    assertEquals(JsonInclude.Include.NON_EMPTY, ((BeanRule) rule).properties()[2].inclusion());
    assertNull(((BeanRule) rule).anyGetter());

    TypeRules sortedAndRedacting = rules(config(EnumStyle.NAME, true, Set.of("zeta"), List.of()));
    ValueRule sorted = sortedAndRedacting.ruleFor(Bean.class);
    assertEquals("alpha", ((BeanRule) sorted).properties()[0].name());
    assertEquals("mid", ((BeanRule) sorted).properties()[1].name());
    assertEquals("zeta", ((BeanRule) sorted).properties()[2].name());
    assertTrue(((BeanRule) sorted).properties()[2].redacted(), "redacted by name");
  }

  @Test
  void typesJacksonWritesItselfAreDelegatedAndEmptyOnesAreUnknown() {
    assertSame(BuiltinRule.DELEGATE, defaults.ruleFor(Typed.class));
    assertSame(BuiltinRule.DELEGATE, defaults.ruleFor(Custom.class));
    assertInstanceOf(JsonValueRule.class, defaults.ruleFor(Wrapper.class));
    ValueRule empty = defaults.ruleFor(Empty.class);
    assertInstanceOf(UnknownRule.class, empty);
    assertEquals("no properties; wrote toString()", ((UnknownRule) empty).reason());
    ValueRule object = defaults.ruleFor(Object.class);
    assertInstanceOf(UnknownRule.class, object);
    assertEquals("no properties; wrote toString()", ((UnknownRule) object).reason());
  }

  public static final class Conflicting {
    @JsonProperty("x")
    public int getA() {
      return 1;
    }

    @JsonProperty("x")
    public int getB() {
      return 2;
    }
  }

  @Test
  void aTypeJacksonCannotIntrospectIsUnknownWithJacksonsReason() {
    ValueRule rule = defaults.ruleFor(Conflicting.class);
    assertInstanceOf(UnknownRule.class, rule);
    assertTrue(
        ((UnknownRule) rule).reason().startsWith("Jackson could not introspect the type: "), ((UnknownRule) rule).reason());
  }

  public static final class OnlyExtras {
    @JsonAnyGetter
    public Map<String, Object> extras() {
      return new LinkedHashMap<>();
    }
  }

  @Test
  void aBeanWithOnlyAnAnyGetterIsStillABean() {
    ValueRule rule = defaults.ruleFor(OnlyExtras.class);
    assertInstanceOf(BeanRule.class, rule);
    assertEquals(0, ((BeanRule) rule).properties().length, "the any-getter is not a property");
    assertNotNull(((BeanRule) rule).anyGetter());
  }

  static final class Upper extends StdConverter<String, String> {
    @Override
    public String convert(String value) {
      return value.toUpperCase(java.util.Locale.ROOT);
    }
  }

  @JsonPropertyOrder({"raw", "using", "content", "converter", "contentConverter", "as", "plain"})
  public static final class Annotated {
    @JsonRawValue
    public String getRaw() {
      return "1";
    }

    @JsonSerialize(using = ToStringSerializer.class)
    public int getUsing() {
      return 1;
    }

    @JsonSerialize(contentUsing = ToStringSerializer.class)
    public List<Integer> getContent() {
      return List.of(1);
    }

    @JsonSerialize(converter = Upper.class)
    public String getConverter() {
      return "c";
    }

    @JsonSerialize(contentConverter = Upper.class)
    public List<String> getContentConverter() {
      return List.of("c");
    }

    @JsonSerialize(typing = JsonSerialize.Typing.STATIC)
    public String getAs() {
      return "a";
    }

    public String getPlain() {
      return "p";
    }
  }

  @Test
  void onlyPropertiesWithTheirOwnSerializationAreHandedToJackson() {
    ValueRule rule = defaults.ruleFor(Annotated.class);
    assertInstanceOf(BeanRule.class, rule, () -> String.valueOf(rule));
    BeanRule.Property[] properties = ((BeanRule) rule).properties();
    Map<String, Boolean> handed = new LinkedHashMap<>();
    for (BeanRule.Property property : properties) {
      handed.put(property.name(), property.jacksonSerializes());
    }
    Map<String, Boolean> expected = new LinkedHashMap<>();
    expected.put("raw", true);
    expected.put("using", true);
    expected.put("content", true);
    expected.put("converter", true);
    expected.put("contentConverter", true);
    expected.put("as", false);
    expected.put("plain", false);
    assertEquals(expected, handed);
  }

  public static final class KeyWritten {
    @JsonSerialize(keyUsing = ToStringSerializer.class)
    public Map<Integer, Integer> getByKey() {
      return Map.of(1, 2);
    }
  }

  @Test
  void aPropertyWithItsOwnKeySerializerIsHandedToJackson() {
    assertTrue(((BeanRule) defaults.ruleFor(KeyWritten.class)).properties()[0].jacksonSerializes());
  }

  @Test
  void eachClassIsDecidedOnce() {
    assertSame(defaults.ruleFor(Bean.class), defaults.ruleFor(Bean.class));
  }

  @Test
  void uniqueNamesNumberTheRepeatsFromTwo() {
    Set<String> taken = new HashSet<>();
    assertEquals("a", TypeRules.uniqueName(taken, "a"));
    assertEquals("a~2", TypeRules.uniqueName(taken, "a"));
    assertEquals("a~3", TypeRules.uniqueName(taken, "a"));
    assertEquals("b", TypeRules.uniqueName(taken, "b"));
    assertEquals(Set.of("a", "a~2", "a~3", "b"), taken);
  }
}
