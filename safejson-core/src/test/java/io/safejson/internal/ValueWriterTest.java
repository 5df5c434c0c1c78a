package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.safejson.EnumStyle;
import io.safejson.Incident;
import io.safejson.SafeResult;
import io.safejson.SafeSerializer;
import io.safejson.Sensitive;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** How each shape of value is written, and the exact incident every replacement reports. */
final class ValueWriterTest {
  private static final SafeSerializer JSON = SafeSerializer.defaults();
  private static final SafeSerializer SHORT_STRINGS = SafeSerializer.builder().maxStringLength(16).build();
  private static final SafeSerializer TWO_ITEMS = SafeSerializer.builder().maxItems(2).build();

  private static void assertWritten(
      SafeSerializer serializer, Object value, String json, Incident... incidents) {
    SafeResult result = serializer.serialize(value);
    assertEquals(json, result.json(), () -> "JSON of " + value);
    assertEquals(List.of(incidents), result.incidents(), () -> "incidents of " + value);
  }

  private static Incident incident(String path, Incident.Kind kind, Object value, String detail) {
    return new Incident(path, kind, value == null ? "null" : value.getClass().getName(), detail);
  }

  // ---- arrays and other sequences ----

  @Test
  void eachNestedArrayClosesWhereItEnds() {
    assertWritten(JSON, new Object[] {new int[] {1}, new int[] {2, 3}}, "[[1],[2,3]]");
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", new String[] {"x"});
    map.put("b", 2);
    assertWritten(JSON, map, "{\"a\":[\"x\"],\"b\":2}");
  }

  @Test
  void anArrayLongerThanMaxItemsEndsWithAMarkerAndSaysHowMuchItKept() {
    int[] three = {1, 2, 3};
    assertWritten(
        TWO_ITEMS,
        three,
        "[1,2,\"[TRUNCATED]\"]",
        incident("$", Incident.Kind.TRUNCATED, three, "kept 2 of 3 items"));
    assertWritten(TWO_ITEMS, new int[] {1, 2}, "[1,2]");
    assertWritten(TWO_ITEMS, List.of(new int[] {1, 2}), "[[1,2]]");
  }

  @Test
  void aSequenceOfUnknownLengthSaysMoreFollowed() {
    Iterator<Integer> iterator = List.of(1, 2, 3).iterator();
    assertWritten(
        TWO_ITEMS,
        iterator,
        "[1,2,\"[TRUNCATED]\"]",
        incident("$", Incident.Kind.TRUNCATED, iterator, "kept 2 items, more followed"));
    assertWritten(TWO_ITEMS, List.of(1, 2).iterator(), "[1,2]");
    assertWritten(TWO_ITEMS, Collections.enumeration(List.of(1, 2)), "[1,2]");
  }

  /** A list whose size() throws but which iterates normally. */
  static final class SizeThrows extends AbstractList<Integer> {
    @Override
    public Integer get(int index) {
      return index + 1;
    }

    @Override
    public int size() {
      throw new IllegalStateException("no size");
    }

    @Override
    public Iterator<Integer> iterator() {
      return List.of(1, 2, 3).iterator();
    }
  }

  @Test
  void aCollectionWhoseSizeThrowsIsWrittenAsASequenceOfUnknownLength() {
    SizeThrows list = new SizeThrows();
    assertWritten(
        TWO_ITEMS,
        list,
        "[1,2,\"[TRUNCATED]\"]",
        incident("$", Incident.Kind.TRUNCATED, list, "kept 2 items, more followed"));
  }

  /** An iterable whose iterator fails: at once, or after the first element. */
  record Failing(boolean atOnce) implements Iterable<Integer> {
    @Override
    public Iterator<Integer> iterator() {
      if (atOnce) {
        throw new IllegalStateException("no iterator");
      }
      return new Iterator<>() {
        private boolean first = true;

        @Override
        public boolean hasNext() {
          if (first) {
            return true;
          }
          throw new IllegalStateException("gone");
        }

        @Override
        public Integer next() {
          first = false;
          return 7;
        }
      };
    }
  }

  @Test
  void aFailingIterationKeepsWhatCameBeforeAndMarksWhereItStopped() {
    Failing atOnce = new Failing(true);
    assertWritten(
        JSON,
        atOnce,
        "\"[FAILED]\"",
        incident(
            "$",
            Incident.Kind.FAILED,
            atOnce,
            "iterator() threw: java.lang.IllegalStateException: no iterator"));
    Failing later = new Failing(false);
    assertWritten(
        JSON,
        later,
        "[7,\"[FAILED]\"]",
        incident(
            "$[1]",
            Incident.Kind.FAILED,
            later,
            "iteration threw after 1 items: java.lang.IllegalStateException: gone"));
  }

