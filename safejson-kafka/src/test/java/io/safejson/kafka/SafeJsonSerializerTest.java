package io.safejson.kafka;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.SafeSerializer;
import io.safejson.buildtools.HostileValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

final class SafeJsonSerializerTest {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private static SafeJsonSerializer configured(Map<String, ?> props) {
    SafeJsonSerializer serializer = new SafeJsonSerializer();
    serializer.configure(props, false);
    return serializer;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static JsonNode header(RecordHeaders headers, String name) throws Exception {
    Header header = headers.lastHeader(name);
    assertNotNull(header, name + " in " + headers);
    String text = new String(header.value(), StandardCharsets.US_ASCII);
    assertValidJson(text);
    return PLAIN.readTree(text);
  }

  @Test
  void hostileValuesNeverThrowAndTheirIncidentsGoToTheHeader() throws Exception {
    RecordHeaders headers = new RecordHeaders();
    byte[] bytes = new SafeJsonSerializer().serialize("t", headers, Orders.hostileOrder(1));
    String json = text(bytes);
    assertValidJson(json);
    assertEquals(SafeSerializer.defaults().toJson(Orders.hostileOrder(1)), json);
    assertEquals(
        "[{\"path\":\"$.note\",\"kind\":\"INVALID_STRING\",\"type\":\"java.lang.String\"},"
            + "{\"path\":\"$.score\",\"kind\":\"NON_FINITE\",\"type\":\"java.lang.Double\"},"
            + "{\"path\":\"$.details.loop[1]\",\"kind\":\"CYCLE\",\"type\":\"java.util.HashMap\"}]",
        header(headers, "safejson-incidents").toString());
  }

  @Test
  void aThrowingGetterBecomesFailedAndTheRestIsKept() throws Exception {
    RecordHeaders headers = new RecordHeaders();
    Object failing = new HostileValues.Failing(() -> new IllegalStateException("lazy"));
    byte[] bytes = new SafeJsonSerializer().serialize("t", headers, failing);
    assertEquals("{\"ok\":\"fine\",\"boom\":\"[FAILED]\"}", text(bytes));
    assertEquals("FAILED", header(headers, "safejson-incidents").get(0).get("kind").asText());
  }

  @Test
  void aCleanValueAddsNoHeaderAndRemovesAStaleOne() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("safejson-incidents", "[{\"path\":\"$\",\"kind\":\"CYCLE\",\"type\":\"x\"}]".getBytes(StandardCharsets.US_ASCII));
    headers.add("trace", new byte[] {1});
    byte[] bytes = new SafeJsonSerializer().serialize("t", headers, Map.of("a", 1));
    assertEquals("{\"a\":1}", text(bytes));
    assertNull(headers.lastHeader("safejson-incidents"), "the forwarded header described another value");
    assertNotNull(headers.lastHeader("trace"), "other headers stay");
  }

