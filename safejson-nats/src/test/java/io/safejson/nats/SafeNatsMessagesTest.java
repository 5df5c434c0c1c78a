package io.safejson.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.safejson.Incident;
import io.safejson.JsonReadException;
import io.safejson.SafeSerializer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

final class SafeNatsMessagesTest {

  record Order(UUID id, Instant at, BigDecimal amount, int count) {}

  private static Message message(String body) {
    return message(body.getBytes(StandardCharsets.UTF_8), null);
  }

  private static Message message(byte[] body, Headers headers) {
    return NatsMessage.builder().subject("orders").data(body).headers(headers).build();
  }

  @Test
  void aMessageIsReadIntoItsType() {
    Order order =
        SafeNatsMessages.read(
            message(
                "{\"id\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\",\"at\":\"2026-11-24T00:05:30.123Z\","
                    + "\"amount\":\"12.50\",\"count\":3,\"extra\":true}"),
            Order.class);
    assertEquals(
        new Order(
            UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301"),
            Instant.parse("2026-11-24T00:05:30.123Z"),
            new BigDecimal("12.50"),
            3),
        order);
  }

  @Test
  void aWrongTypeNamesItsPath() {
    JsonReadException e =
        assertThrows(JsonReadException.class, () -> SafeNatsMessages.read(message("{\"count\":\"three\"}"), Order.class));
    assertEquals("$.count", e.path());
  }

  @Test
  void malformedJsonGivesJsonReadException() {
    for (String body : List.of("{\"count\":", "{\"count\":1}}", "{\"count\":1,\"count\":2}", "[NaN]", "")) {
      assertThrows(JsonReadException.class, () -> SafeNatsMessages.read(message(body), Order.class), body);
    }
  }

  @Test
  void anEmptyMessageGivesJsonReadException() {
    Message empty = NatsMessage.builder().subject("orders").build();
    assertThrows(JsonReadException.class, () -> SafeNatsMessages.read(empty, Order.class));
  }

  @Test
  void invalidUtf8NamesTheByteRatherThanReadingReplacementChars() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
    JsonReadException e =
        assertThrows(JsonReadException.class, () -> SafeNatsMessages.read(message(body, null), Object.class));
    assertEquals("$", e.path());
    assertTrue(e.getMessage().contains("not valid UTF-8 at byte 6"), e.getMessage());
  }

  @Test
  void aConfiguredReaderAppliesItsLimits() {
    SafeSerializer small = SafeSerializer.builder().maxInputLength(10).build();
    Message big = message("{\"count\":1234567890}");
    assertEquals(1234567890, SafeNatsMessages.read(big, Order.class).count());
    assertThrows(JsonReadException.class, () -> SafeNatsMessages.read(big, Order.class, small));
  }

  @Test
  void incidentsAreReadFromTheHeader() {
    Headers headers =
        new Headers()
            .put(
                SafeNatsPublisher.INCIDENTS_HEADER,
                "[{\"path\":\"$.probe.status\",\"kind\":\"FAILED\",\"type\":\"java.lang.IllegalStateException\"}]");
    List<Incident> incidents = SafeNatsMessages.incidents(message(new byte[] {'1'}, headers));
    assertEquals(1, incidents.size());
    assertEquals("$.probe.status", incidents.get(0).path());
    assertEquals(Incident.Kind.FAILED, incidents.get(0).kind());
    assertEquals("java.lang.IllegalStateException", incidents.get(0).type());
  }

  @Test
  void noHeaderMeansNoIncidents() {
    assertEquals(List.of(), SafeNatsMessages.incidents(message("1")));
    assertEquals(List.of(), SafeNatsMessages.incidents(message(new byte[] {'1'}, new Headers().put("k", "v"))));
  }
}
