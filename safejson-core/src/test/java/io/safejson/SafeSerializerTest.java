package io.safejson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The builder options and API methods beyond the normalization table. */
final class SafeSerializerTest {
  private static final SafeSerializer JSON = SafeSerializer.defaults();

  record Login(String user, @Sensitive String password) {}

  @Sensitive
  record ApiKey(String value) {}

  @Test
  void redactedKeysAreMaskedCaseInsensitivelyAtAnyDepthInMapsAndBeans() {
    SafeSerializer redacting = SafeSerializer.builder().redact("password", "Token").build();
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("TOKEN", "t-123");
    nested.put("user", new Login("ada", "hunter2"));
    Map<String, Object> root = Map.of("outer", List.of(nested));
    assertEquals(
        "{\"outer\":[{\"TOKEN\":\"[REDACTED]\",\"user\":{\"user\":\"ada\",\"password\":\"[REDACTED]\"}}]}",
        redacting.toJson(root));
    record Account(String name, String password) {}
    assertEquals(
        "{\"name\":\"ada\",\"password\":\"[REDACTED]\"}", redacting.toJson(new Account("ada", "pw")));
  }

  @Test
  void sensitiveFieldsAndTypesAreAlwaysRedacted() {
    assertEquals("{\"user\":\"ada\",\"password\":\"[REDACTED]\"}", JSON.toJson(new Login("ada", "hunter2")));
    assertEquals("{\"key\":\"[REDACTED]\"}", JSON.toJson(Map.of("key", new ApiKey("sk-live"))));
  }

  @Test
  void htmlSafeOutputEscapesMarkupAndLineSeparators() {
    String text = "</script><b>&'\u2028\u2029";
    SafeSerializer html = SafeSerializer.builder().htmlSafe(true).build();
    String json = html.toJson(text);
    assertEquals("\"\\u003C/script\\u003E\\u003Cb\\u003E\\u0026\\u0027\\u2028\\u2029\"", json);
    assertEquals(json, new String(html.toJsonBytes(text), StandardCharsets.UTF_8));
    assertEquals(text, html.toJsonValue(text));
    assertTrue(JSON.toJson(text).contains("</script>"), "escaping is opt-in");
  }

  @Test
  void incidentListenerSeesEveryIncidentAndItsFailuresAreIgnored() {
    List<Incident> seen = new ArrayList<>();
    SafeSerializer listening =
        SafeSerializer.builder()
            .onIncident(seen::add)
            .onIncident(
                incident -> {
                  seen.add(incident);
                  throw new IllegalStateException("listener bug");
                })
            .build();
    assertEquals("[null]", listening.toJson(List.of(Double.NaN)));
    assertEquals(1, seen.size(), "the last listener set wins");
    assertEquals("$[0]", seen.get(0).path());
  }

  @Test
  void convertersRunBeforeTheTableAndTheirFailuresAreIncidents() {
    SafeSerializer epoch =
        SafeSerializer.builder()
            .addConverter(Instant.class, Instant::toEpochMilli)
            .addConverter(StringBuilder.class, sb -> { throw new IllegalStateException("nope"); })
            .build();
    assertEquals("1000", epoch.toJson(Instant.ofEpochSecond(1)));
    SafeResult result = epoch.serialize(List.of(new StringBuilder("x"), 1));
    assertEquals("[\"[FAILED]\",1]", result.json());
    assertEquals(Incident.Kind.FAILED, result.incidents().get(0).kind());
  }

  static final class Money {
    final long cents;

    Money(long cents) {
      this.cents = cents;
    }
  }

  static final class MoneySerializer extends StdSerializer<Money> {
    MoneySerializer() {
      super(Money.class);
    }