  @Test
  void aStaleHeaderIsReplacedNotDuplicated() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("safejson-incidents", "[]".getBytes(StandardCharsets.US_ASCII));
    new SafeJsonSerializer().serialize("t", headers, List.of(Double.NaN));
    List<Header> found = new ArrayList<>();
    headers.headers("safejson-incidents").forEach(found::add);
    assertEquals(1, found.size());
    assertEquals(
        "[{\"path\":\"$[0]\",\"kind\":\"NON_FINITE\",\"type\":\"java.lang.Double\"}]",
        new String(found.get(0).value(), StandardCharsets.US_ASCII));
  }

  @Test
  void nullStaysATombstone() {
    RecordHeaders headers = new RecordHeaders();
    assertNull(new SafeJsonSerializer().serialize("t", headers, null));
    assertNull(new SafeJsonSerializer().serialize("t", null));
    assertEquals(0, headers.toArray().length);
  }

  @Test
  void withoutHeadersTheValueIsStillWritten() {
    assertEquals("[null]", text(new SafeJsonSerializer().serialize("t", List.of(Double.NaN))));
  }

  @Test
  void readOnlyHeadersGetNoHeaderAndTheValueIsStillWritten() {
    RecordHeaders headers = new RecordHeaders();
    headers.setReadOnly();
    assertEquals("[null]", text(new SafeJsonSerializer().serialize("t", headers, List.of(Double.NaN))));
    assertEquals(0, headers.toArray().length);
  }

  @Test
  void aKeySerializerWritesTheKeyIncidentsHeader() throws Exception {
    SafeJsonSerializer keys = new SafeJsonSerializer();
    keys.configure(Map.of(), true);
    RecordHeaders headers = new RecordHeaders();
    keys.serialize("t", headers, Map.of("id", Double.NaN));
    assertNull(headers.lastHeader("safejson-incidents"));
    assertEquals("$.id", header(headers, "safejson-key-incidents").get(0).get("path").asText());
  }

  @Test
  void theIncidentsHeaderStaysWithin4KiBAndCountsWhatItLeavesOut() throws Exception {
    RecordHeaders headers = new RecordHeaders();
    List<Double> nans = Collections.nCopies(1_000, Double.NaN);
    new SafeJsonSerializer().serialize("t", headers, nans);
    byte[] value = headers.lastHeader("safejson-incidents").value();
    assertTrue(value.length <= 4096, "header bytes " + value.length);
    JsonNode listed = header(headers, "safejson-incidents");
    JsonNode last = listed.get(listed.size() - 1);
    assertEquals(1_000, listed.size() - 1 + last.get("omitted").asInt(), "listed plus omitted: " + last);
    assertEquals("$[0]", listed.get(0).get("path").asText());
  }

  @Test
  void anOversizeValueIsCutUnderTheDefaultPolicyAndSaysSo() throws Exception {
    SafeJsonSerializer serializer = configured(Map.of("max.request.size", "8192"));
    RecordHeaders headers = new RecordHeaders();
    byte[] bytes = serializer.serialize("t", headers, Map.of("blob", "x".repeat(100_000)));
    long headerBytes = "safejson-incidents".length() + headers.lastHeader("safejson-incidents").value().length + 10;
    assertTrue(bytes.length + headerBytes <= 8192 - 1024, bytes.length + " + " + headerBytes);
    assertValidJson(text(bytes));
    assertTrue(text(bytes).startsWith("{\"blob\":\"xxxxxxxx"), text(bytes));
    JsonNode listed = header(headers, "safejson-incidents");
    assertEquals("$", listed.get(0).get("path").asText());
    assertEquals("TRUNCATED", listed.get(0).get("kind").asText());
    assertEquals("java.util.ImmutableCollections$Map1", listed.get(0).get("type").asText());
    assertEquals("$.blob", listed.get(1).get("path").asText());
  }

  @Test
  void aValueThatCannotShrinkEnoughBecomesThePlaceholder() throws Exception {
    // 1,024 reserved + 60 bytes: the incidents header alone takes more, so the placeholder goes without it.
    SafeJsonSerializer serializer = configured(Map.of("max.request.size", "1084"));
    RecordHeaders headers = new RecordHeaders();
    byte[] bytes = serializer.serialize("t", headers, Map.of("blob", "x".repeat(1_000), "more", List.of(1, 2, 3)));
    assertEquals("\"[TRUNCATED]\"", text(bytes));
    assertNull(headers.lastHeader("safejson-incidents"));

    SafeJsonSerializer roomier = configured(Map.of("max.request.size", "1200"));
    RecordHeaders kept = new RecordHeaders();
    Object value = Collections.nCopies(200, Map.of("k", "v"));
    byte[] shrunk = roomier.serialize("t", kept, value);
    assertValidJson(text(shrunk));
    assertTrue(shrunk.length <= 176, text(shrunk));
    assertEquals("TRUNCATED", header(kept, "safejson-incidents").get(0).get("kind").asText());
  }

  @Test
  void shrinkingNeverLoosensTheConfiguredLimits() {
    SafeJsonSerializer serializer =
        configured(Map.of("max.request.size", "4096", "safejson.max.string.length", "20", "safejson.max.items", "2"));
    byte[] bytes = serializer.serialize("t", new RecordHeaders(), List.of("z".repeat(50_000), "a", "b", "c"));
    String json = text(bytes);
    assertValidJson(json);
    assertEquals(SafeSerializer.builder().maxStringLength(20).maxItems(2).build().toJson(
        List.of("z".repeat(50_000), "a", "b", "c")), json);
  }

  @Test
  void otherHeadersCountAgainstTheBudget() {
    SafeJsonSerializer serializer = configured(Map.of("max.request.size", "4096"));
    RecordHeaders headers = new RecordHeaders();
    headers.add("big", new byte[2_000]);
    byte[] bytes = serializer.serialize("t", headers, Map.of("blob", "x".repeat(2_000)));
    long incidents = "safejson-incidents".length() + headers.lastHeader("safejson-incidents").value().length + 10;
    assertTrue(bytes.length + incidents + 3 + 2_000 + 10 <= 4096 - 1024, "value bytes " + bytes.length);
  }

  @Test
  void theFailPolicyNamesTopicSizeAndLimit() {
    SafeJsonSerializer serializer =
        configured(Map.of("max.request.size", "4096", "safejson.oversize.policy", "fail"));
    SerializationException e = assertThrows(
        SerializationException.class,
        () -> serializer.serialize("orders", new RecordHeaders(), Map.of("blob", "x".repeat(5_000))));
    assertEquals(
        "Record value for topic orders is 5011 bytes, over the 3072 bytes it may take (the producer's"
            + " max.request.size 4096 less 1024 bytes kept for the key and record overhead)",
        e.getMessage());
    assertEquals("{\"blob\":\"fits\"}", text(serializer.serialize("orders", new RecordHeaders(), Map.of("blob", "fits"))));
  }

  @Test
  void aPolicyGivenToTheConstructorWinsOverTheProperty() {
    SafeJsonSerializer serializer = new SafeJsonSerializer(SafeSerializer.defaults(), OversizePolicy.FAIL);
    serializer.configure(Map.of("max.request.size", "2048", "safejson.oversize.policy", "TRUNCATE"), false);
    assertThrows(SerializationException.class, () -> serializer.serialize("t", "x".repeat(2_000)));
  }

  @Test
  void theSmallerOfMaxRequestSizeAndBufferMemoryLimitsTheRecord() {
    SafeJsonSerializer serializer =
        configured(Map.of("max.request.size", 1_000_000, "buffer.memory", 5_000L, "safejson.oversize.policy", "FAIL"));
    SerializationException e =
        assertThrows(SerializationException.class, () -> serializer.serialize("t", "x".repeat(4_000)));
    assertTrue(e.getMessage().contains("over the 3976 bytes"), e.getMessage());
  }

  @Test
  void kafkaStreamsProducerMaxRequestSizeIsRead() {
    SafeJsonSerializer serializer =
        configured(Map.of("producer.max.request.size", "3000", "max.request.size", "900000"));
    assertTrue(serializer.serialize("t", "x".repeat(10_000)).length <= 3000 - 1024);
  }

  @Test
  void bytesAreTheSameAsToJsonBytes() {
    Object value = Orders.hostileOrder(9);
    assertArrayEquals(SafeSerializer.defaults().toJsonBytes(value), new SafeJsonSerializer().serialize("t", value));
  }
}
