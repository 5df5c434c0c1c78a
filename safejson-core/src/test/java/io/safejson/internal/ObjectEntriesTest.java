package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.safejson.Incident;
import io.safejson.SafeResult;
import io.safejson.SafeSerializer;
import io.safejson.Sensitive;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** How objects (maps, beans, object nodes) get their keys, and what each fix to a key or entry reports. */
final class ObjectEntriesTest {
  private static final SafeSerializer JSON = SafeSerializer.defaults();

  private static void assertWritten(
      SafeSerializer serializer, Object value, String json, Incident... incidents) {
    SafeResult result = serializer.serialize(value);
    assertEquals(json, result.json(), () -> "JSON of " + value);
    assertEquals(List.of(incidents), result.incidents(), () -> "incidents of " + value);
  }

  private static Incident incident(String path, Incident.Kind kind, Object value, String detail) {
    return new Incident(path, kind, value.getClass().getName(), detail);
  }

  @SafeVarargs
  private static <V> Map<Object, V> ordered(Map.Entry<?, V>... entries) {
    Map<Object, V> map = new LinkedHashMap<>();
    for (Map.Entry<?, V> entry : entries) {
      map.put(entry.getKey(), entry.getValue());
    }
    return map;
  }

  // ---- cutting at maxItems ----

  @Test
  void aMapLongerThanMaxItemsEndsWithACountAndReportsWhatItKept() {
    SafeSerializer two = SafeSerializer.builder().maxItems(2).build();
    Map<Object, Integer> map = ordered(Map.entry("a", 1), Map.entry("b", 2), Map.entry("c", 3));
    assertWritten(
        two,
        map,
        "{\"a\":1,\"b\":2,\"[TRUNCATED]\":1}",
        incident("$", Incident.Kind.TRUNCATED, map, "kept 2 of 3 entries"));
    assertWritten(
        two,
        Map.of("m", map),
        "{\"m\":{\"a\":1,\"b\":2,\"[TRUNCATED]\":1}}",
        incident("$.m", Incident.Kind.TRUNCATED, map, "kept 2 of 3 entries"));
    assertWritten(two, ordered(Map.entry("a", 1), Map.entry("b", 2)), "{\"a\":1,\"b\":2}");
  }

  @Test
  void theCountMarkerNeverTakesAKeyTheObjectAlreadyHas() {
    SafeSerializer one = SafeSerializer.builder().maxItems(1).build();
    Map<Object, Integer> map = ordered(Map.entry("[TRUNCATED]", 5), Map.entry("b", 6), Map.entry("c", 7));
    assertWritten(
        one,
        map,
        "{\"[TRUNCATED]\":5,\"[TRUNCATED]~2\":2}",
        incident("$", Incident.Kind.TRUNCATED, map, "kept 1 of 3 entries"));
  }

  @Test
  void sortedObjectsKeepTheFirstKeysInSortOrder() {
    SafeSerializer sortedTwo = SafeSerializer.builder().sortKeys(true).maxItems(2).build();
    Map<Object, Integer> map = ordered(Map.entry("c", 3), Map.entry("a", 1), Map.entry("b", 2));
    assertWritten(
        sortedTwo,
        map,
        "{\"a\":1,\"b\":2,\"[TRUNCATED]\":1}",
        incident("$", Incident.Kind.TRUNCATED, map, "kept 2 of 3 entries"));
  }

  // ---- key collisions and key fixes ----

  @Test
  void aRenamedKeyIsSortedUnderItsNewName() {
    SafeSerializer sorted = SafeSerializer.builder().sortKeys(true).build();
    // 'a' and "a" collide; the second becomes "a~2", which sorts after "a0" ('~' > '0').
    Map<Object, Integer> map = ordered(Map.entry("a", 1), Map.entry('a', 2), Map.entry("a0", 3));
    assertWritten(
        sorted,
        map,
        "{\"a\":1,\"a0\":3,\"a~2\":2}",
        incident(
            "$['a~2']", Incident.Kind.DUPLICATE_KEY, 'a', "key 'a' already present; renamed"));
  }

