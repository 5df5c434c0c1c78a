package io.safejson.nats.internal;

import io.safejson.SafeSerializer;

/**
 * The size limits of a {@link SafeSerializer}, so that shrinking a message never loosens a limit the
 * application chose. Immutable.
 *
 * @param maxStringLength chars per string or key
 * @param maxItems items per array or object
 * @param maxValues values per document
 */
public record SerializerLimits(int maxStringLength, int maxItems, int maxValues) {
  /** The smallest {@code maxStringLength} the core accepts. */
  public static final int MIN_STRING_LENGTH = 16;

  /** Returns the limits {@code serializer} was built with. */
  public static SerializerLimits of(SafeSerializer serializer) {
    return new SerializerLimits(serializer.maxStringLength(), serializer.maxItems(), serializer.maxValues());
  }
}
