package io.safejson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.Incident;
import java.io.IOException;

/**
 * Writes any Java value to a Jackson generator in one pass: finds the value's {@link ValueRule} and lets it
 * write, replacing what cannot be written and reporting each replacement to the {@link WriteSession}.
 *
 * <p>Only the generator's own {@link IOException} escapes; every other failure becomes a marker and an
 * incident. Recursion is bounded by {@code maxDepth} (at most {@value SafeConfig#MAX_DEPTH_LIMIT}), so
 * arbitrarily deep input cannot overflow the stack. Thread-safe: all per-call state lives in the session.
 */
final class ValueWriter {
  /** Unwrapping hops (Optional, AtomicReference, @JsonValue, converters) allowed without a container. */
  private static final int MAX_HOPS = 16;

  final SafeConfig config;
  final TypeRules rules;
  final ScalarWriter scalars;
  final SequenceWriter sequences;
  final ObjectEntries entries;
  final JacksonBridge bridge;
  private final boolean stringsAreFast;

  ValueWriter(SafeConfig config, ObjectMapper jackson, TypeRules rules) {
    this.config = config;
    this.rules = rules;
    this.scalars = new ScalarWriter(this, config);
    this.sequences = new SequenceWriter(this, config);
    this.entries = new ObjectEntries(this, config);
    this.bridge = new JacksonBridge(this, jackson);
    this.stringsAreFast = config.converterFor(String.class) == null;
  }

  /** Writes one value, the root of a document: depth and {@code maxValues} count from here. */
  void write(WriteSession s, Object value) throws IOException {
    s.restart(config.maxValues());
    writeValue(s, value, 0);
  }

  /** Writes one value by its class's rule; {@code hops} as in {@link ValueRule#write}. */
  void writeValue(WriteSession s, Object value, int hops) throws IOException {
    if (hops == 0 && !s.spend()) { // a wrapper (Optional...) and its content are one value
      writeOverBudget(s, value);
      return;
    }
    if (value == null) {
      s.generator.writeNull();
      return;
    }
    Class<?> type = value.getClass();
    if (type == String.class && stringsAreFast) {
      scalars.writeString(s, (String) value);
      return;
    }
    s.itemSlot = null;
    rules.ruleFor(type).write(this, s, value, hops);
  }

  /**
   * Writes one value at a place that remembers its last class's rule (a bean property, a container's items);
   * the same as {@code writeValue(s, value, 0)}.
   */
  void writeValue(WriteSession s, Object value, RuleSlot slot) throws IOException {
    if (!s.spend()) {
      writeOverBudget(s, value);
      return;
    }
    if (value == null) {
      s.generator.writeNull();
      return;
    }
    Class<?> type = value.getClass();
    if (type == String.class && stringsAreFast) {
      SerializableString quoted = s.ownGenerator ? slot.repeatedText((String) value, scalars) : null;
      if (quoted != null) {
        s.generator.writeString(quoted);
      } else {
        scalars.writeString(s, (String) value);
      }
      return;
    }
    ValueRule rule = slot.ruleFor(rules, type);
    s.itemSlot = slot.items();
    dispatch(rule, s, value);
  }

  /**
   * Writes one item of a container, the same as {@code writeValue(s, value, 0)}, with {@code sameClassRule}
   * when the caller knows it is the rule of the value's class (the rule of the item before, of the same class);
   * returns the rule of the value's class when it used one, so the caller can pass it on, else null.
   */
  ValueRule writeItem(WriteSession s, Object value, ValueRule sameClassRule) throws IOException {
    if (!s.spend()) {
      writeOverBudget(s, value);
      return null;
    }
    if (value == null) {
      s.generator.writeNull();
      return null;
    }
    Class<?> type = value.getClass();
    if (type == String.class && stringsAreFast) {
      scalars.writeString(s, (String) value);
      return null;
    }
    ValueRule rule = sameClassRule != null ? sameClassRule : rules.ruleFor(type);
    s.itemSlot = null;
    dispatch(rule, s, value);
    return rule;
  }

