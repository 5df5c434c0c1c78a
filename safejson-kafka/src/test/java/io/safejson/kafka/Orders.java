package io.safejson.kafka;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Orders to send: one with values that break plain JSON encoders, one with nothing to fix. */
final class Orders {
  private Orders() {}

  /** A map that contains itself through a list. */
  static Map<String, Object> cycle() {
    Map<String, Object> first = new HashMap<>();
    first.put("name", "start");
    List<Object> list = new ArrayList<>();
    list.add(1);
    list.add(first);
    first.put("loop", list);
    return first;
  }

  /** An order with a lone surrogate in its note, NaN as its score and a cycle in its details. */
  static OrderPlaced hostileOrder(int number) {
    return new OrderPlaced(
        new UUID(42, number),
        Instant.parse("2026-11-24T00:05:30Z").plusSeconds(number),
        new BigDecimal("12.50"),
        OrderPlaced.Status.PAID,
        "note \uD800 " + number,
        Double.NaN,
        cycle());
  }

  /** An order with nothing to fix. */
  static OrderPlaced cleanOrder(int number) {
    return new OrderPlaced(
        new UUID(7, number),
        Instant.parse("2026-11-24T00:05:30Z").plusSeconds(number),
        new BigDecimal("0.10").add(BigDecimal.valueOf(number)),
        OrderPlaced.Status.NEW,
        "order " + number,
        1.5,
        Map.of("n", number));
  }
}
