package io.safejson.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.safejson.SafeSerializer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class SafeJsonDeserializerTest {
  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static Stream<Arguments> poison() {
    String nested = "[".repeat(150) + "]".repeat(150);
    return Stream.of(
        Arguments.of("not JSON", utf8("{\"id\": nope}"), "Cannot read JSON at $"),
        Arguments.of("cut short", utf8("{\"note\":\"abc"), "Cannot read JSON at $"),
        Arguments.of("empty", new byte[0], "Cannot read JSON at $"),
        Arguments.of("invalid UTF-8", new byte[] {'{', '"', 'a', (byte) 0xFF, '"', ':', '1', '}'}, "not valid UTF-8 at byte 3"),
        Arguments.of("an encoded surrogate", new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, "not valid UTF-8 at byte 1"),
        Arguments.of("duplicate keys", utf8("{\"note\":\"a\",\"note\":\"b\"}"), "Duplicate"),
        Arguments.of("trailing tokens", utf8("{\"note\":\"a\"} {}"), "Cannot read JSON at $"),
        Arguments.of("wrong shape", utf8("{\"total\":{\"x\":1}}"), "Cannot read JSON at $.total"),
        Arguments.of("bad UUID", utf8("{\"id\":\"not-a-uuid\"}"), "Cannot read JSON at $.id"),
        Arguments.of("too deep", utf8("{\"details\":" + nested + "}"), "Cannot read JSON at $"),
        Arguments.of("NaN token", utf8("{\"score\":NaN}"), "Cannot read JSON at $"),
        Arguments.of("polymorphic typing attempt",
            utf8("{\"details\":[\"java.net.URL\",\"http://example.invalid\"],\"@class\":\"java.lang.Runtime\"}"), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("poison")
  void aPoisonRecordGivesASerializationExceptionNamingWhatWasWrong(String what, byte[] data, String reason) {
    SafeJsonDeserializer<OrderPlaced> deserializer = new SafeJsonDeserializer<>(OrderPlaced.class);
    if (reason == null) {
      // Type names in the input are data: the record reads as an order with a plain list in its details.
      OrderPlaced read = deserializer.deserialize("orders", data);
      assertEquals(List.of("java.net.URL", "http://example.invalid"), read.details());
      return;
    }
    SerializationException e =
        assertThrows(SerializationException.class, () -> deserializer.deserialize("orders", new RecordHeaders(), data));
    String message = e.getMessage();
    assertTrue(message.startsWith("Cannot read a record of topic orders (" + data.length + " bytes) as io.safejson.kafka.OrderPlaced: "), message);
    assertTrue(message.contains(reason), message);
  }

  @Test
  void aGoodRecordReadsIntoTheType() {
    OrderPlaced order = Orders.cleanOrder(3);
    byte[] bytes = new SafeJsonSerializer().serialize("orders", order);
    assertEquals(order, new SafeJsonDeserializer<>(OrderPlaced.class).deserialize("orders", bytes));
  }

  @Test
  void nullAndJsonNullStayNull() {
    SafeJsonDeserializer<OrderPlaced> deserializer = new SafeJsonDeserializer<>(OrderPlaced.class);
    assertNull(deserializer.deserialize("t", null));
    assertNull(deserializer.deserialize("t", utf8("null")));
  }

  @Test
  void theTypeComesFromValueTypeOrKeyType() {
    SafeJsonDeserializer<Object> values = new SafeJsonDeserializer<>();
    values.configure(Map.of("safejson.value.type", "io.safejson.kafka.OrderSummary"), false);
    assertEquals(new OrderSummary(null, null, "n"), values.deserialize("t", utf8("{\"note\":\"n\"}")));

    SafeJsonDeserializer<Object> keys = new SafeJsonDeserializer<>();
    keys.configure(Map.of("safejson.value.type", "java.lang.String", "safejson.key.type", OrderSummary.class), true);
    assertEquals(new OrderSummary(null, null, "k"), keys.deserialize("t", utf8("{\"note\":\"k\"}")));
  }

  @Test
  void withoutAnyTypeConfigureFailsNamingTheKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> new SafeJsonDeserializer<>().configure(Map.of(), false));
    assertTrue(e.getMessage().contains("safejson.value.type"), e.getMessage());
    ConfigException key = assertThrows(ConfigException.class, () -> new SafeJsonDeserializer<>().configure(Map.of(), true));
    assertTrue(key.getMessage().contains("safejson.key.type"), key.getMessage());
    ConfigException missing = assertThrows(
        ConfigException.class,
        () -> new SafeJsonDeserializer<>().configure(Map.of("safejson.value.type", "com.example.Missing"), false));
    assertTrue(missing.getMessage().contains("safejson.value.type"), missing.getMessage());
  }

  @Test
  void anUnconfiguredDeserializerWithoutATypeSaysSo() {
    SerializationException e =
        assertThrows(SerializationException.class, () -> new SafeJsonDeserializer<>().deserialize("t", utf8("{}")));
    assertTrue(e.getMessage().contains("safejson.value.type"), e.getMessage());
  }

  @Test
  void theReaderLimitsComeFromTheSafejsonKeys() {
    SafeJsonDeserializer<OrderPlaced> deserializer = new SafeJsonDeserializer<>(OrderPlaced.class);
    deserializer.configure(Map.of("safejson.max.input.length", "15"), false);
    SerializationException e =
        assertThrows(SerializationException.class, () -> deserializer.deserialize("t", utf8("{\"note\":\"long enough\"}")));
    assertTrue(e.getMessage().contains("Cannot read JSON at $"), e.getMessage());
    assertEquals("ok", deserializer.deserialize("t", utf8("{\"note\":\"ok\"}")).note());
  }

  @Test
  void aReaderGivenToTheConstructorWinsOverTheKeys() {
    SafeJsonDeserializer<OrderPlaced> deserializer =
        new SafeJsonDeserializer<>(OrderPlaced.class, SafeSerializer.builder().maxInputLength(10).build());
    deserializer.configure(Map.of("safejson.max.input.length", "1000"), false);
    assertThrows(SerializationException.class, () -> deserializer.deserialize("t", utf8("{\"note\":\"long enough\"}")));
  }

  @Test
  void aTypeGivenToTheConstructorWinsOverTheKey() {
    SafeJsonDeserializer<OrderSummary> deserializer = new SafeJsonDeserializer<>(OrderSummary.class);
    deserializer.configure(Map.of("safejson.value.type", "java.lang.String"), false);
    assertEquals(new OrderSummary(null, null, "n"), deserializer.deserialize("t", utf8("{\"note\":\"n\"}")));
  }
}