  @Test
  void aThirdCollidingKeyGetsTheNextFreeNumber() {
    Map<Object, Integer> map =
        ordered(Map.entry("1", 1), Map.entry(1, 2), Map.entry(1L, 3), Map.entry("1~2", 4));
    SafeResult result = JSON.serialize(map);
    assertEquals("{\"1\":1,\"1~2\":2,\"1~3\":3,\"1~2~2\":4}", result.json());
    assertEquals(3, result.incidents().size());
  }

  @Test
  void aKeyLongerThanMaxStringLengthIsCutAndReportedAtItsNewName() {
    SafeSerializer shortStrings = SafeSerializer.builder().maxStringLength(16).build();
    String key = "abcdefghijklmnopq";
    assertWritten(
        shortStrings,
        Map.of(key, 1),
        "{\"abcdefghijklmnop...[TRUNCATED]\":1}",
        incident(
            "$['abcdefghijklmnop...[TRUNCATED]']",
            Incident.Kind.TRUNCATED,
            key,
            "key cut to 16 of 17 chars"));
    assertWritten(shortStrings, Map.of("abcdefghijklmnop", 1), "{\"abcdefghijklmnop\":1}");
  }

  @Test
  void aLoneSurrogateInAKeyIsReplacedAndReported() {
    String key = "ke\uDC00y";
    assertWritten(
        JSON,
        Map.of(key, 1),
        "{\"ke\uFFFDy\":1}",
        incident(
            "$['ke\uFFFDy']", Incident.Kind.INVALID_STRING, key, "lone surrogate in key at index 2"));
  }

  enum Field {
    SECRET
  }

  @Test
  void redactionAppliesToTheNormalizedKey() {
    SafeSerializer redacting = SafeSerializer.builder().redact("secret").build();
    assertWritten(redacting, Map.of(Field.SECRET, "x"), "{\"SECRET\":\"[REDACTED]\"}");
    assertWritten(redacting, Map.of("Secret", "x"), "{\"Secret\":\"[REDACTED]\"}");
    assertWritten(redacting, Map.of("public", "x"), "{\"public\":\"x\"}");
  }

  // ---- maps that fail ----

  /** A map with integer keys whose entries fail: entrySet() itself, or the second step of iterating. */
  static final class FailingMap extends AbstractMap<Object, String> {
    private final boolean entrySetThrows;
    private final Object firstKey;

    FailingMap(boolean entrySetThrows, Object firstKey) {
      this.entrySetThrows = entrySetThrows;
      this.firstKey = firstKey;
    }

    @Override
    public Set<Map.Entry<Object, String>> entrySet() {
      if (entrySetThrows) {
        throw new IllegalStateException("no entries");
      }
      return new AbstractSet<>() {
        @Override
        public int size() {
          return 2;
        }

        @Override
        public Iterator<Map.Entry<Object, String>> iterator() {
          return new Iterator<>() {
            private int served;

            @Override
            public boolean hasNext() {
              return true;
            }

            @Override
            public Map.Entry<Object, String> next() {
              if (served++ > 0) {
                throw new IllegalStateException("gone");
              }
              return Map.entry(firstKey, "a");
            }
          };
        }
      };
    }
  }

  @Test
  void aMapWhoseEntriesCannotBeListedIsFailed() {
    FailingMap map = new FailingMap(true, 1);
    assertWritten(
        JSON,
        map,
        "\"[FAILED]\"",
        incident(
            "$", Incident.Kind.FAILED, map, "entrySet() threw: java.lang.IllegalStateException: no entries"));
  }

