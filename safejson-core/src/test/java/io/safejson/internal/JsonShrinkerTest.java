package io.safejson.internal;

import static io.safejson.StrictJson.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.BoundedJson;
import io.safejson.DecimalStyle;
import io.safejson.Incident;
import io.safejson.Incident.Kind;
import io.safejson.IncidentsHeader;
import io.safejson.SafeSerializer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link SafeSerializer#toJsonBytesWithin}, whose implementation is {@link JsonShrinker}. */
final class JsonShrinkerTest {
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final SafeSerializer JSON = SafeSerializer.defaults();
  /** A Kafka record header's cost beyond its value: its key and two varint lengths. */
  private static final int OVERHEAD = IncidentsHeader.NAME.length() + 10;

  private static Map<String, Object> withText(int length) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("id", 7);
    message.put("text", "a".repeat(length));
    return message;
  }

  private static long sizeWithHeader(BoundedJson bounded) {
    String header = bounded.incidentsHeader();
    return bounded.json().length + (header == null ? 0 : header.length() + OVERHEAD);
  }

  private static List<String> paths(List<Incident> incidents) {
    return incidents.stream().map(Incident::path).toList();
  }

  @Test
  void aDocumentThatFitsIsTheBytesOfToJsonBytesWithItsHeader() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("x", Double.NaN);
    BoundedJson bounded = JSON.toJsonBytesWithin(value, 1_000, OVERHEAD);
    assertArrayEquals(JSON.toJsonBytes(value), bounded.json());
    assertFalse(bounded.cut());
    assertEquals("[{\"path\":\"$.x\",\"kind\":\"NON_FINITE\",\"type\":\"java.lang.Double\"}]", bounded.incidentsHeader());
    assertEquals(JSON.serialize(value).incidents(), bounded.incidents());
    assertEquals(sizeWithHeader(bounded), bounded.uncutSize());
    assertNull(JSON.toJsonBytesWithin(value, 1_000).incidentsHeader(), "no header asked for");
  }

  @Test
  void aCleanDocumentHasNoHeader() {
    BoundedJson bounded = JSON.toJsonBytesWithin(Map.of("a", 1), 1_000, OVERHEAD);
    assertEquals("{\"a\":1}", new String(bounded.json(), StandardCharsets.UTF_8));
    assertNull(bounded.incidentsHeader());
    assertTrue(bounded.incidents().isEmpty());
    assertEquals(7, bounded.uncutSize());
  }

  @Test
  void aDocumentOfExactlyTheBudgetIsNotCutAndOneByteLessIs() {
    List<Double> value = List.of(Double.NaN, 1.5);
    long exact = JSON.toJsonBytes(value).length + IncidentsHeader.encode(JSON.serialize(value).incidents()).length() + OVERHEAD;
    assertFalse(JSON.toJsonBytesWithin(value, exact, OVERHEAD).cut());
    BoundedJson tight = JSON.toJsonBytesWithin(value, exact - 1, OVERHEAD);
    assertTrue(tight.cut(), "the header counts toward the budget");
    assertTrue(sizeWithHeader(tight) <= exact - 1, "size " + sizeWithHeader(tight));
  }

  @Test
  void aBigStringIsCutToFitAndTheCutIsReportedFirst() throws Exception {
    BoundedJson bounded = JSON.toJsonBytesWithin(withText(200_000), 10_000, OVERHEAD);
    assertTrue(bounded.cut());
    assertTrue(sizeWithHeader(bounded) <= 10_000, "size " + sizeWithHeader(bounded));
    assertTrue(sizeWithHeader(bounded) > 5_000, "keeps a useful part: " + sizeWithHeader(bounded));
    assertValidJson(new String(bounded.json(), StandardCharsets.UTF_8));
    JsonNode node = PLAIN.readTree(bounded.json());
    assertEquals(7, node.get("id").asInt());
    assertTrue(node.get("text").asText().startsWith("aaaa"), node.toString());
    assertTrue(node.get("text").asText().endsWith("...[TRUNCATED]"));
    assertEquals(200_018, bounded.uncutSize());
    Incident first = bounded.incidents().get(0);
    assertEquals(
        new Incident("$", Kind.TRUNCATED, "java.util.LinkedHashMap", "document of 200018 bytes cut to fit 10000 bytes"),
        first);
    assertEquals(List.of("$", "$.text"), paths(bounded.incidents()));
    assertEquals(List.of("$", "$.text"), paths(IncidentsHeader.decode(bounded.incidentsHeader())));
  }

  @Test
  void aLongArrayIsCutToFit() throws Exception {
    List<Integer> numbers = IntStream.range(0, 9_000).boxed().toList();
    BoundedJson bounded = JSON.toJsonBytesWithin(Map.of("numbers", numbers), 4_000);
    assertTrue(bounded.json().length <= 4_000, "size " + bounded.json().length);
    JsonNode array = PLAIN.readTree(bounded.json()).get("numbers");
    assertTrue(array.size() > 100 && array.size() < 9_000, "kept " + array.size());
    assertEquals("[TRUNCATED]", array.get(array.size() - 1).asText());
    assertEquals(0, array.get(0).asInt());
  }

  @Test
  void longStringsAreCutBeforeAnyItemIsDropped() throws Exception {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      words.add("w" + i + "-" + "x".repeat(200));
    }
    BoundedJson bounded = JSON.toJsonBytesWithin(words, 20_000, OVERHEAD);
    assertTrue(sizeWithHeader(bounded) <= 20_000, "size " + sizeWithHeader(bounded));
    assertTrue(sizeWithHeader(bounded) > 15_000, "fills the room: " + sizeWithHeader(bounded));
    JsonNode array = PLAIN.readTree(bounded.json());
    assertEquals(200, array.size(), "every item kept");
    assertEquals("w199-xxx", array.get(199).asText().substring(0, 8));
    assertTrue(array.get(199).asText().endsWith("...[TRUNCATED]"));
  }

  /** A bean whose getter counts its calls. */
  public static final class Counted {
    final AtomicInteger calls = new AtomicInteger();

    public String getText() {
      calls.incrementAndGet();
      return "b".repeat(5_000);
    }
  }

  @Test
  void aCutIsTakenFromTheFirstSerializationSoGettersAndIteratorsRunOnce() throws Exception {
    Counted counted = new Counted();
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("items", List.of(1, 2, 3).iterator());
    value.put("ratio", Double.NaN);
    value.put("counted", counted);
    BoundedJson bounded = JSON.toJsonBytesWithin(value, 2_000);
    assertTrue(bounded.json().length <= 2_000, "size " + bounded.json().length);
    JsonNode node = PLAIN.readTree(bounded.json());
    assertEquals("[1,2,3]", node.get("items").toString(), "the iterator's items survive the cut");
    assertTrue(node.get("ratio").isNull());
    assertTrue(node.get("counted").get("text").asText().endsWith("...[TRUNCATED]"));
    assertEquals(1, counted.calls.get(), "the getter ran once");
    assertEquals(List.of("$", "$.ratio", "$.counted.text"), paths(bounded.incidents()), "the first pass's incidents are kept");
  }

  @Test
  void aCutKeepsNumbersExactly() {
    SafeSerializer numbers = SafeSerializer.builder().decimalStyle(DecimalStyle.NUMBER).build();
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("amount", new BigDecimal("12.50"));
    value.put("precise", new BigDecimal("0.12345678901234567890123"));
    value.put("double", 0.1);
    value.put("big", new BigInteger("123456789012345678901234567890"));
    value.put("text", "c".repeat(5_000));
    String json = new String(numbers.toJsonBytesWithin(value, 2_000).json(), StandardCharsets.UTF_8);
    assertTrue(
        json.startsWith(
            "{\"amount\":12.50,\"precise\":0.12345678901234567890123,\"double\":0.1,"
                + "\"big\":123456789012345678901234567890,\"text\":\"ccc"),
        json.substring(0, 120));
  }

  @Test
  void theSerializersOwnLimitsAreNeverLoosened() throws Exception {
    SafeSerializer strict = SafeSerializer.builder().maxItems(5).build();
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      words.add("w" + i + "-" + "x".repeat(500));
    }
    // 5 items of 500 chars do not fit 2,000 bytes, so the strings get cut; the item count must stay at 5.
    BoundedJson bounded = strict.toJsonBytesWithin(words, 2_000);
    assertTrue(bounded.json().length <= 2_000, "size " + bounded.json().length);
    assertEquals(6, PLAIN.readTree(bounded.json()).size(), "5 items and the marker");
  }

  @Test
  void whenNothingFitsTheDocumentIsThePlaceholderAndItsHeaderGoesFirst() {
    BoundedJson bare = JSON.toJsonBytesWithin(withText(5_000), 13, OVERHEAD);
    assertEquals("\"[TRUNCATED]\"", new String(bare.json(), StandardCharsets.UTF_8));
    assertTrue(bare.cut());
    assertNull(bare.incidentsHeader(), "no room for it");
    assertEquals(List.of("$"), paths(bare.incidents()));

    String header = IncidentsHeader.encode(bare.incidents());
    BoundedJson reported = JSON.toJsonBytesWithin(withText(5_000), 13 + header.length() + OVERHEAD, OVERHEAD);
    assertEquals("\"[TRUNCATED]\"", new String(reported.json(), StandardCharsets.UTF_8));
    assertEquals(header, reported.incidentsHeader(), "room for the placeholder and its header");
  }

  @Test
  void aBudgetBelowThePlaceholderStillGivesThePlaceholderNeverAnException() {
    for (long budget : new long[] {12, 1, 0, -500, Long.MIN_VALUE}) {
      BoundedJson bounded = JSON.toJsonBytesWithin(withText(100), budget, OVERHEAD);
      assertEquals("\"[TRUNCATED]\"", new String(bounded.json(), StandardCharsets.UTF_8), "budget " + budget);
      assertTrue(bounded.cut());
      assertNull(bounded.incidentsHeader());
    }
  }

  @Test
  void theListenerHearsTheFirstPassOnly() {
    List<Incident> heard = new ArrayList<>();
    SafeSerializer listening = SafeSerializer.builder().onIncident(heard::add).build();
    Map<String, Object> value = withText(10_000);
    value.put("ratio", Double.NaN);
    BoundedJson bounded = listening.toJsonBytesWithin(value, 1_000);
    assertEquals(List.of("$.ratio"), paths(heard));
    assertEquals(List.of("$", "$.ratio", "$.text"), paths(bounded.incidents()));
  }

  @Test
  void anUnlimitedBudgetNeverCuts() {
    BoundedJson bounded = JSON.toJsonBytesWithin(withText(100_000), Long.MAX_VALUE, OVERHEAD);
    assertFalse(bounded.cut());
    assertEquals(100_018, bounded.json().length);
  }

  @Test
  void aNegativeHeaderOverheadIsRejectedNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JSON.toJsonBytesWithin("x", 100, -1));
    assertEquals("headerOverhead must not be negative: -1", e.getMessage());
  }
}