  // ---- strings and bytes ----

  @Test
  void aStringLongerThanMaxStringLengthIsCutThereAndSaysSo() {
    String seventeen = "abcdefghijklmnopq";
    assertWritten(
        SHORT_STRINGS,
        seventeen,
        "\"abcdefghijklmnop...[TRUNCATED]\"",
        incident("$", Incident.Kind.TRUNCATED, seventeen, "kept 16 of 17 chars"));
    assertWritten(SHORT_STRINGS, "abcdefghijklmnop", "\"abcdefghijklmnop\"");
    assertWritten(SHORT_STRINGS, new StringBuilder("abcdefghijklmnop"), "\"abcdefghijklmnop\"");
    assertWritten(SHORT_STRINGS, "abcdefghijklmnop".toCharArray(), "\"abcdefghijklmnop\"");
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String text = "a".repeat(15) + "\uD83D\uDE00z"; // the pair sits at 15 and 16
    assertEquals("\"" + "a".repeat(15) + "...[TRUNCATED]\"", SHORT_STRINGS.toJson(text));
    String pairBeforeTheCut = "a".repeat(14) + "\uD83D\uDE00zz";
    assertEquals(
        "\"" + "a".repeat(14) + "\uD83D\uDE00...[TRUNCATED]\"", SHORT_STRINGS.toJson(pairBeforeTheCut));
  }

  @Test
  void aLoneSurrogateIsReplacedAndItsIndexReported() {
    String text = "ab\uD800c";
    assertWritten(
        JSON,
        text,
        "\"ab\uFFFDc\"",
        incident("$", Incident.Kind.INVALID_STRING, text, "lone surrogate at index 2"));
  }

  @Test
  void stringsLongerThanTheScratchCharsAreCheckedAndRepairedAlike() {
    int scratch = WriteSession.SCRATCH_CHARS;
    for (int length : new int[] {scratch - 1, scratch, scratch + 1}) {
      String head = "\u00e9".repeat(length - 4);
      String text = head + "\uD83D\uDE00\uDC00x";
      assertEquals(length, text.length());
      String expected = "\"" + head + "\uD83D\uDE00\uFFFDx\"";
      assertWritten(
          JSON,
          text,
          expected,
          incident("$", Incident.Kind.INVALID_STRING, text, "lone surrogate at index " + (length - 2)));
      assertEquals(expected, new String(JSON.toJsonBytes(text), StandardCharsets.UTF_8), "bytes at " + length);
      String clean = head + "\uD83D\uDE00ok";
      assertEquals("\"" + clean + "\"", new String(JSON.toJsonBytes(clean), StandardCharsets.UTF_8));
    }
  }

  @Test
  void byteArraysAreCutToThreeQuartersOfMaxStringLength() {
    // 16 chars of base64 hold 12 bytes; 20 chars hold 15.
    byte[] thirteen = new byte[13];
    Arrays.fill(thirteen, (byte) 0xAB);
    String twelveBytes = Base64.getEncoder().encodeToString(Arrays.copyOf(thirteen, 12));
    assertEquals(16, twelveBytes.length());
    assertWritten(
        SHORT_STRINGS,
        thirteen,
        "\"" + twelveBytes + "\"",
        incident("$", Incident.Kind.TRUNCATED, thirteen, "kept 12 of 13 bytes"));
    assertWritten(SHORT_STRINGS, Arrays.copyOf(thirteen, 12), "\"" + twelveBytes + "\"");

    SafeSerializer twenty = SafeSerializer.builder().maxStringLength(20).build();
    byte[] sixteen = new byte[16];
    assertWritten(
        twenty,
        sixteen,
        "\"" + Base64.getEncoder().encodeToString(new byte[15]) + "\"",
        incident("$", Incident.Kind.TRUNCATED, sixteen, "kept 15 of 16 bytes"));
  }

  @Test
  void aUuidLongerThanMaxStringLengthIsCutLikeAnyText() {
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    assertWritten(
        SHORT_STRINGS,
        id,
        "\"123e4567-e89b-12...[TRUNCATED]\"",
        incident("$", Incident.Kind.TRUNCATED, id.toString(), "kept 16 of 36 chars"));
  }