    @Override
    public void serialize(Money value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value.cents < 0) {
        gen.writeStartObject();
        gen.writeFieldName("half");
        throw new IOException("negative money");
      }
      gen.writeStartObject();
      gen.writeNumberField("cents", value.cents);
      gen.writeNumberField("ratio", Double.NaN);
      gen.writeStringField("note", "x\uD800");
      gen.writeEndObject();
    }
  }

  @Test
  void jacksonModulesSerializeTheirTypesAndTheirOutputIsCheckedToo() {
    SafeSerializer withModule =
        SafeSerializer.builder()
            .addModule(new SimpleModule("money").addSerializer(Money.class, new MoneySerializer()))
            .build();
    SafeResult good = withModule.serialize(Map.of("price", new Money(250)));
    assertEquals("{\"price\":{\"cents\":250,\"ratio\":null,\"note\":\"x\uFFFD\"}}", good.json());
    assertEquals(2, good.incidents().size());
    assertEquals("$.price.ratio", good.incidents().get(0).path());
    SafeResult bad = withModule.serialize(List.of(new Money(-1), "sibling"));
    assertEquals("[\"[FAILED]\",\"sibling\"]", bad.json(), "a half-written value never leaks out");
    assertEquals(Incident.Kind.FAILED, bad.incidents().get(0).kind());
  }

  @JsonPropertyOrder({"id", "display"})
  public static final class Annotated {
    @JsonProperty("display")
    public String name = "Ada";

    @JsonIgnore public String secretInternal = "hidden";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String optional = null;

    public int id = 7;

    @JsonSerialize(using = ShoutingSerializer.class)
    public String shout = "hi";

    @JsonAnyGetter
    public Map<String, Object> extra() {
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("display", "collides with a property");
      extra.put("plan", "pro");
      return extra;
    }
  }

  static final class ShoutingSerializer extends StdSerializer<String> {
    ShoutingSerializer() {
      super(String.class);
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(value.toUpperCase(java.util.Locale.ROOT));
    }
  }

  @Test
  void jacksonAnnotationsAreHonouredAndAnyGetterKeysNeverDuplicate() {
    SafeResult result = JSON.serialize(new Annotated());
    assertEquals(
        "{\"id\":7,\"display\":\"Ada\",\"shout\":\"HI\",\"display~2\":\"collides with a property\",\"plan\":\"pro\"}",
        result.json());
    assertEquals(Incident.Kind.DUPLICATE_KEY, result.incidents().get(0).kind());
  }

  @com.fasterxml.jackson.annotation.JsonTypeInfo(
      use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME, property = "kind")
  @com.fasterxml.jackson.annotation.JsonTypeName("circle")
  record Circle(double radius) {}

  @Test
  void polymorphicTypeIdsAreWrittenByJacksonAndChecked() {
    assertEquals("{\"kind\":\"circle\",\"radius\":null}", JSON.toJson(new Circle(Double.NaN)));
    assertEquals(Incident.Kind.NON_FINITE, JSON.serialize(new Circle(Double.NaN)).incidents().get(0).kind());
  }

  @Test
  void jsonNodesAreWrittenAsTheyAreWithTheSameChecks() {
    com.fasterxml.jackson.databind.node.ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("ok", 1);
    node.put("bad", Double.NaN);
    node.put("text", "a\uD800");
    node.putArray("list").add(true);
    SafeResult result = JSON.serialize(node);
    assertEquals("{\"ok\":1,\"bad\":null,\"text\":\"a\uFFFD\",\"list\":[true]}", result.json());
    assertEquals(2, result.incidents().size());
  }

  @Test
  void keysThatAreNotIdentifiersAreBracketQuotedInPaths() {
    SafeResult result = JSON.serialize(Map.of("a b", Map.of("it's", Double.NaN)));
    assertEquals("$['a b']['it\\'s']", result.incidents().get(0).path());
  }

  @Test
  void maxItemsCutsArraysAndObjectsVisibly() {
    SafeSerializer small = SafeSerializer.builder().maxItems(2).build();
    SafeResult list = small.serialize(List.of(1, 2, 3, 4));
    assertEquals("[1,2,\"[TRUNCATED]\"]", list.json());
    assertEquals(new Incident("$", Incident.Kind.TRUNCATED, "java.util.ImmutableCollections$ListN", "kept 2 of 4 items"),
        list.incidents().get(0));
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", 2);
    map.put("c", 3);
    assertEquals("{\"a\":1,\"b\":2,\"[TRUNCATED]\":1}", small.toJson(map));
  }

  @Test
  void strictModeThrowsWithEveryIncidentAndLenientModeDoesNot() {
    Map<String, Object> value = Map.of("score", Double.NaN);
    UnsafeValueException error = assertThrows(UnsafeValueException.class, () -> JSON.toJsonStrict(value));
    assertEquals(1, error.incidents().size());
    assertTrue(error.getMessage().contains("$.score NON_FINITE java.lang.Double"), error.getMessage());
    assertEquals("{\"score\":null}", error.json());
    assertEquals("{\"score\":null}", JSON.toJson(value));
    assertEquals("{\"ok\":1}", JSON.toJsonStrict(Map.of("ok", 1)));
  }

  @Test
  void writeJsonWritesTheWholeDocumentAndOnlyTheStreamCanThrow() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.writeJson(Map.of("at", Instant.EPOCH), out);
    assertEquals("{\"at\":\"1970-01-01T00:00:00Z\"}", out.toString(StandardCharsets.UTF_8));
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("disk full");
      }
    };
    assertEquals("disk full", assertThrows(IOException.class, () -> JSON.writeJson(1, broken)).getMessage());
  }

  @Test
  void objectMapperWritesLikeToJsonAndReadsLikeFromJson() throws Exception {
    SafeSerializer sorted = SafeSerializer.builder().sortKeys(true).build();
    ObjectMapper mapper = sorted.objectMapper();
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("z", Instant.EPOCH);
    value.put("a", Double.NaN);
    assertEquals(sorted.toJson(value), mapper.writeValueAsString(value));
    assertEquals("{\"a\":null,\"z\":\"1970-01-01T00:00:00Z\"}", mapper.writeValueAsString(value));
    assertEquals(new Login("ada", "x"), mapper.readValue("{\"user\":\"ada\",\"password\":\"x\"}", Login.class));
    assertNotSame(mapper, sorted.objectMapper(), "each call returns a copy the caller may change");
  }

  record Point(int x, int y) {}

  @Test
  void fromJsonOfBytesRefusesMalformedUtf8AtTheDocumentNamingTheFirstBadByte() {
    byte[][] inputs = {
      {'{', '"', 'a', (byte) 0xFF, '"', ':', '1', '}'},
      {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, // an encoded lone surrogate is not UTF-8
      {'"', 'a', (byte) 0xC3}, // a sequence cut at the end
    };
    int[] firstBad = {3, 1, 2};
    for (int i = 0; i < inputs.length; i++) {
      byte[] input = inputs[i];
      JsonReadException e = assertThrows(JsonReadException.class, () -> JSON.fromJson(input, Object.class));
      assertEquals("$", e.path());
      assertTrue(e.getMessage().endsWith("not valid UTF-8 at byte " + firstBad[i]), e.getMessage());
    }
    assertEquals(Map.of("é", "😀"), JSON.fromJson("{\"é\":\"😀\"}".getBytes(StandardCharsets.UTF_8), Map.class));
  }

  @Test
  void fromJsonRejectsMalformedInputWithThePath() {
    JsonReadException trailing =
        assertThrows(JsonReadException.class, () -> JSON.fromJson("{\"x\":1,\"y\":2} extra", Point.class));
    assertEquals("$", trailing.path());
    JsonReadException type =
        assertThrows(JsonReadException.class, () -> JSON.fromJson("[{\"x\":1},{\"x\":\"no\"}]", Point[].class));
    assertEquals("$[1].x", type.path());
    assertTrue(type.getMessage().startsWith("Cannot read JSON at $[1].x: "), type.getMessage());
    JsonReadException duplicate =
        assertThrows(JsonReadException.class, () -> JSON.fromJson("{\"x\":1,\"x\":2}", Point.class));
    assertTrue(duplicate.getMessage().contains("Duplicate"), duplicate.getMessage());
    assertThrows(JsonReadException.class, () -> JSON.fromJson((String) null, Point.class));
    assertThrows(JsonReadException.class, () -> JSON.fromJson((byte[]) null, Point.class));
    assertThrows(JsonReadException.class, () -> JSON.fromJson("{\"x\":NaN}", Point.class));
  }

  @Test
  void fromJsonEnforcesDepthAndLengthLimits() {
    SafeSerializer limited = SafeSerializer.builder().maxDepth(5).maxInputLength(100).build();
    assertThrows(JsonReadException.class, () -> limited.fromJson("[[[[[[1]]]]]]", Object.class));
    assertEquals(List.of(List.of(List.of(1))), limited.fromJson("[[[1]]]", Object.class));
    String longInput = "[" + "1,".repeat(60) + "1]";
    assertThrows(JsonReadException.class, () -> limited.fromJson(longInput, Object.class));
  }

  @Test
  void fromJsonHasNoPolymorphicTypingAndNoDnsLookups() {
    Object value = JSON.fromJson("[\"java.lang.ProcessBuilder\",{\"command\":[\"x\"]}]", Object.class);
    assertInstanceOf(List.class, value);
    assertThrows(JsonReadException.class, () -> JSON.fromJson("\"example.com\"", InetAddress.class));
    assertEquals("127.0.0.1", JSON.fromJson("\"127.0.0.1\"", InetAddress.class).getHostAddress());
  }

  @Test
  void builderRejectsInvalidLimitsNamingTheArgument() {
    IllegalArgumentException depth =
        assertThrows(IllegalArgumentException.class, () -> SafeSerializer.builder().maxDepth(0));
    assertEquals("maxDepth must be between 1 and 500: 0", depth.getMessage());
    assertEquals(
        "maxItems must be positive: -1",
        assertThrows(IllegalArgumentException.class, () -> SafeSerializer.builder().maxItems(-1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> SafeSerializer.builder().redact(" "));
    assertEquals(
        "maxValues must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> SafeSerializer.builder().maxValues(0)).getMessage());
  }

  @Test
  @Timeout(60) // without maxValues this graph is 2^61 values: it would never finish
  void aSharedValueThatWouldExpandExponentiallyStopsAtMaxValues() throws IOException {
    Object graph = "leaf";
    for (int level = 0; level < 60; level++) {
      graph = Arrays.asList(graph, Map.of("again", graph), Optional.of(graph));
    }
    int maxValues = 5_000;
    SafeResult result = JSON.toBuilder().maxValues(maxValues).build().serialize(graph);
    assertNull(StrictJson.problem(result.json()), "the cut document is valid JSON");
    assertEquals(maxValues + 1, countValues(new ObjectMapper().readTree(result.json())),
        "exactly maxValues values, then the marker");
    assertTrue(result.json().contains("\"" + "[TRUNCATED]" + "\""), "the cut is visible");
    assertEquals(1, result.incidents().size(), () -> "one incident for the cut: " + result.incidents());
    Incident cut = result.incidents().get(0);
    assertEquals(Incident.Kind.TRUNCATED, cut.kind());
    assertTrue(cut.detail().contains("maxValues"), cut.detail());
    assertTrue(cut.path().startsWith("$[0][0]"), "the path names where it was cut: " + cut.path());

    Object small = Arrays.asList(Map.of("a", List.of(1, 2)), Optional.of("x"));
    assertTrue(JSON.toBuilder().maxValues(6).build().serialize(small).incidents().isEmpty(),
        "a document of exactly maxValues values (an Optional and its content count once) is whole");
    assertFalse(JSON.toBuilder().maxValues(5).build().serialize(small).incidents().isEmpty());
  }

  /** Written by Jackson's own serializer (as an array), not by the walker. */
  @com.fasterxml.jackson.annotation.JsonFormat(shape = com.fasterxml.jackson.annotation.JsonFormat.Shape.ARRAY)
  public static final class Pair {
    public Pair left;
    public Pair right;
    public int value = 1;
  }

  @Test
  @Timeout(60) // without the budget inside Jackson's serializers this is 2^41 values
  void maxValuesAlsoBoundsValuesJacksonSerializesItself() throws IOException {
    Pair graph = new Pair();
    for (int level = 0; level < 40; level++) {
      Pair parent = new Pair();
      parent.left = graph;
      parent.right = graph;
      graph = parent;
    }
    SafeResult result = JSON.toBuilder().maxValues(2_000).build().serialize(Map.of("root", graph));
    assertNull(StrictJson.problem(result.json()), "the cut document is valid JSON");
    assertTrue(result.json().length() < 100_000, "bounded: " + result.json().length() + " chars");
    assertEquals(1, result.incidents().size(), () -> "one incident for the cut: " + result.incidents());
    assertEquals(Incident.Kind.TRUNCATED, result.incidents().get(0).kind());
    assertTrue(result.incidents().get(0).detail().contains("maxValues"), result.incidents().get(0).detail());
  }

  /** Every JSON value in a tree: containers, their members and items, scalars. */
  private static int countValues(com.fasterxml.jackson.databind.JsonNode node) {
    int count = 1;
    for (com.fasterxml.jackson.databind.JsonNode child : node) {
      count += countValues(child);
    }
    return count;
  }

  @Test
  void toBuilderDerivesAVariantWithoutChangingTheOriginal() {
    SafeSerializer base = SafeSerializer.builder().redact("password").build();
    SafeSerializer derived = base.toBuilder().largeIntegers(LargeIntegerStyle.STRING_WHEN_UNSAFE).build();
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("password", "x");
    value.put("id", Long.MAX_VALUE);
    assertEquals("{\"password\":\"[REDACTED]\",\"id\":9223372036854775807}", base.toJson(value));
    assertEquals("{\"password\":\"[REDACTED]\",\"id\":\"9223372036854775807\"}", derived.toJson(value));
  }

  @Test
  void sameInputGivesIdenticalResultsEveryCall() {
    Map<String, Object> value = Map.of("n", Double.NaN);
    SafeResult first = JSON.serialize(value);
    assertEquals(first, JSON.serialize(value));
    assertFalse(first.isClean());
  }

  @Test
  void limitsReadBackAsBuiltAndAsDefaults() {
    SafeSerializer chosen =
        SafeSerializer.builder().maxDepth(7).maxStringLength(123).maxItems(45).maxValues(6789).build();
    assertEquals(List.of(7, 123, 45, 6789),
        List.of(chosen.maxDepth(), chosen.maxStringLength(), chosen.maxItems(), chosen.maxValues()));
    SafeSerializer defaults = SafeSerializer.defaults();
    assertEquals(List.of(100, 1_000_000, 10_000, 1_000_000),
        List.of(defaults.maxDepth(), defaults.maxStringLength(), defaults.maxItems(), defaults.maxValues()));
  }

  @Test
  void nullStreamsGeneratorsAndListenersAreRefusedByName() throws IOException {
    assertEquals("out", assertThrows(NullPointerException.class, () -> JSON.writeJson(1, null)).getMessage());
    assertEquals(
        "generator", assertThrows(NullPointerException.class, () -> JSON.writeTo(null, 1)).getMessage());
    assertEquals(
        "generator", assertThrows(NullPointerException.class, () -> JSON.writerFor(null)).getMessage());
    assertEquals(
        "generator",
        assertThrows(NullPointerException.class, () -> JSON.writerFor(null, incident -> {})).getMessage());
    try (JsonGenerator generator = new ObjectMapper().createGenerator(new ByteArrayOutputStream())) {
      assertEquals(
          "onIncident",
          assertThrows(NullPointerException.class, () -> JSON.writerFor(generator, null)).getMessage());
    }
  }

  @Test
  void writeJsonWritesExactlyTheBytesOfToJsonBytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.writeJson(List.of("\u00e9\uD83D\uDE00", Double.NaN), out);
    assertEquals("[\"\u00e9\uD83D\uDE00\",null]", out.toString(StandardCharsets.UTF_8));
    assertTrue(Arrays.equals(JSON.toJsonBytes(List.of("\u00e9\uD83D\uDE00", Double.NaN)), out.toByteArray()));
  }
}
