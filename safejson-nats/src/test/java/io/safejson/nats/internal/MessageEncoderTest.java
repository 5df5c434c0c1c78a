package io.safejson.nats.internal;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.impl.Headers;
import io.safejson.Incident;
import io.safejson.Incident.Kind;
import io.safejson.IncidentsHeader;
import io.safejson.SafeSerializer;
import io.safejson.nats.OversizePolicy;
import io.safejson.nats.PayloadTooLargeException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class MessageEncoderTest {
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final MessageEncoder TRUNCATE =
      new MessageEncoder(SafeSerializer.defaults(), OversizePolicy.TRUNCATE);
  private static final MessageEncoder FAIL = new MessageEncoder(SafeSerializer.defaults(), OversizePolicy.FAIL);

  private static String body(EncodedMessage message) {
    return new String(message.body(), StandardCharsets.UTF_8);
  }

  private static Map<String, Object> withText(int length) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("id", 7);
    message.put("text", "a".repeat(length));
    return message;
  }

  @Test
  void aCleanMessageIsTheBytesOfToJsonWithNoHeaders() {
    Map<String, Object> value = Map.of("type", "agent_started", "n", 1);
    EncodedMessage message = TRUNCATE.encode("s", null, value, 1_048_576, true);
    assertArrayEquals(SafeSerializer.defaults().toJsonBytes(value), message.body());
    assertNull(message.headers());
    assertTrue(message.incidents().isEmpty());
  }

  @Test
  void incidentsTravelInTheHeader() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("x", Double.NaN);
    EncodedMessage message = TRUNCATE.encode("s", null, value, 1_048_576, true);
    assertEquals("{\"x\":null}", body(message));
    assertEquals(
        "[{\"path\":\"$.x\",\"kind\":\"NON_FINITE\",\"type\":\"java.lang.Double\"}]",
        message.headers().getFirst("safejson-incidents"));
  }

  @Test
  void withoutServerHeaderSupportIncidentsAreOnlyReturned() {
    EncodedMessage message = TRUNCATE.encode("s", null, List.of(Double.NaN), 1_048_576, false);
    assertNull(message.headers());
    assertEquals(1, message.incidents().size());
  }

  @Test
  void theCallersHeadersAreCopiedNeverChangedAndAStaleIncidentsHeaderIsDropped() {
    Headers mine = new Headers().put("trace-id", "abc").put("SafeJson-Incidents", "[stale]");
    EncodedMessage clean = TRUNCATE.encode("s", mine, "fine", 1_048_576, true);
    assertEquals("abc", clean.headers().getFirst("trace-id"));
    assertEquals(1, clean.headers().size(), "the stale incidents header is not forwarded");
    EncodedMessage fixed = TRUNCATE.encode("s", mine, Double.NaN, 1_048_576, true);
    assertEquals(2, fixed.headers().size());
    assertTrue(fixed.headers().getFirst("safejson-incidents").contains("NON_FINITE"));
    assertEquals(2, mine.size(), "the caller's headers are untouched");
    assertEquals("[stale]", mine.getFirst("SafeJson-Incidents"));
  }

  @Test
  void readOnlyHeadersOfAReceivedMessageCanBeForwarded() {
    Headers received = new Headers(new Headers().put("trace-id", "abc"), true);
    EncodedMessage message = TRUNCATE.encode("s", received, Double.NaN, 1_048_576, true);
    assertEquals("abc", message.headers().getFirst("trace-id"));
    assertTrue(message.headers().getFirst("safejson-incidents").contains("NON_FINITE"));
    assertTrue(received.isReadOnly());
    assertEquals(1, received.size());
  }

  @Test
  void aMessageOfExactlyTheLimitIsNotCut() {
    Headers mine = new Headers().put("k", "v");
    byte[] body = SafeSerializer.defaults().toJsonBytes(withText(1000));
    long exact = body.length + mine.serializedLength();
    EncodedMessage message = TRUNCATE.encode("s", mine, withText(1000), exact, true);
    assertArrayEquals(body, message.body());
    assertEquals(exact, message.size());
  }

  @Test
  void headersCountTowardTheLimit() throws Exception {
    Headers mine = new Headers().put("k", "v");
    long bodyOnly = SafeSerializer.defaults().toJsonBytes(withText(1000)).length;
    EncodedMessage message = TRUNCATE.encode("s", mine, withText(1000), bodyOnly, true);
    assertTrue(message.size() <= bodyOnly, message.size() + " > " + bodyOnly);
    JsonNode node = PLAIN.readTree(message.body());
    assertTrue(node.get("text").asText().endsWith("...[TRUNCATED]"), node.toString());
    assertEquals(7, node.get("id").asInt(), "the small field survives");
  }

  @Test
  void truncateCutsABigStringToFitAndReportsWhy() throws Exception {
    EncodedMessage message = TRUNCATE.encode("orders", null, withText(200_000), 10_000, true);
    assertTrue(message.size() <= 10_000, "size " + message.size());
    assertTrue(message.size() > 5_000, "keeps a useful part: " + message.size());
    assertValidJson(body(message));
    JsonNode node = PLAIN.readTree(message.body());
    assertTrue(node.get("text").asText().startsWith("aaaa"), node.toString());
    assertTrue(node.get("text").asText().endsWith("...[TRUNCATED]"));
    Incident first = message.incidents().get(0);
    assertEquals("$", first.path());
    assertEquals(Kind.TRUNCATED, first.kind());
    assertEquals("java.util.LinkedHashMap", first.type());
    assertTrue(first.detail().contains("200018 bytes") && first.detail().contains("max_payload of 10000"), first.detail());
    assertEquals("$.text", message.incidents().get(1).path());
    assertEquals(
        List.of(first.path(), "$.text"),
        IncidentsHeader.decode(message.headers().getFirst("safejson-incidents")).stream().map(Incident::path).toList());
  }

  @Test
  void whenNothingFitsTheBodyIsThePlaceholder() {
    Headers mine = new Headers().put("k", "v".repeat(40));
    EncodedMessage message = TRUNCATE.encode("s", mine, withText(5_000), mine.serializedLength() + 13, true);
    assertEquals("\"[TRUNCATED]\"", body(message));
    assertEquals("v".repeat(40), message.headers().getFirst("k"), "the caller's headers are kept");
    assertNull(message.headers().getFirst("safejson-incidents"), "no room for it");
    assertEquals(List.of("$"), message.incidents().stream().map(Incident::path).toList());
  }

  @Test
  void headersThatLeaveNoRoomFailEvenUnderTruncate() {
    Headers mine = new Headers().put("k", "v".repeat(200));
    PayloadTooLargeException e =
        assertThrows(PayloadTooLargeException.class, () -> TRUNCATE.encode("audit.log", mine, "x", 100, true));
    assertEquals("audit.log", e.subject());
    assertEquals(100, e.maxPayload());
  }

  @Test
  void failThrowsOurExceptionNamingSubjectSizeAndLimit() {
    long size = SafeSerializer.defaults().toJsonBytes(withText(5_000)).length;
    PayloadTooLargeException e =
        assertThrows(PayloadTooLargeException.class, () -> FAIL.encode("orders.created", null, withText(5_000), 1_024, true));
    assertEquals("orders.created", e.subject());
    assertEquals(size, e.size());
    assertEquals(1_024, e.maxPayload());
    assertEquals(
        "NATS message on subject 'orders.created' is " + size
            + " bytes (body and headers), over the server's max_payload of 1024 bytes",
        e.getMessage());
    assertTrue(e instanceof IllegalStateException);
  }

  @Test
  void failSendsWhatFits() {
    EncodedMessage message = FAIL.encode("s", null, withText(10), 1_024, true);
    assertArrayEquals(SafeSerializer.defaults().toJsonBytes(withText(10)), message.body());
  }

  @Test
  void anUnknownLimitIsNotChecked() {
    EncodedMessage message = FAIL.encode("s", null, withText(100_000), 0, true);
    assertEquals(100_018, message.body().length);
  }
}