  /**
   * {@code rule.write(this, s, value, 0)}, with the rule classes of most values (beans, formatted text, enums,
   * the built-in shapes) called through their own class: one interface call site meeting every rule class is
   * megamorphic, each of these is a type check and a direct or class-virtual call.
   */
  private void dispatch(ValueRule rule, WriteSession s, Object value) throws IOException {
    if (rule instanceof BuiltinRule builtin) {
      builtin.write(this, s, value, 0);
    } else if (rule instanceof BeanRule bean) {
      entries.writeBean(s, value, bean);
    } else if (rule instanceof TextRule text) {
      text.write(this, s, value, 0);
    } else if (rule instanceof EnumRule constant) {
      constant.write(this, s, value, 0);
    } else {
      rule.write(this, s, value, 0);
    }
  }

  /**
   * The rule an item of {@code type} may be written with ({@link #writeItem}): the rule of the item before
   * when its class repeats, else for the first item the container's {@code items} slot's, else null.
   */
  ValueRule knownRule(Class<?> type, Class<?> lastType, ValueRule lastRule, RuleSlot items) {
    if (type == lastType) {
      return lastRule;
    }
    if (lastType == null && items != null && type != null) {
      return items.ruleFor(rules, type);
    }
    return null;
  }

  /**
   * Writes a {@code long} or {@code int} property without boxing it, the same as the boxed value through its
   * slot (redacted ones excepted; a boxed number is never suppressed by inclusion, and its rule is the built-in one unless a converter
   * replaced it); false, having written nothing, when its class's rule is not the built-in one.
   */
  boolean writePrimitive(WriteSession s, Object bean, BeanRule.Property property) throws IOException {
    if (property.primitiveGetter() == null || property.redacted()) {
      return false;
    }
    boolean isLong = property.boxedType() == Long.class;
    ValueRule rule = property.slot().ruleFor(rules, property.boxedType());
    if (rule != (isLong ? BuiltinRule.LONG : BuiltinRule.INT)) {
      return false;
    }
    JsonGenerator g = s.generator;
    long value;
    try {
      value = property.primitiveGetter().applyAsLong(bean);
    } catch (Throwable t) {
      property.writeName(g);
      failed(s, bean, "getter for '" + property.name() + "' threw", t);
      return true;
    }
    property.writeName(g);
    if (!s.spend()) {
      writeOverBudget(s, isLong ? (Object) value : (Object) (int) value);
    } else if (isLong) {
      scalars.writeLong(s, value);
    } else {
      g.writeNumber((int) value);
    }
    return true;
  }

  /** Writes a value unwrapped from a holder that opened no container (Optional, @JsonValue...). */
  void writeInner(WriteSession s, Object inner, Object holder, int hops) throws IOException {
    if (inner != null && inner == holder) {
      report(s, true, Incident.Kind.CYCLE, holder, "value unwraps to itself");
      s.generator.writeString(Markers.CYCLE);
    } else if (hops >= MAX_HOPS) {
      report(s, true, Incident.Kind.MAX_DEPTH, holder, "more than " + MAX_HOPS + " nested wrappers");
      s.generator.writeString(Markers.MAX_DEPTH);
    } else {
      writeValue(s, inner, hops + 1);
    }
  }

  /**
   * Returns the JSON key for a map key, normalized by the same rules as values; throws what the key's
   * {@code toString()} or {@code @JsonValue} threw, for the caller to report.
   */
  String keyText(Object key) {
    if (key == null) {
      return "null";
    }
    if (key instanceof String) {
      return (String) key;
    }
    String text = rules.ruleFor(key.getClass()).keyText(key);
    return text == null ? "null" : text;
  }

  /**
   * The document ran out of {@code maxValues} (here or inside a value Jackson serializes): the marker, and
   * one incident for the whole document.
   */
  void writeOverBudget(WriteSession s, Object value) throws IOException {
    if (s.exhaust()) {
      report(s, true, Incident.Kind.TRUNCATED, value, "more than " + config.maxValues() + " values (maxValues)");
    }
    s.generator.writeString(Markers.TRUNCATED);
  }

  /**
   * Checks depth and cycles before opening a container; writes the marker and returns false when the
   * container must not be opened.
   */
  boolean enter(WriteSession s, Object container) throws IOException {
    JsonStreamContext context = s.generator.getOutputContext();
    int depth = context.getNestingDepth();
    if (depth - s.baseDepth >= config.maxDepth()) {
      report(s, true, Incident.Kind.MAX_DEPTH, container, "nested deeper than " + config.maxDepth());
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

  void failed(WriteSession s, Object value, String what, Throwable t, String replacement)
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
}