  /** A char sequence whose toString() misbehaves. */
  record Text(String value, boolean fails) implements CharSequence {
    @Override
    public int length() {
      return 0;
    }

    @Override
    public char charAt(int index) {
      throw new IndexOutOfBoundsException();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return this;
    }

    @Override
    public String toString() {
      if (fails) {
        throw new IllegalStateException("no text");
      }
      return value;
    }
  }

  @Test
  void aCharSequenceWhoseTextIsNullOrThrowsIsNullOrFailed() {
    assertWritten(JSON, new Text(null, false), "null");
    Text failing = new Text("x", true);
    assertWritten(
        JSON,
        failing,
        "\"[FAILED]\"",
        incident(
            "$", Incident.Kind.FAILED, failing, "toString() threw: java.lang.IllegalStateException: no text"));
  }

  // ---- numbers and other scalars ----

  @Test
  void nonFiniteFloatsAndDoublesBecomeNullWithTheirValueInTheDetail() {
    assertWritten(
        JSON,
        Float.NaN,
        "null",
        incident("$", Incident.Kind.NON_FINITE, Float.NaN, "NaN written as null"));
    assertWritten(
        JSON,
        List.of(Double.NEGATIVE_INFINITY),
        "[null]",
        incident(
            "$[0]", Incident.Kind.NON_FINITE, Double.NEGATIVE_INFINITY, "-Infinity written as null"));
    assertWritten(JSON, 1.5f, "1.5");
  }

