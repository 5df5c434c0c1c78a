package io.safejson.jackson3;

import io.safejson.SafeSerializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Teaches a serializer Jackson 3's trees, which the core (on Jackson 2) would otherwise walk as plain iterables:
 * a Jackson 3 node becomes the Java value it holds, one level at a time (an object a map of its child nodes, an
 * array a list of them), so the core writes it as it writes a Jackson 2 tree, with its depth, cycle and number
 * rules. Thread-safe.
 */
final class Jackson3Trees {
  /** The derived serializer of each serializer given to this module, built once (building configures a mapper). */
  private static final Map<SafeSerializer, SafeSerializer> DERIVED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private Jackson3Trees() {}

  /**
   * Returns {@code serializer} with a converter for Jackson 3 nodes, after its own converters: for every other
   * value its output is {@code serializer}'s.
   */
  static SafeSerializer teach(SafeSerializer serializer) {
    return DERIVED.computeIfAbsent(
        serializer,
        s -> s.toBuilder().addConverter(JsonNode.class, Jackson3Trees::contentOf).build());
  }

  /** The Java value a node holds; container children stay nodes, converted when the core reaches them. */
  static Object contentOf(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        Map<String, Object> object = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : node.properties()) {
          object.put(property.getKey(), property.getValue());
        }
        return object;
      case ARRAY:
        return new ArrayList<>(node.values());
      case STRING:
        return node.stringValue();
      case NUMBER:
        return node.numberValue();
      case BOOLEAN:
        return node.booleanValue();
      case BINARY:
        return node.binaryValue();
      case POJO:
        return ((tools.jackson.databind.node.POJONode) node).getPojo();
      case NULL:
      case MISSING:
        return null;
      default:
        return node.asString();
    }
  }
}
