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

  private record Entry(Class<?> type, ValueRule rule) {}
}
