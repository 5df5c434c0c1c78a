package io.safejson.internal;

import java.io.IOException;

/**
 * How the values of one class are written: resolved once per class by {@link TypeRules} and cached, so the
 * decision about a type lives in its rule and nowhere else. Immutable and thread-safe.
 */
interface ValueRule {

  /**
   * Writes one non-null value of the rule's class; {@code hops} counts the wrappers (Optional, converters,
   * {@code @JsonValue}) unwrapped so far without opening a container.
   */
  void write(ValueWriter writer, WriteSession session, Object value, int hops) throws IOException;

  /** The JSON key for a non-null map key of the rule's class; may throw what the value's own methods throw. */
  default String keyText(Object key) {
    return String.valueOf(key);
  }

  /**
   * True for the classes safejson writes itself (the normalization table and user converters); Jackson's
   * serializers hand values of these classes back to safejson when they meet them nested.
   */
  default boolean isNormalizationTableType() {
    return true;
  }

  /** True when {@code @JsonInclude(NON_ABSENT)} (and NON_EMPTY) leaves the value out: an empty reference. */
  default boolean isAbsent(Object value) {
    return false;
  }

  /** True when {@code @JsonInclude(NON_EMPTY)} leaves the value out: an empty text, array, collection or map. */
  default boolean isEmpty(Object value) {
    return isAbsent(value);
  }
}
