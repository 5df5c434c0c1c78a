package io.safejson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.safejson.DecimalStyle;
import io.safejson.EnumStyle;
import io.safejson.Incident;
import io.safejson.LargeIntegerStyle;
import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.BaseStream;

/**
 * Writes any Java value to a Jackson {@link JsonGenerator} in one pass, replacing what cannot be written
 * and reporting each replacement to the {@link WriteSession}.
 *
 * <p>Only the generator's own {@link IOException} escapes; every other failure becomes a marker and an
 * incident. Recursion is bounded by {@code maxDepth} (at most {@value SafeConfig#MAX_DEPTH_LIMIT}), so
 * arbitrarily deep input cannot overflow the stack. Thread-safe: all per-call state lives in the session.
 */
public final class ValueWriter {
  /** Unwrapping hops (Optional, AtomicReference, @JsonValue, converters) allowed without a container. */
  private static final int MAX_HOPS = 16;

  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
  private static final BigInteger MAX_SAFE_BIG = BigInteger.valueOf(MAX_SAFE_INTEGER);
  private static final BigInteger MIN_SAFE_BIG = BigInteger.valueOf(-MAX_SAFE_INTEGER);

  private final SafeConfig config;
  private final TypeRules rules;
  private final ObjectMapper jackson;
  /** Runs Jackson's own serializers into a buffer, as {@code valueToTree} does (no root wrapping). */
  private final com.fasterxml.jackson.databind.ObjectWriter treeWriter;
  private final ObjectEntries entries;
  private final boolean stringsAreFast;
  /** Longer strings are cut: {@code maxStringLength}, or the readers' limit when that is lower. */
  private final int stringLimit;

  ValueWriter(SafeConfig config, ObjectMapper jackson, TypeRules rules) {
    this.config = config;
    this.jackson = jackson;
    this.treeWriter = jackson.writer().without(com.fasterxml.jackson.databind.SerializationFeature.WRAP_ROOT_VALUE);
    this.rules = rules;
    this.entries = new ObjectEntries(this, config);
    this.stringsAreFast = config.converterFor(String.class) == null;
    this.stringLimit = Math.min(config.maxStringLength(), ReaderLimits.MAX_STRING_CHARS);
  }

  /** Writes one value, the root of a document: depth and {@code maxValues} count from here. */
  public void write(WriteSession s, Object value) throws IOException {
    s.restart(config.maxValues());
    writeValue(s, value, null, 0);
  }

