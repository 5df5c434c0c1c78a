package io.safejson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.ValueTrees.Mood;
import io.safejson.ValueTrees.Obj;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/** Properties of {@link SafeSerializer} over generated value graphs with hostile values planted at known paths. */
@StatisticsReport(onFailureOnly = true)
class SafeSerializerProperties {
  static final int MAX_DEPTH = 16;
  static final int MAX_STRING = 64;
  static final int MAX_ITEMS = 32;

  static final SafeSerializer JSON =
      SafeSerializer.builder().maxDepth(MAX_DEPTH).maxStringLength(MAX_STRING).maxItems(MAX_ITEMS).build();
  static final ObjectMapper PLAIN = new ObjectMapper();

  /** The hostile values the generators plant, each with the incident it must produce. */
  enum Hostile {
    NAN(Incident.Kind.NON_FINITE),
    INFINITY(Incident.Kind.NON_FINITE),
    LONE_SURROGATE(Incident.Kind.INVALID_STRING),
    THROWING_GETTER(Incident.Kind.FAILED),
    THROWING_TO_STRING(Incident.Kind.FAILED),
    NO_PROPERTIES(Incident.Kind.UNKNOWN_TYPE),
    CYCLE(Incident.Kind.CYCLE),
    DEEP_CHAIN(Incident.Kind.MAX_DEPTH),
    LONG_STRING(Incident.Kind.TRUNCATED),
    LONG_LIST(Incident.Kind.TRUNCATED);

    final Incident.Kind kind;

    Hostile(Incident.Kind kind) {
      this.kind = kind;
    }
  }

  public static final class ThrowingGetter {
    public String getOk() {
      return "fine";
    }

    public String getBoom() {
      throw new IllegalStateException("boom");
    }
  }

  static final class ThrowingToString {
    @Override
    public String toString() {
      throw new UnsupportedOperationException("no toString today");
    }
  }

  /** A generated tree with hostile values planted in it. */
  record Planted(Obj tree, Map<String, Object> value, List<String> expectedIncidents, List<Hostile> kinds) {
    // The value may contain itself (a planted cycle): identity semantics keep jqwik from recursing into it.
    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }

