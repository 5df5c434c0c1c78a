package io.safejson.internal;

/**
 * The rule of the class last written by one bean property, so that a property holding values of one class
 * skips the class-to-rule map as Jackson's per-property serializer cache does; a property that meets a second
 * class stops remembering. Thread-safe: the remembered pair is immutable and published as one reference, and
 * rules are resolved once per class, so a racing reader sees a pair that is right for its class or none.
 */
final class RuleSlot {
  private static final Entry MIXED = new Entry(null, null);

  private Entry last;

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

  private record Entry(Class<?> type, ValueRule rule) {}
}