  void writeValue(WriteSession s, Object value, Object holder, int hops) throws IOException {
    JsonGenerator g = s.generator;
    if (hops == 0 && --s.valuesLeft < 0) { // a wrapper (Optional...) and its content are one value
      writeOverBudget(s, value);
      return;
    }
    if (value == null) {
      g.writeNull();
      return;
    }
    Class<?> type = value.getClass();
    if (type == String.class && stringsAreFast) {
      writeString(s, (String) value);
      return;
    }
    TypeRule rule = rules.ruleFor(type);
    switch (rule.shape) {
      case CHAR_SEQUENCE:
        String text = textOf(s, value, null);
        if (text != null) {
          writeString(s, text);
        }
        return;
      case BOOLEAN:
        g.writeBoolean((Boolean) value);
        return;
      case INT:
        g.writeNumber(((Number) value).intValue());
        return;
      case LONG:
        writeLong(s, ((Number) value).longValue());
        return;
      case BIG_INTEGER:
        writeBigInteger(s, (BigInteger) value);
        return;
      case FLOAT:
        float f = (Float) value;
        if (Float.isFinite(f)) {
          g.writeNumber(f);
        } else {
          nonFinite(s, value);
        }
        return;
      case DOUBLE:
        writeDouble(s, value);
        return;
      case BIG_DECIMAL:
        writeBigDecimal(s, (BigDecimal) value);
        return;
      case CHARACTER:
        writeString(s, String.valueOf(((Character) value).charValue()));
        return;
      case ENUM:
        writeEnum(s, (Enum<?>) value, rule);
        return;
      case TEXT:
        if (writeFormatted(s, value, rule.textKind)) {
          return;
        }
        String formatted = textOf(s, value, rule.textKind);
        if (formatted != null) {
          writeString(s, formatted);
        }
        return;
      case JSON_VALUE:
        Object jsonValue;
        try {
          jsonValue = rule.jsonValue.getValue(value);
        } catch (Throwable t) {
          failed(s, value, "@JsonValue accessor threw", t);
          return;
        }
        writeInner(s, jsonValue, value, hops);
        return;
      case OPTIONAL:
        writeInner(s, ((Optional<?>) value).orElse(null), value, hops);
        return;
      case OPTIONAL_INT:
        OptionalInt optionalInt = (OptionalInt) value;
        if (optionalInt.isPresent()) {
          g.writeNumber(optionalInt.getAsInt());
        } else {
          g.writeNull();
        }
        return;
      case OPTIONAL_LONG:
        OptionalLong optionalLong = (OptionalLong) value;
        if (optionalLong.isPresent()) {
          writeLong(s, optionalLong.getAsLong());
        } else {
          g.writeNull();
        }
        return;
      case OPTIONAL_DOUBLE:
        OptionalDouble optionalDouble = (OptionalDouble) value;
        writeInner(
            s, optionalDouble.isPresent() ? optionalDouble.getAsDouble() : null, value, hops);
        return;
      case ATOMIC_REFERENCE:
        writeInner(s, ((AtomicReference<?>) value).get(), value, hops);
        return;
      case ATOMIC_BOOLEAN:
        g.writeBoolean(((AtomicBoolean) value).get());
        return;
      case BYTES:
        writeBytes(s, (byte[]) value);
        return;
      case CHARS:
        writeString(s, new String((char[]) value));
        return;
      case ARRAY:
        writeArray(s, value);
        return;
      case COLLECTION:
        int size;
        try {
          size = ((Collection<?>) value).size();
        } catch (Throwable t) {
          size = -1;
        }
        writeIterable(s, value, size);
        return;
      case ITERABLE:
      case STREAM:
        writeIterable(s, value, -1);
        return;
      case ITERATOR:
        writeElements(s, value, (Iterator<?>) value, -1);
        return;
      case ENUMERATION:
        writeElements(s, value, ((Enumeration<?>) value).asIterator(), -1);
        return;
      case MAP:
        entries.writeMap(s, (Map<?, ?>) value);
        return;
      case THROWABLE:
        writeThrowable(s, (Throwable) value);
        return;
      case JSON_NODE:
        writeNode(s, (JsonNode) value);
        return;
      case BEAN:
        entries.writeBean(s, value, rule);
        return;
      case DELEGATE:
        delegate(s, value);
        return;
      case UNKNOWN:
        writeUnknown(s, value, rule);
        return;
      case SENSITIVE:
        g.writeString(Markers.REDACTED);
        return;
      case CONVERTED:
        Object converted;
        try {
          converted = rule.converter.apply(value);
        } catch (Throwable t) {
          failed(s, value, "converter threw", t);
          return;
        }
        writeInner(s, converted, value, hops);
        return;
      default:
        throw new AssertionError(rule.shape);
    }
  }

  /**
   * Writes a UUID or an instant formatted straight into the session's scratch chars; false (nothing
   * written) for other kinds, an instant outside years 0000-9999, or text over maxStringLength.
   */
  private boolean writeFormatted(WriteSession s, Object value, TextKind kind) throws IOException {
    int length;
    char[] chars;
    if (kind == TextKind.UUID_TEXT) {
      chars = s.scratch();
      length = CharFormats.uuid((java.util.UUID) value, chars);
    } else if (kind == TextKind.INSTANT) {
      chars = s.scratch();
      length = CharFormats.instant((java.time.Instant) value, chars);
    } else {
      return false;
    }
    if (length < 0 || length > config.maxStringLength()) {
      return false;
    }
    s.generator.writeString(chars, 0, length);
    return true;
  }

