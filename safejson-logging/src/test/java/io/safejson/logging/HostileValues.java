package io.safejson.logging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Values that break naive JSON encoders, shared by the example tests and the properties. */
final class HostileValues {
  static final String TEN_MB = "x".repeat(10 * 1024 * 1024);
  static final String LONE_SURROGATE = "half \uD800 pair";

  private HostileValues() {}

  /** An object whose {@code toString()} throws. */
  static final class ThrowingToString {
    @Override
    public String toString() {
      throw new IllegalStateException("toString exploded");
    }
  }

  /** A bean whose getter throws. */
  static final class ThrowingGetter {
    public String getValue() {
      throw new IllegalStateException("getter exploded");
    }
  }

  static List<Object> cyclicList() {
    List<Object> list = new ArrayList<>();
    list.add("head");
    list.add(list);
    return list;
  }

  static Map<String, Object> cyclicMap() {
    Map<String, Object> map = new HashMap<>();
    map.put("self", map);
    return map;
  }
}