  @Test
  void aMapWhoseIterationFailsKeepsTheEntriesBeforeAndMarksTheRest() {
    FailingMap map = new FailingMap(false, 1);
    assertWritten(
        JSON,
        map,
        "{\"1\":\"a\",\"[FAILED]\":\"[FAILED]\",\"[TRUNCATED]\":1}",
        incident(
            "$['[FAILED]']",
            Incident.Kind.FAILED,
            map,
            "iteration threw: java.lang.IllegalStateException: gone"),
        incident("$", Incident.Kind.TRUNCATED, map, "kept 1 of 2 entries"));
  }

  @Test
  void aMapWithStringKeysWhoseIterationFailsKeepsTheEntriesBefore() {
    FailingMap map = new FailingMap(false, "k");
    SafeResult result = JSON.serialize(map);
    assertEquals(
        "{\"k\":\"a\",\"[FAILED]\":\"[FAILED]\",\"[TRUNCATED]\":1}", result.json());
    assertEquals(2, result.incidents().size());
  }

  /** A value whose toString() throws, used as a map key. */
  static final class Unprintable {
    @Override
    public String toString() {
      throw new IllegalStateException("unprintable");
    }
  }

  @Test
  void aKeyWhoseTextThrowsIsReportedAsFailed() {
    SafeResult result = JSON.serialize(Map.of(new Unprintable(), 1));
    assertEquals("{\"[FAILED]\":1}", result.json());
    assertEquals(1, result.incidents().size(), () -> "incidents: " + result.incidents());
    assertEquals(Incident.Kind.FAILED, result.incidents().get(0).kind());
    assertEquals(Unprintable.class.getName(), result.incidents().get(0).type());
  }