  /** Writes {@code toString()} with an UNKNOWN_TYPE incident; a throwing toString() is FAILED instead. */
  private void writeUnknown(WriteSession s, Object value, TypeRule rule) throws IOException {
    String text;
    try {
      text = value.toString();
    } catch (Throwable t) {
      failed(s, value, "toString() threw", t);
      return;
    }
    report(s, true, Incident.Kind.UNKNOWN_TYPE, value, rule.unknownReason);
    if (text == null) {
      s.generator.writeNull();
    } else {
      writeString(s, text);
    }
  }

  /** Writes a value unwrapped from a holder that opened no container (Optional, @JsonValue...). */
  private void writeInner(WriteSession s, Object inner, Object holder, int hops) throws IOException {
    if (inner != null && inner == holder) {
      report(s, true, Incident.Kind.CYCLE, holder, "value unwraps to itself");
      s.generator.writeString(Markers.CYCLE);
    } else if (hops >= MAX_HOPS) {
      report(s, true, Incident.Kind.MAX_DEPTH, holder, "more than " + MAX_HOPS + " nested wrappers");
      s.generator.writeString(Markers.MAX_DEPTH);
    } else {
      writeValue(s, inner, holder, hops + 1);
    }
  }

  /**
   * Returns {@code toString()} or the kind's text; returns null when it already wrote the value instead: a
   * FAILED marker when the call threw, JSON null when it returned null.
   */
  private String textOf(WriteSession s, Object value, TextKind kind) throws IOException {
    String text;
    try {
      text = kind == null ? value.toString() : kind.text(value, config.zone());
    } catch (Throwable t) {
      failed(s, value, "toString() threw", t);
      return null;
    }
    if (text == null) {
      s.generator.writeNull();
    }
    return text;
  }

  void writeString(WriteSession s, String text) throws IOException {
    if (text.length() > stringLimit) {
      int max = config.maxStringLength();
      int kept = ReaderLimits.kept(max, ReaderLimits.MAX_STRING_CHARS);
      if (kept < max) {
        report(
            s,
            true,
            Incident.Kind.READER_LIMIT,
            text,
            "kept " + kept + " of " + text.length() + " chars: default JSON readers (Jackson 2) reject strings over "
                + ReaderLimits.MAX_STRING_CHARS);
      } else {
        report(s, true, Incident.Kind.TRUNCATED, text, "kept " + max + " of " + text.length() + " chars");
      }
      text = text.substring(0, Strings.cutPoint(text, kept)) + Markers.TRUNCATED_SUFFIX;
    }
    int lone = Strings.firstLoneSurrogate(text);
    if (lone >= 0) {
      report(s, true, Incident.Kind.INVALID_STRING, text, "lone surrogate at index " + lone);
      text = Strings.replaceLoneSurrogates(text, lone);
    }
    s.generator.writeString(text);
  }

  private void writeLong(WriteSession s, long value) throws IOException {
    if (config.largeIntegers() == LargeIntegerStyle.STRING_WHEN_UNSAFE
        && (value > MAX_SAFE_INTEGER || value < -MAX_SAFE_INTEGER)) {
      s.generator.writeString(Long.toString(value));
    } else {
      s.generator.writeNumber(value);
    }
  }

  private void writeBigInteger(WriteSession s, BigInteger value) throws IOException {
    if (config.largeIntegers() == LargeIntegerStyle.STRING_WHEN_UNSAFE
        && (value.compareTo(MAX_SAFE_BIG) > 0 || value.compareTo(MIN_SAFE_BIG) < 0)) {
      writeString(s, value.toString());
    } else if (ReaderLimits.fitsReaders(value)) {
      s.generator.writeNumber(value);
    } else {
      report(
          s,
          true,
          Incident.Kind.READER_LIMIT,
          value,
          "integer of " + value.bitLength() + " bits written as a string: JavaScript would read it as Infinity");
      writeString(s, value.toString());
    }
  }

  private void writeDouble(WriteSession s, Object value) throws IOException {
    double d;
    try {
      d = ((Number) value).doubleValue();
    } catch (Throwable t) {
      failed(s, value, "doubleValue() threw", t);
      return;
    }
    if (Double.isFinite(d)) {
      s.generator.writeNumber(d);
    } else {
      nonFinite(s, value);
    }
  }

