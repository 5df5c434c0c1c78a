package io.safejson.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.safejson.SafeSerializer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

final class SafeJsonSerdeTest {
  @Test
  void ofTypeRoundTripsAValueAndReportsIncidents() {
    Serde<OrderPlaced> serde = SafeJsonSerde.of(OrderPlaced.class);
    RecordHeaders headers = new RecordHeaders();
    OrderPlaced sent = Orders.hostileOrder(5);
    byte[] bytes = serde.serializer().serialize("t", headers, sent);
    OrderPlaced read = serde.deserializer().deserialize("t", headers, bytes);
    assertEquals(sent.id(), read.id());
    assertEquals("note \uFFFD 5", read.note());
    assertNotNull(headers.lastHeader("safejson-incidents"));
  }

  @Test
  void ofTypeAndSerializerWritesAndReadsWithIt() {
    SafeSerializer own = SafeSerializer.builder().redact("note").build();
    Serde<OrderSummary> serde = SafeJsonSerde.of(OrderSummary.class, own);
    byte[] bytes = serde.serializer().serialize("t", new OrderSummary(null, null, "secret"));
    // Null properties are written, as Jackson writes them by default.
    assertEquals("{\"id\":null,\"total\":null,\"note\":\"[REDACTED]\"}", new String(bytes, StandardCharsets.UTF_8));
    assertEquals(new OrderSummary(null, null, "[REDACTED]"), serde.deserializer().deserialize("t", bytes));
  }

  @Test
  void theNoArgSerdeIsConfiguredByKeys() {
    try (SafeJsonSerde<Object> serde = new SafeJsonSerde<>()) {
      serde.configure(
          Map.of("safejson.key.type", OrderSummary.class.getName(), "safejson.sort.keys", "true",
              "max.request.size", "2048", "safejson.oversize.policy", "FAIL"),
          true);
      byte[] bytes = serde.serializer().serialize("t", Map.of("note", "n", "id", "123e4567-e89b-12d3-a456-426614174000"));
      assertEquals("{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"note\":\"n\"}", new String(bytes, StandardCharsets.UTF_8));
      assertEquals("n", ((OrderSummary) serde.deserializer().deserialize("t", bytes)).note());
      assertThrows(SerializationException.class, () -> serde.serializer().serialize("t", "x".repeat(2_000)));
    }
  }
}
