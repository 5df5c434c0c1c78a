package io.safejson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.safejson.Incident;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Iterator;
import java.util.stream.BaseStream;

/**
 * Writes arrays, iterables, throwables and Jackson trees, each item by the rules of its own class, within
 * {@code maxItems}. Thread-safe: all per-call state lives in the session.
 */
final class SequenceWriter {
  private final ValueWriter writer;
  private final int maxItems;

  SequenceWriter(ValueWriter writer, SafeConfig config) {
    this.writer = writer;
    this.maxItems = config.maxItems();
  }

  void writeArray(WriteSession s, Object array) throws IOException {
    if (!writer.enter(s, array)) {
      return;
    }
    JsonGenerator g = s.generator;
    int length = Array.getLength(array);
    g.writeStartArray(array, length);
    int kept = Math.min(length, maxItems);
    boolean primitive = array.getClass().getComponentType().isPrimitive();
    Object[] objects = primitive ? null : (Object[]) array;
    RuleSlot items = s.takeItemSlot();
    Class<?> lastType = null;
    ValueRule lastRule = null;
    for (int i = 0; i < kept && !s.exhausted(); i++) {
      Object item = primitive ? Array.get(array, i) : objects[i];
      Class<?> type = item == null ? null : item.getClass();
      ValueRule rule = writer.writeItem(s, item, writer.knownRule(type, lastType, lastRule, items));
      if (rule != null) {
        lastType = type;
        lastRule = rule;
      }
    }
    if (kept < length && !s.exhausted()) {
      truncatedItems(s, array, kept, length);
    }
    g.writeEndArray();
  }

  void writeIterable(WriteSession s, Object iterable, int size) throws IOException {
    Iterator<?> iterator;
    try {
      iterator =
          iterable instanceof BaseStream
              ? ((BaseStream<?, ?>) iterable).iterator()
              : ((Iterable<?>) iterable).iterator();
    } catch (Throwable t) {
      writer.failed(s, iterable, "iterator() threw", t);
      return;
    }
    writeElements(s, iterable, iterator, size);
  }

  void writeElements(WriteSession s, Object container, Iterator<?> iterator, int size)
      throws IOException {
    if (!writer.enter(s, container)) {
      return;
    }
    JsonGenerator g = s.generator;
    g.writeStartArray(container);
    int count = 0;
    RuleSlot items = s.takeItemSlot();
    Class<?> lastType = null;
    ValueRule lastRule = null;
    while (!s.exhausted()) {
      boolean more;
      Object element = null;
      try {
        more = iterator.hasNext();
        if (more && count < maxItems) {
          element = iterator.next();
        }
      } catch (Throwable t) {
        writer.failed(s, container, "iteration threw after " + count + " items", t);
        break;
      }
      if (!more) {
        break;
      }
      if (count >= maxItems) {
        truncatedItems(s, container, count, size);
        break;
      }
      Class<?> type = element == null ? null : element.getClass();
      ValueRule rule = writer.writeItem(s, element, writer.knownRule(type, lastType, lastRule, items));
      if (rule != null) {
        lastType = type;
        lastRule = rule;
      }
      count++;
    }
    g.writeEndArray();
  }

  private void truncatedItems(WriteSession s, Object container, int kept, int size)
      throws IOException {
    String detail =
        size >= 0 ? "kept " + kept + " of " + size + " items" : "kept " + kept + " items, more followed";
    writer.report(s, false, Incident.Kind.TRUNCATED, container, detail);
    s.generator.writeString(Markers.TRUNCATED);
  }

  void writeThrowable(WriteSession s, Throwable throwable) throws IOException {
    if (!writer.enter(s, throwable)) {
      return;
    }
    JsonGenerator g = s.generator;
    g.writeStartObject(throwable);
    g.writeFieldName("type");
    g.writeString(throwable.getClass().getName());
    g.writeFieldName("message");
    String message;
    try {
      message = throwable.getMessage();
    } catch (Throwable t) {
      writer.failed(s, throwable, "getMessage() threw", t);
      g.writeFieldName("cause");
      g.writeNull();
      g.writeEndObject();
      return;
    }
    if (message == null) {
      g.writeNull();
    } else {
      writer.scalars.writeString(s, message);
    }
    Throwable cause;
    try {
      cause = throwable.getCause();
    } catch (Throwable t) {
      Failures.rethrowIfFatal(t);
      cause = null;
    }
    g.writeFieldName("cause");
    writer.writeValue(s, cause, 0);
    g.writeEndObject();
  }

  void writeNode(WriteSession s, JsonNode node) throws IOException {
    JsonGenerator g = s.generator;
    if (node == null) {
      g.writeNull();
      return;
    }
    switch (node.getNodeType()) {
      case OBJECT:
        writer.entries.writeNodeObject(s, node);
        return;
      case ARRAY:
        writeElements(s, node, node.elements(), node.size());
        return;
      case STRING:
        writer.scalars.writeString(s, node.textValue());
        return;
      case BOOLEAN:
        g.writeBoolean(node.booleanValue());
        return;
      case NUMBER:
        writeNumberNode(s, node);
        return;
      case BINARY:
        writer.scalars.writeBytes(s, node.binaryValue());
        return;
      case POJO:
        writer.writeValue(s, ((POJONode) node).getPojo(), 0);
        return;
      default:
        g.writeNull();
    }
  }

  private void writeNumberNode(WriteSession s, JsonNode node) throws IOException {
    if (node.isFloat() || node.isDouble()) {
      writer.writeValue(s, node.numberValue(), 0);
    } else if (node.isBigInteger()) {
      writer.scalars.writeBigInteger(s, node.bigIntegerValue());
    } else if (node.isBigDecimal()) {
      writer.scalars.writeDecimalNumber(s, node.decimalValue());
    } else {
      writer.scalars.writeLong(s, node.longValue());
    }
  }
}