  private void nonFinite(WriteSession s, Object value) throws IOException {
    report(s, true, Incident.Kind.NON_FINITE, value, value + " written as null");
    s.generator.writeNull();
  }

  private void writeBigDecimal(WriteSession s, BigDecimal value) throws IOException {
    if (config.decimalStyle() == DecimalStyle.NUMBER) {
      writeDecimalNumber(s, value);
    } else {
      writeString(s, plain(value));
    }
  }

  /**
   * Writes a decimal as a JSON number when default readers keep it ({@link ReaderLimits#fitsReaders}),
   * otherwise as the string the STRING style gives, with a READER_LIMIT incident.
   */
  private void writeDecimalNumber(WriteSession s, BigDecimal value) throws IOException {
    String text = plain(value);
    if (ReaderLimits.fitsReaders(value, text)) {
      s.generator.writeNumber(text);
      return;
    }
    String why =
        text.length() > ReaderLimits.MAX_NUMBER_CHARS
            ? "a number of " + text.length() + " chars; Jackson rejects more than " + ReaderLimits.MAX_NUMBER_CHARS
            : "outside the double range; JavaScript and Python would read it as "
                + (value.abs().compareTo(BigDecimal.ONE) > 0 ? "Infinity" : "0");
    report(s, true, Incident.Kind.READER_LIMIT, value, "written as a string: " + why);
    writeString(s, text);
  }

  /** Plain notation keeping the scale, unless that would mean more than a thousand padding zeros. */
  static String plain(BigDecimal value) {
    int scale = value.scale();
    if (scale < -1000 || scale - value.precision() > 1000) {
      return value.toString();
    }
    return value.toPlainString();
  }

  private void writeEnum(WriteSession s, Enum<?> value, TypeRule rule) throws IOException {
    if (rule.enumNames != null) {
      s.generator.writeString(rule.enumNames[value.ordinal()]);
      return;
    }
    String text;
    try {
      text = value.toString();
    } catch (Throwable t) {
      failed(s, value, "toString() threw; wrote name()", t, value.name());
      return;
    }
    writeString(s, text == null ? value.name() : text);
  }

  /**
   * Returns the JSON key for a map key, normalized by the same rules as values; throws what the key's
   * {@code toString()} or {@code @JsonValue} threw, for the caller to report.
   */
  String keyText(Object key) {
    String text = keyTextOrNull(key);
    return text == null ? "null" : text;
  }

  private String keyTextOrNull(Object key) {
    if (key == null) {
      return null;
    }
    if (key instanceof String) {
      return (String) key;
    }
    TypeRule rule = rules.ruleFor(key.getClass());
    switch (rule.shape) {
      case ENUM:
        return rule.enumNames != null ? rule.enumNames[((Enum<?>) key).ordinal()] : key.toString();
      case TEXT:
        return rule.textKind.text(key, config.zone());
      case BIG_DECIMAL:
        return plain((BigDecimal) key);
      case JSON_VALUE:
        return String.valueOf(rule.jsonValue.getValue(key));
      case SENSITIVE:
        return Markers.REDACTED;
      default:
        return String.valueOf(key);
    }
  }

  private void writeBytes(WriteSession s, byte[] bytes) throws IOException {
    int max = Math.max(3, stringLimit / 4 * 3); // base64 of at most stringLimit chars
    int length = bytes.length;
    if (length > max) {
      Incident.Kind kind =
          stringLimit < config.maxStringLength() ? Incident.Kind.READER_LIMIT : Incident.Kind.TRUNCATED;
      report(s, true, kind, bytes, "kept " + max + " of " + length + " bytes");
      length = max;
    }
    s.generator.writeBinary(bytes, 0, length);
  }

