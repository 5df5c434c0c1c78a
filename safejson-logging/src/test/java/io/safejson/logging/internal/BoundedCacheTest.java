package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The direct-mapped cache: a hit (by equals, not only identity) computes nothing, a null result is not kept,
 * and a key whose slot is taken replaces the older entry; the slot count is the size rounded up to a power
 * of two, at least 16. Integer keys hash to themselves, so which keys share a slot is known.
 */
final class BoundedCacheTest {
  private final List<Integer> computed = new ArrayList<>();
  private final Function<Integer, String> compute = key -> {
    computed.add(key);
    return "v" + key;
  };

  @Test
  void aHitByAnEqualKeyComputesNothing() {
    BoundedCache<String, String> cache = new BoundedCache<>(16);
    List<String> calls = new ArrayList<>();
    String first = cache.get(new String("key"), k -> {
      calls.add(k);
      return "value";
    });
    String second = cache.get(new String("key"), k -> {
      calls.add(k);
      return "other";
    });
    assertEquals("value", first);
    assertSame(first, second);
    assertEquals(List.of("key"), calls);
  }

  @Test
  void aNullResultIsReturnedAndNotKept() {
    BoundedCache<Integer, String> cache = new BoundedCache<>(16);
    List<Integer> calls = new ArrayList<>();
    assertNull(cache.get(1, k -> {
      calls.add(k);
      return null;
    }));
    assertEquals("v1", cache.get(1, compute));
    assertEquals(List.of(1), calls);
    assertEquals(List.of(1), computed);
  }

  @Test
  void sixteenAskedGivesThirtyTwoSlots() {
    BoundedCache<Integer, String> cache = new BoundedCache<>(16);
    cache.get(0, compute);
    cache.get(16, compute); // another slot among 32
    cache.get(0, compute);
    cache.get(16, compute);
    assertEquals(List.of(0, 16), computed);
    cache.get(32, compute); // 32 & 31 == 0: replaces 0
    cache.get(0, compute);
    assertEquals(List.of(0, 16, 32, 0), computed);
  }

  @Test
  void fiveHundredTwelveAskedGivesFiveHundredTwelveSlots() {
    BoundedCache<Integer, String> cache = new BoundedCache<>(512);
    cache.get(0, compute);
    cache.get(256, compute);
    cache.get(0, compute);
    assertEquals(List.of(0, 256), computed, "0 and 256 live in different slots");
    cache.get(512, compute);
    cache.get(0, compute);
    assertEquals(List.of(0, 256, 512, 0), computed, "512 took the slot of 0");
  }

  @Test
  void tinySizesStillGetThirtyTwoSlots() {
    BoundedCache<Integer, String> cache = new BoundedCache<>(1);
    cache.get(0, compute);
    cache.get(16, compute);
    cache.get(0, compute);
    assertEquals(List.of(0, 16), computed);
  }

  @Test
  void theHighBitsOfTheHashAreMixedIn() {
    BoundedCache<Integer, String> cache = new BoundedCache<>(16);
    cache.get(0, compute);
    cache.get(1 << 16, compute); // same low bits as 0, but the spread hash puts it in slot 1
    cache.get(0, compute);
    assertEquals(List.of(0, 1 << 16), computed);
  }

  @Test
  void aKeyAskedForTheFirstTimeIfRepeatedIsNeitherComputedNorKeptThenIsOnTheSecondAsk() {
    BoundedCache<Integer, String> cache = new BoundedCache<>(16);
    assertNull(cache.getIfRepeated(3, compute));
    assertEquals(List.of(), computed);
    assertEquals("v3", cache.getIfRepeated(3, compute));
    assertEquals("v3", cache.getIfRepeated(3, compute));
    assertEquals(List.of(3), computed);
  }

  @Test
  void anotherKeyAskedForInBetweenInTheSameSlotResetsTheAdmission() {
    BoundedCache<Integer, String> cache = new BoundedCache<>(16);
    assertNull(cache.getIfRepeated(3, compute));
    assertNull(cache.getIfRepeated(35, compute)); // 35 & 31 == 3: the same slot
    assertNull(cache.getIfRepeated(3, compute));
    assertEquals(List.of(), computed);
  }
}