  /** A Number whose doubleValue() throws. */
  static final class BrokenNumber extends Number {
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
      throw new ArithmeticException("no value");
    }
  }

  @Test
  void aNumberWhoseValueThrowsIsFailed() {
    BrokenNumber number = new BrokenNumber();
    assertWritten(
        JSON,
        number,
        "\"[FAILED]\"",
        incident(
            "$",
            Incident.Kind.FAILED,
            number,
            "doubleValue() threw: java.lang.ArithmeticException: no value"));
  }

  @Test
  void optionalPrimitivesAndAtomicsAreTheirValueOrNull() {
    assertWritten(JSON, OptionalInt.of(3), "3");
    assertWritten(JSON, OptionalInt.empty(), "null");
    assertWritten(JSON, OptionalLong.of(4), "4");
    assertWritten(JSON, OptionalLong.empty(), "null");
    assertWritten(JSON, OptionalDouble.of(0.5), "0.5");
    assertWritten(JSON, OptionalDouble.empty(), "null");
    assertWritten(
        JSON,
        OptionalDouble.of(Double.NaN),
        "null",
        incident("$", Incident.Kind.NON_FINITE, Double.NaN, "NaN written as null"));
    assertWritten(JSON, new AtomicBoolean(true), "true");
    assertWritten(JSON, 'q', "\"q\"");
  }

  @Test
  void largeLongsInOptionalsFollowTheLargeIntegerStyle() {
    SafeSerializer js =
        SafeSerializer.builder().largeIntegers(io.safejson.LargeIntegerStyle.STRING_WHEN_UNSAFE).build();
    assertWritten(js, OptionalLong.of(1L << 60), "\"" + (1L << 60) + "\"");
    assertWritten(js, OptionalLong.of(5), "5");
  }

  // ---- wrappers ----

  private static Object wrapped(int times, Object inner) {
    Object value = inner;
    for (int i = 0; i < times; i++) {
      value = Optional.of(value);
    }
    return value;
  }

  @Test
  void sixteenWrappersAreUnwrappedAndASeventeenthIsTooDeep() {
    assertWritten(JSON, wrapped(16, "x"), "\"x\"");
    Object seventeen = wrapped(17, "x");
    assertWritten(
        JSON,
        seventeen,
        "\"[MAX_DEPTH]\"",
        incident("$", Incident.Kind.MAX_DEPTH, seventeen, "more than 16 nested wrappers"));
  }

  @Test
  void aReferenceToItselfIsACycle() {
    AtomicReference<Object> self = new AtomicReference<>();
    self.set(self);
    assertWritten(
        JSON,
        List.of(self),
        "[\"[CYCLE]\"]",
        incident("$[0]", Incident.Kind.CYCLE, self, "value unwraps to itself"));
    assertWritten(JSON, new AtomicReference<>(List.of(1)), "[1]");
  }

  @Test
  void aWrapperAndItsContentAreOneValueOfTheBudget() {
    SafeSerializer one = SafeSerializer.builder().maxValues(1).build();
    assertWritten(one, Optional.of(5), "5");
  }

  // ---- maxValues ----

  @Test
  void theValueThatPassesMaxValuesIsMarkedOnceAndEveryOpenContainerCloses() {
    SafeSerializer three = SafeSerializer.builder().maxValues(3).build();
    assertWritten(
        three,
        List.of(List.of(1, 2, 3), List.of(4)),
        "[[1,\"[TRUNCATED]\"]]",
        incident("$[0][1]", Incident.Kind.TRUNCATED, 2, "more than 3 values (maxValues)"));
    assertWritten(
        three,
        Arrays.asList(1, 2, null),
        "[1,2,\"[TRUNCATED]\"]",
        incident("$[2]", Incident.Kind.TRUNCATED, null, "more than 3 values (maxValues)"));
  }

  // ---- enums ----

  enum Loud {
    QUIET_ONE,
    SHOUT {
      @Override
      public String toString() {
        throw new IllegalStateException("too loud");
      }
    },
    SILENT {
      @Override
      public String toString() {
        return null;
      }
    }
  }

  @Test
  void enumsFollowTheirStyle() {
    SafeSerializer lower = SafeSerializer.builder().enumStyle(EnumStyle.LOWER_CASE).build();
    assertWritten(lower, Loud.QUIET_ONE, "\"quiet_one\"");
    assertWritten(lower, Loud.SHOUT, "\"shout\"");
    assertWritten(JSON, Loud.SHOUT, "\"SHOUT\"");
  }

  @Test
  void anEnumWhoseToStringFailsOrIsNullIsWrittenByName() {
    SafeSerializer toString = SafeSerializer.builder().enumStyle(EnumStyle.TO_STRING).build();
    assertWritten(
        toString,
        Loud.SHOUT,
        "\"SHOUT\"",
        incident(
            "$",
            Incident.Kind.FAILED,
            Loud.SHOUT,
            "toString() threw; wrote name(): java.lang.IllegalStateException: too loud"));
    assertWritten(toString, Loud.SILENT, "\"SILENT\"");
    assertWritten(toString, Loud.QUIET_ONE, "\"QUIET_ONE\"");
  }

  // ---- map keys ----

  enum Wire {
    ONE;

    @JsonValue
    int wire() {
      return 1;
    }
  }

  @Sensitive
  record Secret(String value) {}

  /** A value with no properties whose toString() throws. */
  static final class Unprintable {
    @Override
    public String toString() {
      throw new IllegalStateException("unprintable");
    }
  }

  @Test
  void mapKeysAreNormalizedByTheirType() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(new BigDecimal("1E+3"), "a");
    map.put(Wire.ONE, "b");
    map.put(new Secret("s"), "c");
    map.put(Loud.QUIET_ONE, "d");
    map.put(java.time.LocalDate.of(2026, 11, 30), "e");
    map.put(BigInteger.TEN, "f");
    assertWritten(
        JSON,
        map,
        "{\"1000\":\"a\",\"1\":\"b\",\"[REDACTED]\":\"c\",\"QUIET_ONE\":\"d\",\"2026-11-30\":\"e\",\"10\":\"f\"}");
    SafeSerializer lower = SafeSerializer.builder().enumStyle(EnumStyle.LOWER_CASE).build();
    assertEquals("{\"quiet_one\":1}", lower.toJson(Map.of(Loud.QUIET_ONE, 1)));
    SafeSerializer toString = SafeSerializer.builder().enumStyle(EnumStyle.TO_STRING).build();
    assertEquals("{\"[FAILED]\":1}", toString.toJson(Map.of(Loud.SHOUT, 1)));
  }

  @Test
  void aKeyWhoseTextThrowsBecomesTheFailedMarker() {
    assertEquals("{\"[FAILED]\":1}", JSON.toJson(Map.of(new Unprintable(), 1)));
  }

  // ---- values with no properties ----

  @Test
  void aValueWithoutPropertiesWhoseToStringThrowsIsFailed() {
    Unprintable value = new Unprintable();
    assertWritten(
        JSON,
        value,
        "\"[FAILED]\"",
        incident(
            "$",
            Incident.Kind.FAILED,
            value,
            "toString() threw: java.lang.IllegalStateException: unprintable"));
  }

  /** A value with no properties and a plain toString(). */
  static final class Plain {
    @Override
    public String toString() {
      return "plain";
    }
  }

  @Test
  void aValueWithoutPropertiesIsItsToStringWithTheReason() {
    Plain plain = new Plain();
    assertWritten(
        JSON,
        plain,
        "\"plain\"",
        incident("$", Incident.Kind.UNKNOWN_TYPE, plain, "no properties; wrote toString()"));
  }

  // ---- throwables ----

  static final class NoMessage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @Override
    public String getMessage() {
      throw new IllegalStateException("no message");
    }
  }

  static final class OwnCause extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OwnCause() {
      super("me");
    }

    @Override
    public synchronized Throwable getCause() {
      return this;
    }
  }

  static final class CauseThrows extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @Override
    public synchronized Throwable getCause() {
      throw new IllegalStateException("no cause");
    }
  }

  @Test
  void aThrowableWhoseMessageThrowsKeepsItsTypeAndEndsThere() {
    NoMessage error = new NoMessage();
    assertWritten(
        JSON,
        error,
        "{\"type\":\"" + NoMessage.class.getName() + "\",\"message\":\"[FAILED]\",\"cause\":null}",
        incident(
            "$.message",
            Incident.Kind.FAILED,
            error,
            "getMessage() threw: java.lang.IllegalStateException: no message"));
  }

  @Test
  void aThrowableInsideAnotherValueClosesItsObjectWhereverItEnds() {
    assertWritten(
        JSON,
        List.of(new CauseThrows(), 1),
        "[{\"type\":\"" + CauseThrows.class.getName() + "\",\"message\":null,\"cause\":null},1]");
    NoMessage error = new NoMessage();
    assertWritten(
        JSON,
        List.of(error, 2),
        "[{\"type\":\"" + NoMessage.class.getName() + "\",\"message\":\"[FAILED]\",\"cause\":null},2]",
        incident(
            "$[0].message",
            Incident.Kind.FAILED,
            error,
            "getMessage() threw: java.lang.IllegalStateException: no message"));
  }

  @Test
  void aThrowableThatIsItsOwnCauseIsACycleAndAThrowingCauseIsNull() {
    OwnCause own = new OwnCause();
    assertWritten(
        JSON,
        own,
        "{\"type\":\"" + OwnCause.class.getName() + "\",\"message\":\"me\",\"cause\":\"[CYCLE]\"}",
        incident("$.cause", Incident.Kind.CYCLE, own, "repeats an enclosing value"));
    assertWritten(
        JSON,
        new CauseThrows(),
        "{\"type\":\"" + CauseThrows.class.getName() + "\",\"message\":null,\"cause\":null}");
  }

  // ---- JSON nodes ----

  @Test
  void jsonNodesOfEveryKindAreWrittenWithTheSameChecks() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode object = nodes.objectNode();
    object.put("int", 7);
    object.put("long", 1L << 40);
    object.put("big", new BigInteger("123456789012345678901234567890"));
    object.put("decimal", new BigDecimal("1.5"));
    object.put("float", 2.5f);
    object.put("double", Double.NaN);
    object.put("bool", false);
    object.put("bytes", new byte[] {1, 2, 3});
    object.putNull("null");
    object.putPOJO("pojo", List.of(1));
    object.putArray("array").add(1).add("two");
    assertWritten(
        JSON,
        object,
        "{\"int\":7,\"long\":1099511627776,\"big\":123456789012345678901234567890,\"decimal\":1.5,"
            + "\"float\":2.5,\"double\":null,\"bool\":false,\"bytes\":\"AQID\",\"null\":null,"
            + "\"pojo\":[1],\"array\":[1,\"two\"]}",
        incident("$.double", Incident.Kind.NON_FINITE, Double.NaN, "NaN written as null"));
    JsonNode missing = nodes.missingNode();
    assertWritten(JSON, missing, "null");
  }

  @Test
  void anArrayNodeLongerThanMaxItemsSaysHowManyItHad() {
    JsonNode array = JsonNodeFactory.instance.arrayNode().add(1).add(2).add(3);
    assertWritten(
        TWO_ITEMS,
        array,
        "[1,2,\"[TRUNCATED]\"]",
        incident("$", Incident.Kind.TRUNCATED, array, "kept 2 of 3 items"));
  }

  // ---- depth ----

  @Test
  void aContainerDeeperThanMaxDepthIsMarkedWithTheLimit() {
    SafeSerializer two = SafeSerializer.builder().maxDepth(2).build();
    List<Object> deep = List.of(List.of(List.of(1)));
    assertWritten(
        two,
        deep,
        "[[\"[MAX_DEPTH]\"]]",
        incident("$[0][0]", Incident.Kind.MAX_DEPTH, List.of(1), "nested deeper than 2"));
    assertWritten(two, List.of(List.of(1)), "[[1]]");
  }

  @Test
  void valuesInsideAnotherGeneratorCountDepthFromWhereTheyStart() throws Exception {
    SafeSerializer two = SafeSerializer.builder().maxDepth(2).build();
    java.io.StringWriter out = new java.io.StringWriter();
    try (com.fasterxml.jackson.core.JsonGenerator generator =
        new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
      generator.writeStartArray();
      generator.writeStartArray();
      two.writeTo(generator, List.of(List.of(1)));
      generator.writeEndArray();
      generator.writeEndArray();
    }
    assertEquals("[[[[1]]]]", out.toString());
  }

  @Test
  void aListThatHoldsItselfIsACycleAtTheRepeat() {
    List<Object> list = new ArrayList<>();
    list.add(1);
    list.add(list);
    assertWritten(
        JSON,
        list,
        "[1,\"[CYCLE]\"]",
        incident("$[1]", Incident.Kind.CYCLE, list, "repeats an enclosing value"));
  }

  // ---- converters, @JsonValue and Jackson's own serializers ----

  /** A value whose @JsonValue accessor throws, or returns the value itself. */
  static final class Odd {
    private final boolean fails;

    Odd(boolean fails) {
      this.fails = fails;
    }

    @JsonValue
    Object value() {
      if (fails) {
        throw new IllegalStateException("no value");
      }
      return this;
    }
  }

  @Test
  void aJsonValueAccessorThatThrowsOrReturnsItsOwnerIsReported() {
    Odd failing = new Odd(true);
    SafeResult result = JSON.serialize(failing);
    assertEquals("\"[FAILED]\"", result.json());
    assertEquals(1, result.incidents().size());
    Incident incident = result.incidents().get(0);
    assertEquals(Incident.Kind.FAILED, incident.kind());
    assertEquals(Odd.class.getName(), incident.type());
    // Jackson wraps what the accessor threw; the detail names the accessor and keeps the message.
    assertTrue(incident.detail().startsWith("@JsonValue accessor threw: "), incident.detail());
    assertTrue(incident.detail().endsWith("no value"), incident.detail());
    Odd self = new Odd(false);
    assertWritten(
        JSON, self, "\"[CYCLE]\"", incident("$", Incident.Kind.CYCLE, self, "value unwraps to itself"));
  }

  static final class Celsius {
    final double degrees;

    Celsius(double degrees) {
      this.degrees = degrees;
    }
  }

  @Test
  void aConverterThatThrowsIsFailedAndOneThatReturnsItsInputIsACycle() {
    SafeSerializer converting =
        SafeSerializer.builder()
            .addConverter(
                Celsius.class,
                c -> {
                  if (c.degrees < -273.15) {
                    throw new IllegalArgumentException("below absolute zero");
                  }
                  return c.degrees == 0 ? c : c.degrees + " C";
                })
            .build();
    assertWritten(converting, new Celsius(21), "\"21.0 C\"");
    Celsius impossible = new Celsius(-300);
    assertWritten(
        converting,
        impossible,
        "\"[FAILED]\"",
        incident(
            "$",
            Incident.Kind.FAILED,
            impossible,
            "converter threw: java.lang.IllegalArgumentException: below absolute zero"));
    // A class the normalization table does not know, returned by its own converter, is unwrapped to the limit.
    Celsius zero = new Celsius(0);
    assertWritten(
        converting, zero, "\"[CYCLE]\"", incident("$", Incident.Kind.CYCLE, zero, "value unwraps to itself"));
  }

  static final class Refusing extends com.fasterxml.jackson.databind.ser.std.StdSerializer<Guarded> {
    private static final long serialVersionUID = 1L;

    Refusing() {
      super(Guarded.class);
    }

    @Override
    public void serialize(
        Guarded value,
        com.fasterxml.jackson.core.JsonGenerator gen,
        com.fasterxml.jackson.databind.SerializerProvider provider)
        throws java.io.IOException {
      throw new java.io.IOException("refused");
    }
  }

  @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = Refusing.class)
  static final class Guarded {}

  @Test
  void aTypeWhoseJacksonSerializerThrowsIsFailed() {
    Guarded guarded = new Guarded();
    assertWritten(
        JSON,
        List.of(guarded),
        "[\"[FAILED]\"]",
        incident("$[0]", Incident.Kind.FAILED, guarded, "Jackson serializer threw: java.io.IOException: refused"));
  }
}