  private void writeArray(WriteSession s, Object array) throws IOException {
    if (!enter(s, array)) {
      return;
    }
    JsonGenerator g = s.generator;
    int length = Array.getLength(array);
    g.writeStartArray(array, length);
    int kept = Math.min(length, config.maxItems());
    boolean primitive = array.getClass().getComponentType().isPrimitive();
    Object[] objects = primitive ? null : (Object[]) array;
    for (int i = 0; i < kept && !s.exhausted(); i++) {
      writeValue(s, primitive ? Array.get(array, i) : objects[i], null, 0);
    }
    if (kept < length && !s.exhausted()) {
      truncatedItems(s, array, kept, length);
    }
    g.writeEndArray();
  }

  private void writeIterable(WriteSession s, Object iterable, int size) throws IOException {
    Iterator<?> iterator;
    try {
      iterator =
          iterable instanceof BaseStream
              ? ((BaseStream<?, ?>) iterable).iterator()
              : ((Iterable<?>) iterable).iterator();
    } catch (Throwable t) {
      failed(s, iterable, "iterator() threw", t);
      return;
    }
    writeElements(s, iterable, iterator, size);
  }

  private void writeElements(WriteSession s, Object container, Iterator<?> iterator, int size)
      throws IOException {
    if (!enter(s, container)) {
      return;
    }
    JsonGenerator g = s.generator;
    g.writeStartArray(container);
    int max = config.maxItems();
    int count = 0;
    while (!s.exhausted()) {
      boolean more;
      Object element = null;
      try {
        more = iterator.hasNext();
        if (more && count < max) {
          element = iterator.next();
        }
      } catch (Throwable t) {
        failed(s, container, "iteration threw after " + count + " items", t);
        break;
      }
      if (!more) {
        break;
      }
      if (count >= max) {
        truncatedItems(s, container, count, size);
        break;
      }
      writeValue(s, element, null, 0);
      count++;
    }
    g.writeEndArray();
  }

  private void truncatedItems(WriteSession s, Object container, int kept, int size)
      throws IOException {
    String detail =
        size >= 0 ? "kept " + kept + " of " + size + " items" : "kept " + kept + " items, more followed";
    report(s, false, Incident.Kind.TRUNCATED, container, detail);
    s.generator.writeString(Markers.TRUNCATED);
  }