  // ---- beans: inclusion ----

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"text", "list", "map", "array", "opt", "ref", "none"})
  record NonEmpty(
      String text,
      List<Integer> list,
      Map<String, Integer> map,
      int[] array,
      Optional<String> opt,
      AtomicReference<String> ref,
      String none) {}

  @Test
  void nonEmptyLeavesOutEmptyAndAbsentValues() {
    assertWritten(
        JSON,
        new NonEmpty("", List.of(), Map.of(), new int[0], Optional.empty(), new AtomicReference<>(), null),
        "{}");
    assertWritten(
        JSON,
        new NonEmpty("t", List.of(1), Map.of("k", 2), new int[] {3}, Optional.of("o"), new AtomicReference<>("r"), "n"),
        "{\"text\":\"t\",\"list\":[1],\"map\":{\"k\":2},\"array\":[3],\"opt\":\"o\",\"ref\":\"r\",\"none\":\"n\"}");
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"text", "secret"})
  record NonEmptySecret(String text, @Sensitive String secret) {}

  @Test
  void nonEmptyJudgesASensitiveValueByItsTextAndAConvertedValueIsNeverEmpty() {
    assertWritten(JSON, new NonEmptySecret("", ""), "{}");
    assertWritten(JSON, new NonEmptySecret("t", "s"), "{\"text\":\"t\",\"secret\":\"[REDACTED]\"}");
    // The converter decides what an empty string becomes, so the property is written (null still is not).
    SafeSerializer bracketed = SafeSerializer.builder().addConverter(String.class, s -> "<" + s + ">").build();
    assertWritten(bracketed, new NonEmptySecret("", null), "{\"text\":\"<>\"}");
  }

  @Test
  void aConverterIsNotAppliedToItsOwnResult() {
    SafeSerializer trimming = SafeSerializer.builder().addConverter(String.class, String::strip).build();
    // strip() returns the same instance when there is nothing to strip: not a cycle either.
    assertWritten(trimming, List.of(" a ", "b", Map.of("k", " v")), "[\"a\",\"b\",{\"k\":\"v\"}]");
    SafeSerializer wrapped =
        SafeSerializer.builder()
            .addConverter(CharSequence.class, c -> new StringBuilder("<").append(c).append('>'))
            .build();
    assertWritten(wrapped, List.of("x"), "[\"<x>\"]");
  }

  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  @JsonPropertyOrder({"text", "opt", "ref", "none"})
  record NonAbsent(String text, Optional<String> opt, AtomicReference<String> ref, String none) {}

  @Test
  void nonAbsentLeavesOutNullsAndEmptyReferencesButKeepsEmptyText() {
    assertWritten(
        JSON, new NonAbsent("", Optional.empty(), new AtomicReference<>(), null), "{\"text\":\"\"}");
    assertWritten(
        JSON,
        new NonAbsent("t", Optional.of("o"), new AtomicReference<>("r"), "n"),
        "{\"text\":\"t\",\"opt\":\"o\",\"ref\":\"r\",\"none\":\"n\"}");
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"text", "opt", "none"})
  record NonNull(String text, Optional<String> opt, String none) {}

  @Test
  void nonNullLeavesOutOnlyNulls() {
    assertWritten(JSON, new NonNull("", Optional.empty(), null), "{\"text\":\"\",\"opt\":null}");
  }

  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  record NonDefault(String text, List<Integer> list) {}

  @Test
  void nonDefaultLeavesOutEmptyValuesToo() {
    assertWritten(JSON, new NonDefault("", List.of()), "{}");
    assertWritten(JSON, new NonDefault("t", List.of(1)), "{\"text\":\"t\",\"list\":[1]}");
  }

  @JsonPropertyOrder({"text", "none"})
  record Always(String text, String none) {}

  @Test
  void byDefaultNullsAreWritten() {
    assertWritten(JSON, new Always("", null), "{\"text\":\"\",\"none\":null}");
  }

  // ---- beans: failures, redaction, Jackson-written properties ----

  public static final class ThrowingGetter {
    public String getBroken() {
      throw new IllegalStateException("database is down");
    }
  }

  @Test
  void aThrowingGetterIsReportedWithThePropertyName() {
    ThrowingGetter bean = new ThrowingGetter();
    assertWritten(
        JSON,
        bean,
        "{\"broken\":\"[FAILED]\"}",
        incident(
            "$.broken",
            Incident.Kind.FAILED,
            bean,
            "getter for 'broken' threw: java.lang.IllegalStateException: database is down"));
  }

  static final class Shouting extends StdSerializer<String> {
    private static final long serialVersionUID = 1L;

    Shouting() {
      super(String.class);
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value.isEmpty()) {
        throw new IOException("nothing to shout");
      }
      gen.writeString(value.toUpperCase(java.util.Locale.ROOT));
    }
  }

  @JsonPropertyOrder({"name", "pin", "loud"})
  record Custom(
      String name,
      @Sensitive @JsonSerialize(using = Shouting.class) String pin,
      @JsonSerialize(using = Shouting.class) String loud) {}

  @Test
  void propertiesJacksonWritesAreCheckedRedactedAndTheirFailuresReported() {
    assertWritten(
        JSON, new Custom("n", "1234", "hi"), "{\"name\":\"n\",\"pin\":\"[REDACTED]\",\"loud\":\"HI\"}");
    Custom failing = new Custom("n", "1234", "");
    assertWritten(
        JSON,
        failing,
        "{\"name\":\"n\",\"pin\":\"[REDACTED]\",\"loud\":\"[FAILED]\"}",
        incident(
            "$.loud",
            Incident.Kind.FAILED,
            failing,
            "Jackson serializer for 'loud' threw: java.io.IOException: nothing to shout"));
  }

  // ---- beans with an any-getter ----

  @JsonPropertyOrder({"id", "pin", "broken"})
  public static final class Extensible {
    private final Map<String, Object> extra;
    private final boolean anyThrows;

    Extensible(Map<String, Object> extra, boolean anyThrows) {
      this.extra = extra;
      this.anyThrows = anyThrows;
    }

    public int getId() {
      return 7;
    }

    @Sensitive
    public String getPin() {
      return "1234";
    }

    public String getBroken() {
      throw new IllegalStateException("broken getter");
    }

    @JsonAnyGetter
    public Map<String, Object> extra() {
      if (anyThrows) {
        throw new IllegalStateException("no extras");
      }
      return extra;
    }
  }

  @Test
  void anyGetterEntriesFollowThePropertiesWithTheSameRules() {
    SafeSerializer redacting = SafeSerializer.builder().redact("token").build();
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("token", "t-1");
    extra.put("id", 8);
    extra.put("note", "n");
    Extensible bean = new Extensible(extra, false);
    assertWritten(
        redacting,
        bean,
        "{\"id\":7,\"pin\":\"[REDACTED]\",\"broken\":\"[FAILED]\",\"token\":\"[REDACTED]\",\"id~2\":8,"
            + "\"note\":\"n\"}",
        incident(
            "$.broken",
            Incident.Kind.FAILED,
            bean,
            "getter for 'broken' threw: java.lang.IllegalStateException: broken getter"),
        incident("$['id~2']", Incident.Kind.DUPLICATE_KEY, "id", "key 'id' already present; renamed"));
  }

  @Test
  void aThrowingAnyGetterKeepsThePropertiesAndAddsAFailedEntry() {
    Extensible bean = new Extensible(Map.of(), true);
    SafeResult result = JSON.serialize(bean);
    assertEquals(
        "{\"id\":7,\"pin\":\"[REDACTED]\",\"broken\":\"[FAILED]\",\"[FAILED]\":\"[FAILED]\"}",
        result.json());
    assertEquals(2, result.incidents().size());
    Incident anyGetter = result.incidents().get(1);
    assertEquals("$['[FAILED]']", anyGetter.path());
    assertEquals(Incident.Kind.FAILED, anyGetter.kind());
    assertEquals(Extensible.class.getName(), anyGetter.type());
    // Jackson wraps what the any-getter threw in its own exception; the original message is kept.
    assertTrue(anyGetter.detail().startsWith("iteration threw: "), anyGetter.detail());
    assertTrue(anyGetter.detail().endsWith("no extras"), anyGetter.detail());
  }

  @Test
  void anyGetterEntriesCountTowardsMaxItems() {
    SafeSerializer three = SafeSerializer.builder().maxItems(3).build();
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("a", 1);
    extra.put("b", 2);
    Extensible bean = new Extensible(extra, false);
    SafeResult result = three.serialize(bean);
    assertEquals(
        "{\"id\":7,\"pin\":\"[REDACTED]\",\"broken\":\"[FAILED]\",\"[TRUNCATED]\":2}", result.json());
    assertEquals(
        incident("$", Incident.Kind.TRUNCATED, bean, "kept 3 of 5 entries"),
        result.incidents().get(1));
  }

  private static List<String> incidentLines(SafeResult result) {
    return result.incidents().stream().map(i -> i.path() + " " + i.kind() + ": " + i.detail()).toList();
  }

  @Test
  void repairedKeyThatCollidesReportsTheRepairAndTheRename() {
    // Found by SafeSerializerFuzzTest: the rename used to replace the INVALID_STRING incident.
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a\uFFFD", 1);
    map.put("a\uD800", 2);

    SafeResult result = SafeSerializer.defaults().serialize(map);

    assertEquals("{\"a\uFFFD\":1,\"a\uFFFD~2\":2}", result.json());
    assertEquals(
        List.of(
            "$['a\uFFFD~2'] INVALID_STRING: lone surrogate in key at index 1",
            "$['a\uFFFD~2'] DUPLICATE_KEY: key 'a\uFFFD' already present; renamed"),
        incidentLines(result));
  }

  @Test
  void keyThatIsCutAndRepairedReportsBoth() {
    Map<String, Object> map = Map.of("\uDC00" + "b".repeat(20), 1);

    SafeResult result = SafeSerializer.builder().maxStringLength(16).build().serialize(map);

    assertEquals("{\"\uFFFD" + "b".repeat(15) + "...[TRUNCATED]\":1}", result.json());
    assertEquals(
        List.of(Incident.Kind.TRUNCATED, Incident.Kind.INVALID_STRING),
        result.incidents().stream().map(Incident::kind).toList());
  }
}
