package io.safejson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The core writes a Jackson 3 tree ({@code tools.jackson.databind.JsonNode}) as the JSON it holds, by the rules
 * it applies to a Jackson 2 tree, though it does not depend on Jackson 3: the oracle is the core's output for the
 * same tree built with Jackson 2's nodes, a separate code path.
 */
@StatisticsReport(onFailureOnly = true)
final class Jackson3TreeProperties {
  private static final com.fasterxml.jackson.databind.node.JsonNodeFactory J2 =
      com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true);
  private static final JsonNodeFactory J3 = JsonNodeFactory.instance;

  /** One generated tree, built twice: with Jackson 2's nodes and with Jackson 3's. */
  record Twin(com.fasterxml.jackson.databind.JsonNode jackson2, JsonNode jackson3, List<String> kinds) {}

  private final List<Incident> incidents = new ArrayList<>();
  private final SafeSerializer serializer = SafeSerializer.builder().onIncident(incidents::add).build();

  @Example
  void anObjectNodeKeepsItsKeysWhereAPlainIterableWouldLoseThem() throws Exception {
    String text = "{\"a\":1,\"b\":[true,\"x\",null,1.25,12345678901234567890],\"c\":{\"d\":\"e\"},\"f\":{}}";
    JsonNode tree = JsonMapper.builder().build().readTree(text);

    assertEquals(text, serializer.toJson(tree));
    assertEquals("{\"tree\":" + text + "}", serializer.toJson(Map.of("tree", tree)));
    assertEquals(List.of(), incidents);
  }

  @Example
  void aDecimalNodeIsANumberAsInAJackson2TreeNotTheStringOfABigDecimalValue() {
    ObjectNode tree = J3.objectNode().set("cost", DecimalNode.valueOf(new BigDecimal("12.50")));

    assertEquals("{\"cost\":12.50}", serializer.toJson(tree));
    assertEquals("\"12.50\"", serializer.toJson(new BigDecimal("12.50")));
  }

  @Example
  void aNodeWhoseMethodsThrowBecomesAFailedMarkerAndAnIncident() {
    ObjectNode throwing = new ObjectNode(J3) {
      @Override
      public Set<Map.Entry<String, JsonNode>> properties() {
        throw new IllegalStateException("boom");
      }
    };

    String json = serializer.toJson(Map.of("node", throwing));

    assertEquals("{\"node\":\"[FAILED]\"}", json);
    assertEquals(1, incidents.size());
    assertEquals(Incident.Kind.FAILED, incidents.get(0).kind());
    assertEquals("$.node", incidents.get(0).path());
    assertTrue(incidents.get(0).detail().contains("boom"), incidents.get(0).detail());
  }

  @Example
  void aPojoNodeAndABinaryNodeAreWrittenByTheCoresRulesForTheirContent() {
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    byte[] bytes = {1, 2, 3, (byte) 0xff};
    ArrayNode tree = J3.arrayNode().addPOJO(id).add(bytes).add(J3.missingNode());

    assertEquals(
        "[\"" + id + "\",\"" + Base64.getEncoder().encodeToString(bytes) + "\",null]", serializer.toJson(tree));
  }

  @Property(tries = 300)
  void aJackson3TreeIsWrittenAsTheCoreWritesTheSameJackson2Tree(@ForAll("twins") Twin twin) throws Exception {
    twin.kinds().forEach(kind -> Statistics.label("node kinds").collect(kind));
    Statistics.label("node kinds").coverage(checker -> {
      for (String kind : List.of("object", "array", "NaN", "lone surrogate", "big integer", "decimal", "binary",
          "pojo")) {
        checker.check(kind).count(c -> c >= 20);
      }
    });

    incidents.clear(); // one instance serves every try
    String expected = serializer.toJson(twin.jackson2());
    List<Incident> expectedIncidents = List.copyOf(incidents);
    incidents.clear();
    String actual = serializer.toJson(twin.jackson3());

    assertEquals(expected, actual);
    assertEquals(expectedIncidents, incidents);
    assertNull(StrictJson.problem(actual), actual);
    new ObjectMapper().readTree(actual);
  }

  @Provide
  Arbitrary<Twin> twins() {
    // Three leaves to two containers of at most three items: trees stay finite and small.
    return Arbitraries.lazyOf(this::leaf, this::leaf, this::leaf, this::array, this::object);
  }

  private Arbitrary<Twin> array() {
    return twins().list().ofMaxSize(3).map(items -> {
      com.fasterxml.jackson.databind.node.ArrayNode two = J2.arrayNode();
      ArrayNode three = J3.arrayNode();
      List<String> kinds = new ArrayList<>(List.of("array"));
      for (Twin item : items) {
        two.add(item.jackson2());
        three.add(item.jackson3());
        kinds.addAll(item.kinds());
      }
      return new Twin(two, three, kinds);
    });
  }

  private Arbitrary<Twin> object() {
    Arbitrary<Map<String, Twin>> members =
        Arbitraries.maps(Arbitraries.of("a", "b", "password", "with space", "\u00e9", ""), twins()).ofMaxSize(3);
    return members.map(map -> {
      com.fasterxml.jackson.databind.node.ObjectNode two = J2.objectNode();
      ObjectNode three = J3.objectNode();
      List<String> kinds = new ArrayList<>(List.of("object"));
      for (Map.Entry<String, Twin> member : new LinkedHashMap<>(map).entrySet()) {
        two.set(member.getKey(), member.getValue().jackson2());
        three.set(member.getKey(), member.getValue().jackson3());
        kinds.addAll(member.getValue().kinds());
      }
      return new Twin(two, three, kinds);
    });
  }

  private Arbitrary<Twin> leaf() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(6).map(s -> new Twin(J2.textNode(s), J3.stringNode(s), List.of("text"))),
        Arbitraries.of("lone \ud800 high", "\udc00", "pair \ud83d\ude00")
            .map(s -> new Twin(J2.textNode(s), J3.stringNode(s), List.of("lone surrogate"))),
        Arbitraries.longs().map(l -> new Twin(J2.numberNode(l), J3.numberNode(l), List.of("long"))),
        Arbitraries.integers().map(i -> new Twin(J2.numberNode(i), J3.numberNode(i), List.of("int"))),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1.5e300)
            .map(d -> new Twin(J2.numberNode(d), J3.numberNode(d), List.of("NaN"))),
        Arbitraries.of(new BigInteger("123456789012345678901234567890"), BigInteger.TWO.pow(4000))
            .map(b -> new Twin(J2.numberNode(b), J3.numberNode(b), List.of("big integer"))),
        Arbitraries.of(new BigDecimal("12.50"), new BigDecimal("1e400"), new BigDecimal("-0.000"))
            .map(d -> new Twin(J2.numberNode(d), DecimalNode.valueOf(d), List.of("decimal"))),
        Arbitraries.of(true, false).map(b -> new Twin(J2.booleanNode(b), J3.booleanNode(b), List.of("boolean"))),
        Arbitraries.just(0).map(x -> new Twin(J2.nullNode(), J3.nullNode(), List.of("null"))),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(5)
            .map(b -> new Twin(J2.binaryNode(b), J3.binaryNode(b), List.of("binary"))),
        Arbitraries.of(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), java.time.Instant.EPOCH)
            .map(p -> new Twin(J2.pojoNode(p), J3.pojoNode(p), List.of("pojo"))));
  }
}