  private void writeThrowable(WriteSession s, Throwable throwable) throws IOException {
    if (!enter(s, throwable)) {
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
      failed(s, throwable, "getMessage() threw", t);
      message = null;
      g.writeFieldName("cause");
      g.writeNull();
      g.writeEndObject();
      return;
    }
    if (message == null) {
      g.writeNull();
    } else {
      writeString(s, message);
    }
    Throwable cause;
    try {
      cause = throwable.getCause();
    } catch (Throwable t) {
      Failures.rethrowIfFatal(t);
      cause = null;
    }
    g.writeFieldName("cause");
    writeValue(s, cause, null, 0);
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
        entries.writeNodeObject(s, node);
        return;
      case ARRAY:
        writeElements(s, node, node.elements(), node.size());
        return;
      case STRING:
        writeString(s, node.textValue());
        return;
      case BOOLEAN:
        g.writeBoolean(node.booleanValue());
        return;
      case NUMBER:
        writeNumberNode(s, node);
        return;
      case BINARY:
        writeBytes(s, node.binaryValue());
        return;
      case POJO:
        writeValue(s, ((POJONode) node).getPojo(), node, 0);
        return;
      default:
        g.writeNull();
    }
  }

  private void writeNumberNode(WriteSession s, JsonNode node) throws IOException {
    if (node.isFloat() || node.isDouble()) {
      writeValue(s, node.numberValue(), node, 0);
    } else if (node.isBigInteger()) {
      writeBigInteger(s, node.bigIntegerValue());
    } else if (node.isBigDecimal()) {
      writeDecimalNumber(s, node.decimalValue());
    } else {
      writeLong(s, node.longValue());
    }
  }

  /** Lets Jackson write a type with its own serialization, then replays the result through the checks. */
  private void delegate(WriteSession s, Object value) throws IOException {
    if (s.provider != null) {
      // Already inside a Jackson serializer's buffer: hand the value back to Jackson, which owns this pass.
      s.provider.defaultSerializeValue(value, s.generator);
      return;
    }
    JsonNode tree;
    try {
      TokenBuffer buffer = new TokenBuffer(jackson, false);
      treeWriter.writeValue(new BudgetedGenerator(buffer, Math.max(0, s.valuesLeft)), value);
      tree = jackson.readTree(buffer.asParser(jackson));
    } catch (Throwable t) {
      if (BudgetedGenerator.isOverBudget(t)) {
        writeOverBudget(s, value);
      } else {
        failed(s, value, "Jackson serializer threw", t);
      }
      return;
    }
    writeNode(s, tree);
  }

  /**
   * The document ran out of {@code maxValues} (here or inside a value Jackson serializes): the marker, and
   * one incident for the whole document.
   */
  void writeOverBudget(WriteSession s, Object value) throws IOException {
    s.valuesLeft = -1;
    if (!s.overBudgetReported) {
      s.overBudgetReported = true;
      report(s, true, Incident.Kind.TRUNCATED, value, "more than " + config.maxValues() + " values (maxValues)");
    }
    s.generator.writeString(Markers.TRUNCATED);
  }

  /**
   * Runs a Jackson property serializer into a buffer, within what is left of the document's
   * {@code maxValues}; returns its tree, or null if it wrote nothing.
   */
  JsonNode jacksonProperty(WriteSession s, Object bean, TypeRule.Property property) throws Exception {
    TokenBuffer buffer = new TokenBuffer(jackson, false);
    buffer.writeStartObject();
    property
        .writer()
        .serializeAsField(
            bean, new BudgetedGenerator(buffer, Math.max(0, s.valuesLeft)), jackson.getSerializerProviderInstance());
    buffer.writeEndObject();
    JsonNode object = jackson.readTree(buffer.asParser(jackson));
    return object == null ? null : object.get(property.writer().getName());
  }

  /**
   * Checks depth and cycles before opening a container; writes the marker and returns false when the
   * container must not be opened.
   */
  boolean enter(WriteSession s, Object container) throws IOException {
    JsonStreamContext context = s.generator.getOutputContext();
    int depth = context.getNestingDepth();
    if (depth - s.baseDepth >= config.maxDepth()) {
      report(
          s, true, Incident.Kind.MAX_DEPTH, container, "nested deeper than " + config.maxDepth());
      s.generator.writeString(Markers.MAX_DEPTH);
      return false;
    }
    if (depth >= ReaderLimits.MAX_DEPTH) {
      // Only when writing into a caller's generator that was already nested (writeTo, writerFor).
      report(
          s,
          true,
          Incident.Kind.READER_LIMIT,
          container,
          "document nested deeper than " + ReaderLimits.MAX_DEPTH + ", the default limit of Jackson 3");
      s.generator.writeString(Markers.MAX_DEPTH);
      return false;
    }
    for (JsonStreamContext c = context; c != null; c = c.getParent()) {
      if (c.getCurrentValue() == container) {
        report(s, true, Incident.Kind.CYCLE, container, "repeats an enclosing value");
        s.generator.writeString(Markers.CYCLE);
        return false;
      }
    }
    return true;
  }

  void failed(WriteSession s, Object value, String what, Throwable t) throws IOException {
    failed(s, value, what, t, Markers.FAILED);
  }

  private void failed(WriteSession s, Object value, String what, Throwable t, String replacement)
      throws IOException {
    Failures.rethrowIfFatal(t);
    report(s, true, Incident.Kind.FAILED, value, what + ": " + Failures.describe(t));
    s.generator.writeString(replacement);
  }

  void report(WriteSession s, boolean pending, Incident.Kind kind, Object value, String detail) {
    String path = JsonPaths.of(s.generator.getOutputContext(), pending);
    String type = value == null ? "null" : value.getClass().getName();
    s.report(new Incident(path, kind, type, detail));
  }

  /** True when nested values in buffers handed to Jackson may be written by this writer. */
  boolean isTableType(Class<?> type) {
    return rules.isTableType(type);
  }

  EnumStyle enumStyle() {
    return config.enumStyle();
  }
}
