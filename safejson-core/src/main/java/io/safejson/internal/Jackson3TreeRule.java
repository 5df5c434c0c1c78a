package io.safejson.internal;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a Jackson 3 tree ({@code tools.jackson.databind.JsonNode}) as the JSON it holds, with the rules the
 * core applies to a Jackson 2 tree, without depending on Jackson 3: the class is recognized by name and read
 * through its public methods one level at a time (an object node becomes a map of its child nodes, an array
 * node a list of them, which the core then writes with its depth, cycle, key and budget rules). Without this
 * rule a Jackson 3 node, an {@code Iterable} of its values, would be written as a list and lose its keys.
 */
final class Jackson3TreeRule implements ValueRule {
  /** The base class of every Jackson 3 node. */
  static final String NODE_CLASS = "tools.jackson.databind.JsonNode";

  private final Method nodeType;
  private final Method properties;
  private final Method values;
  private final Method stringValue;
  private final Method numberValue;
  private final Method booleanValue;
  private final Method binaryValue;
  /** {@code POJONode.getPojo()}, or null for the other node classes. */
  private final Method pojo;

  private Jackson3TreeRule(Class<?> base, Class<?> type) throws NoSuchMethodException {
    this.nodeType = base.getMethod("getNodeType");
    this.properties = base.getMethod("properties");
    this.values = base.getMethod("values");
    this.stringValue = base.getMethod("stringValue");
    this.numberValue = base.getMethod("numberValue");
    this.booleanValue = base.getMethod("booleanValue");
    this.binaryValue = base.getMethod("binaryValue");
    Method getPojo;
    try {
      getPojo = type.getMethod("getPojo");
    } catch (NoSuchMethodException e) {
      getPojo = null;
    }
    this.pojo = getPojo;
  }

  /** Whether {@code type} is a Jackson 3 node class. */
  static boolean matches(Class<?> type) {
    return base(type) != null;
  }

  /**
   * The rule for a Jackson 3 node class; should a Jackson 3 release lack one of the methods read here, its
   * {@code toString()} (the node's JSON text) written as a string, which keeps the content.
   */
  static ValueRule of(Class<?> type, SafeConfig config) {
    try {
      return new Jackson3TreeRule(base(type), type);
    } catch (NoSuchMethodException | RuntimeException e) {
      return new TextRule((value, zone) -> value.toString(), null, config);
    }
  }

  private static Class<?> base(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(NODE_CLASS)) {
        return c;
      }
    }
    return null;
  }

  @Override
  public void write(ValueWriter w, WriteSession s, Object node, int hops) throws IOException {
    Object content;
    try {
      content = contentOf(node);
    } catch (Throwable t) {
      Throwable cause = t instanceof InvocationTargetException e && e.getCause() != null ? e.getCause() : t;
      w.failed(s, node, "reading a Jackson 3 node threw", cause);
      return;
    }
    if (content instanceof BigDecimal decimal) {
      w.scalars.writeDecimalNumber(s, decimal); // a number, as a Jackson 2 decimal node is
    } else if (content instanceof BigInteger integer) {
      w.scalars.writeBigInteger(s, integer);
    } else if (content instanceof Number number && !(content instanceof Double || content instanceof Float)) {
      w.scalars.writeLong(s, number.longValue());
    } else {
      w.writeInner(s, content, node, hops);
    }
  }

  /** The Java value one node holds: child nodes stay nodes, written by this rule when the core reaches them. */
  private Object contentOf(Object node) throws ReflectiveOperationException {
    switch (((Enum<?>) nodeType.invoke(node)).name()) {
      case "OBJECT":
        Map<Object, Object> object = new LinkedHashMap<>();
        for (Object entry : (Iterable<?>) properties.invoke(node)) {
          Map.Entry<?, ?> property = (Map.Entry<?, ?>) entry;
          object.put(property.getKey(), property.getValue());
        }
        return object;
      case "ARRAY":
        return new ArrayList<>((Collection<?>) values.invoke(node));
      case "STRING":
        return stringValue.invoke(node);
      case "NUMBER":
        return numberValue.invoke(node);
      case "BOOLEAN":
        return booleanValue.invoke(node);
      case "BINARY":
        return binaryValue.invoke(node);
      case "POJO":
        return pojo == null ? null : pojo.invoke(node);
      default: // NULL, MISSING
        return null;
    }
  }
}