    @Override
    public String toString() {
      return "Planted" + kinds + " in " + tree + ", expecting " + expectedIncidents;
    }
  }

  @Provide
  Arbitrary<Planted> planted() {
    Arbitrary<List<Map.Entry<Hostile, Integer>>> plants =
        ValueTrees.pairs(Arbitraries.of(Hostile.class), ValueTrees.selectors()).list().ofMaxSize(4);
    return Combinators.combine(ValueTrees.roots(), plants).as(SafeSerializerProperties::plant);
  }

  /** Containers of a built tree with their JSONPath and nesting depth (the root object is depth 1). */
  private record Container(Object container, String path, int depth) {}

  @SuppressWarnings("unchecked")
  private static void containers(Object value, String path, int depth, List<Container> out) {
    if (value instanceof Map<?, ?> map) {
      out.add(new Container(value, path, depth));
      for (Map.Entry<?, ?> e : new ArrayList<>(map.entrySet())) {
        containers(e.getValue(), ValueTrees.member(path, (String) e.getKey()), depth + 1, out);
      }
    } else if (value instanceof List<?> list) {
      out.add(new Container(value, path, depth));
      for (int i = 0; i < list.size(); i++) {
        containers(list.get(i), path + "[" + i + "]", depth + 1, out);
      }
    }
  }

  @SuppressWarnings("unchecked")
  static Planted plant(Obj tree, List<Map.Entry<Hostile, Integer>> plants) {
    Map<String, Object> root = (Map<String, Object>) ValueTrees.build(tree);
    List<Container> targets = new ArrayList<>();
    containers(root, "$", 1, targets);
    List<String> expected = new ArrayList<>();
    List<Hostile> kinds = new ArrayList<>();
    int n = 0;
    for (Map.Entry<Hostile, Integer> plant : plants) {
      Container target = targets.get(plant.getValue() % targets.size());
      Hostile hostile = plant.getKey();
      Object value = hostileValue(hostile, root);
      String path;
      if (target.container() instanceof Map) {
        String key = "planted" + n++;
        ((Map<String, Object>) target.container()).put(key, value);
        path = ValueTrees.member(target.path(), key);
      } else {
        List<Object> list = (List<Object>) target.container();
        path = target.path() + "[" + list.size() + "]";
        list.add(value);
      }
      if (hostile == Hostile.THROWING_GETTER) {
        path = path + ".boom";
      } else if (hostile == Hostile.DEEP_CHAIN) {
        path = path + "[0]".repeat(MAX_DEPTH - target.depth());
      }
      expected.add(path + " " + hostile.kind);
      kinds.add(hostile);
    }
    return new Planted(tree, root, expected, kinds);
  }

  static Object hostileValue(Hostile hostile, Object root) {
    switch (hostile) {
      case NAN:
        return Double.NaN;
      case INFINITY:
        return Float.POSITIVE_INFINITY;
      case LONE_SURROGATE:
        return "broken \uD800 text";
      case THROWING_GETTER:
        return new ThrowingGetter();
      case THROWING_TO_STRING:
        return new ThrowingToString();
      case NO_PROPERTIES:
        return new Object();
      case CYCLE:
        return root;
      case DEEP_CHAIN:
        List<Object> chain = new ArrayList<>();
        List<Object> current = chain;
        for (int i = 0; i < 3 * MAX_DEPTH; i++) {
          List<Object> next = new ArrayList<>();
          current.add(next);
          current = next;
        }
        return chain;
      case LONG_STRING:
        return "y".repeat(MAX_STRING * 3);
      case LONG_LIST:
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < MAX_ITEMS + 7; i++) {
          list.add(i);
        }
        return list;
      default:
        throw new AssertionError(hostile);
    }
  }

  @Property(tries = 300)
  void neverThrowsAndOutputParsesStrictly(@ForAll("planted") Planted planted) {
    for (Hostile kind : planted.kinds()) {
      Statistics.label("planted").collect(kind);
    }
    List<String> leaves = new ArrayList<>();
    ValueTrees.collectLabels(planted.tree(), leaves);
    leaves.forEach(label -> Statistics.label("leaf types").collect(label));
    Statistics.label("hostile values per tree").collect(planted.kinds().size());
    Statistics.label("planted").coverage(checker -> {
      for (Hostile kind : Hostile.values()) {
        checker.check(kind).count(c -> c >= 10);
      }
    });

    String json = JSON.toJson(planted.value());
    assertNull(StrictJson.problem(json), () -> json);
    byte[] bytes = JSON.toJsonBytes(planted.value());
    assertNull(StrictJson.problem(bytes));
    assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), bytes, "toJsonBytes is UTF-8 of toJson");
  }

  @Property(tries = 300)
  void everyPlantedValueGivesAnIncidentAtItsPathAndSafeValuesGiveNone(
      @ForAll("planted") Planted planted) {
    SafeResult result = JSON.serialize(planted.value());
    List<String> actual = new ArrayList<>();
    result.incidents().forEach(i -> actual.add(i.path() + " " + i.kind()));
    List<String> expected = new ArrayList<>(planted.expectedIncidents());
    Collections.sort(actual);
    Collections.sort(expected);
    assertEquals(expected, actual, result::json);
  }

  @Property(tries = 300)
  void siblingsOfHostileValuesSurviveWithTheirNormalizedValues(@ForAll("planted") Planted planted)
      throws Exception {
    Map<?, ?> parsed = PLAIN.readValue(JSON.toJson(planted.value()), Map.class);
    assertJsonLike(ValueTrees.expected(planted.tree()), parsed, "$");
  }

  /** Checks every expected member and item; the actual side may hold more (the planted values). */
  private static void assertJsonLike(Object expected, Object actual, String path) {
    if (expected instanceof Map<?, ?> map) {
      assertTrue(actual instanceof Map, path + " is an object");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Map<?, ?> actualMap = (Map<?, ?>) actual;
        assertTrue(actualMap.containsKey(e.getKey()), path + " keeps key " + e.getKey());
        assertJsonLike(e.getValue(), actualMap.get(e.getKey()), path + "." + e.getKey());
      }
    } else if (expected instanceof List<?> list) {
      assertTrue(actual instanceof List, path + " is an array");
      for (int i = 0; i < list.size(); i++) {
        assertJsonLike(list.get(i), ((List<?>) actual).get(i), path + "[" + i + "]");
      }
    } else if (expected instanceof Number number) {
      assertTrue(actual instanceof Number, path + " is a number: " + actual);
      assertEquals(
          0, new BigDecimal(number.toString()).compareTo(new BigDecimal(actual.toString())), path);
    } else {
      assertEquals(expected, actual, path);
    }
  }

  @Property(tries = 200)
  void aReusedGeneratorWriterWritesWhatToJsonWritesAndReportsToBothListeners(@ForAll("batches") List<Planted> batch)
      throws Exception {
    List<Incident> reported = new ArrayList<>();
    List<Incident> alsoReported = new ArrayList<>();
    SafeSerializer reporting = JSON.toBuilder().onIncident(reported::add).build();
    java.io.StringWriter out = new java.io.StringWriter();
    try (com.fasterxml.jackson.core.JsonGenerator generator = PLAIN.getFactory().createGenerator(out)) {
      SafeSerializer.GeneratorWriter values = reporting.writerFor(generator, alsoReported::add);
      generator.writeStartArray();
      for (Planted planted : batch) {
        values.write(planted.value());
      }
      generator.writeEndArray();
    }
    List<Object> expected = new ArrayList<>();
    List<Incident.Kind> expectedKinds = new ArrayList<>();
    for (Planted planted : batch) {
      SafeResult alone = JSON.serialize(planted.value());
      expected.add(PLAIN.readValue(alone.json(), Object.class));
      alone.incidents().forEach(i -> expectedKinds.add(i.kind()));
    }
    assertNull(StrictJson.problem(out.toString()), out::toString);
    assertEquals(expected, PLAIN.readValue(out.toString(), List.class));
    List<Incident.Kind> actualKinds = new ArrayList<>();
    reported.forEach(i -> actualKinds.add(i.kind()));
    Collections.sort(expectedKinds);
    Collections.sort(actualKinds);
    assertEquals(expectedKinds, actualKinds, "the same incidents, reported to onIncident");
    assertEquals(reported, alsoReported, "and to the writer's own listener, in the same order");
  }

  @Property(tries = 200)
  void toJsonValueEqualsWhatAParserReturnsForToJson(@ForAll("planted") Planted planted)
      throws Exception {
    Object parsed = PLAIN.readValue(JSON.toJson(planted.value()), Object.class);
    assertEquals(parsed, JSON.toJsonValue(planted.value()));
  }

  @Property(tries = 200)
  void sortedOutputIsIdenticalForEqualMapsBuiltInDifferentOrders(
      @ForAll("roots") Obj tree, @ForAll long seed) throws Exception {
    SafeSerializer sorted = JSON.toBuilder().sortKeys(true).build();
    Object inOrder = ValueTrees.build(tree);
    Object shuffled = shuffledCopy(inOrder, new Random(seed));
    String json = sorted.toJson(inOrder);
    assertEquals(json, sorted.toJson(shuffled));
    assertKeysSorted(PLAIN.readValue(json, Object.class));
  }

  @Provide
  Arbitrary<Obj> roots() {
    return ValueTrees.roots();
  }

  private static Object shuffledCopy(Object value, Random random) {
    if (value instanceof Map<?, ?> map) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
      Collections.shuffle(entries, random);
      Map<Object, Object> copy = new LinkedHashMap<>();
      entries.forEach(e -> copy.put(e.getKey(), shuffledCopy(e.getValue(), random)));
      return copy;
    } else if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(item -> copy.add(shuffledCopy(item, random)));
      return copy;
    }
    return value;
  }

  private static void assertKeysSorted(Object parsed) {
    if (parsed instanceof Map<?, ?> map) {
      List<String> keys = new ArrayList<>();
      map.keySet().forEach(k -> keys.add((String) k));
      List<String> sortedKeys = new ArrayList<>(keys);
      Collections.sort(sortedKeys);
      assertEquals(sortedKeys, keys);
      map.values().forEach(SafeSerializerProperties::assertKeysSorted);
    } else if (parsed instanceof List<?> list) {
      list.forEach(SafeSerializerProperties::assertKeysSorted);
    }
  }

  /** The shape of a typical service message, with every table type that reads back. */
  record Item(String name, int quantity, BigDecimal price) {}

  record Envelope(
      String type,
      UUID id,
      Instant at,
      OffsetDateTime offsetAt,
      Mood mood,
      BigDecimal cost,
      Path attachment,
      long sequence,
      LocalDate day,
      Duration elapsed,
      Optional<String> note,
      List<Item> items,
      Map<String, Integer> counts) {}

  @Provide
  Arbitrary<Envelope> envelopes() {
    Arbitrary<Item> items =
        Combinators.combine(
                ValueTrees.safeStrings(),
                Arbitraries.integers(),
                Arbitraries.bigDecimals().ofScale(3).between(new BigDecimal("-1e9"), new BigDecimal("1e9")))
            .as(Item::new);
    Arbitrary<Instant> instants =
        Combinators.combine(
                Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999))
            .as(Instant::ofEpochSecond);
    Arbitrary<OffsetDateTime> offsets =
        Combinators.combine(instants, Arbitraries.integers().between(-18 * 3600, 18 * 3600))
            .as((i, o) -> i.atOffset(ZoneOffset.ofTotalSeconds(o / 60 * 60)));
    return Combinators.combine(
            List.of(
                ValueTrees.safeStrings().asGeneric(),
                Arbitraries.create(UUID::randomUUID).asGeneric(),
                instants.asGeneric(),
                offsets.asGeneric(),
                Arbitraries.of(Mood.class).asGeneric(),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e12"), new BigDecimal("1e12")).ofScale(4).asGeneric(),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8).map(s -> Path.of("/data", s)).asGeneric(),
                Arbitraries.longs().asGeneric(),
                Arbitraries.integers().between(-100_000, 2_000_000).map(d -> LocalDate.ofEpochDay(d)).asGeneric(),
                Arbitraries.longs().between(0, 10_000_000).map(Duration::ofMillis).asGeneric(),
                ValueTrees.safeStrings().optional().asGeneric(),
                items.list().ofMaxSize(4).asGeneric(),
                Arbitraries.maps(ValueTrees.keys(), Arbitraries.integers()).ofMaxSize(4).asGeneric()))
        .as(v -> new Envelope(
            (String) v.get(0), (UUID) v.get(1), (Instant) v.get(2), (OffsetDateTime) v.get(3),
            (Mood) v.get(4), (BigDecimal) v.get(5), (Path) v.get(6), (Long) v.get(7),
            (LocalDate) v.get(8), (Duration) v.get(9), castOptional(v.get(10)), castList(v.get(11)),
            castMap(v.get(12))));
  }

  @SuppressWarnings("unchecked")
  private static Optional<String> castOptional(Object o) {
    return (Optional<String>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Item> castList(Object o) {
    return (List<Item>) o;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Integer> castMap(Object o) {
    return (Map<String, Integer>) o;
  }

  @Property(tries = 300)
  void recordsRoundTripThroughFromJson(@ForAll("envelopes") Envelope envelope) {
    String json = JSON.toJsonStrict(envelope);
    assertEquals(envelope, JSON.fromJson(json, Envelope.class), json);
    assertEquals(envelope, JSON.fromJson(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), Envelope.class),
        "the same document as UTF-8 bytes: " + json);
  }

  @Property(tries = 20)
  void oneInstanceUsedFromEightThreadsGivesIdenticalResults(@ForAll("batches") List<Planted> batch)
      throws Exception {
    List<String> expected = new ArrayList<>();
    for (Planted planted : batch) {
      expected.add(JSON.serialize(planted.value()).toString());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          List<String> results = new ArrayList<>();
          for (int round = 0; round < 5; round++) {
            results.clear();
            for (Planted planted : batch) {
              results.add(JSON.serialize(planted.value()).toString());
            }
          }
          return results;
        }));
      }
      Set<List<String>> distinct = new HashSet<>();
      for (Future<List<String>> future : futures) {
        distinct.add(future.get());
      }
      assertEquals(Set.of(expected), distinct);
    } finally {
      pool.shutdownNow();
    }
  }

  @Provide
  Arbitrary<List<Planted>> batches() {
    return planted().list().ofMinSize(5).ofMaxSize(20);
  }
}
