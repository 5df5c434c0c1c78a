package io.safejson.internal;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The rule of the class last written by one bean property, so that a property holding values of one class
 * skips the class-to-rule map as Jackson's per-property serializer cache does; a property that meets a second
 * class stops remembering. Thread-safe: the remembered pair is immutable and published as one reference, and
 * rules are resolved once per class, so a racing reader sees a pair that is right for its class or none.
 */
final class RuleSlot {
  private static final Entry MIXED = new Entry(null, null);

  /** Strings longer than this are never remembered, so a slot never keeps a large string alive. */
  private static final int MAX_REMEMBERED_CHARS = 256;

  private Entry last;
  /** The string last written here, remembered by identity without allocating. */
  private String seenText;
  /** A string written here twice in a row, with its pre-quoted form (null when it is not plain text). */
  private Text repeated;
  /** The slot of the items of the containers written here, made when first asked for. */
  private RuleSlot items;

  /** The rule of {@code type}, from this slot when it is the class met here before. */
  ValueRule ruleFor(TypeRules rules, Class<?> type) {
    Entry entry = last;
    if (entry != null && entry.type == type) {
      return entry.rule;
    }
    ValueRule rule = rules.ruleFor(type);
    if (entry == null) {
      last = new Entry(type, rule);
    } else if (entry != MIXED) {
      last = MIXED;
    }
    return rule;
  }

  /**
   * The slot of the items of the lists, arrays and maps this slot's values are, so that the first item of each
   * skips the class-to-rule map too. Racing first calls may each make one; every slot is right for any class.
   */
  RuleSlot items() {
    RuleSlot slot = items;
    if (slot == null) {
      slot = new RuleSlot();
      items = slot;
    }
    return slot;
  }

  /**
   * The pre-quoted form of {@code text} when this place wrote the same instance before (a constant such as a
   * message type), else null; a string seen here once costs a reference store, a repeated one is checked and
   * quoted once. Racing writers only repeat or delay that work: the pair is immutable.
   */
  SerializableString repeatedText(String text, ScalarWriter scalars) {
    Text entry = repeated;
    if (entry != null && entry.text == text) {
      return entry.quoted;
    }
    if (seenText != text) {
      seenText = text.length() <= MAX_REMEMBERED_CHARS ? text : null;
      return null;
    }
    SerializableString quoted = scalars.isPlainText(text) ? new SerializedString(text) : null;
    repeated = new Text(text, quoted);
    return quoted;
  }

  private record Entry(Class<?> type, ValueRule rule) {}

  private record Text(String text, SerializableString quoted) {}
}
