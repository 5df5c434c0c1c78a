package io.safejson;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The core tests' oracle refuses what strict JSON refuses, so the tests that lean on it can fail. */
final class StrictJsonTest {

  @Test
  void acceptsOneValidRootValue() {
    assertNull(StrictJson.problem("{\"a\":[1,2.5,\"x\\ud83d\\ude00\",null,true]}"));
    assertNull(StrictJson.problem("\"text\""));
    assertNull(StrictJson.problem("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void refusesDuplicateKeysTrailingValuesNanAndLoneSurrogates() {
    assertNotNull(StrictJson.problem("{\"a\":1,\"a\":2}"));
    assertNotNull(StrictJson.problem("{\"a\":1} 2"));
    assertNotNull(StrictJson.problem("[NaN]"));
    assertNotNull(StrictJson.problem("[1,]"));
    assertNotNull(StrictJson.problem("[\"\\ud800\"]"));
    assertNotNull(StrictJson.problem("{\"\ud800\":1}"));
    assertNotNull(StrictJson.problem(""));
    assertNotNull(StrictJson.problem((String) null));
  }

  @Test
  void refusesBytesThatAreNotStrictUtf8() {
    assertNotNull(StrictJson.problem(new byte[] {'"', (byte) 0xC3, '"'}));
    assertNotNull(StrictJson.problem(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}));
  }

  @Test
  void equalJsonIgnoresKeyOrderAndNumberSpellingButNothingElse() {
    StrictJson.assertJsonEquals("{\"a\":1,\"b\":[1.0,\"x\"]}", "{\"b\":[1e0,\"x\"],\"a\":1.00}");
    assertThrows(AssertionError.class, () -> StrictJson.assertJsonEquals("{\"a\":1}", "{\"a\":2}"));
    assertThrows(AssertionError.class, () -> StrictJson.assertJsonEquals("[1,2]", "[2,1]"));
    assertThrows(AssertionError.class, () -> StrictJson.assertJsonEquals("{\"a\":\"1\"}", "{\"a\":1}"));
  }
}
