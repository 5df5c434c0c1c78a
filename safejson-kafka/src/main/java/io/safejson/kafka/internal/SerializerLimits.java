package io.safejson.kafka.internal;

import io.safejson.SafeSerializer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size limits of a {@link SafeSerializer}, so that shrinking an oversize value never loosens a limit the
 * application chose.
 *
 * <p>The core has no getters for them; they are read from its builder's {@code toString()}
 * ({@code maxStringLength=..., maxItems=..., maxValues=...}), which {@code SerializerLimitsTest} pins. A limit
 * that cannot be read falls back to the smallest value the core accepts, so a change in that text can only make
 * shrinking cut sooner, never later. Immutable.
 *
 * @param maxStringLength chars per string or key
 * @param maxItems items per array or object
 * @param maxValues values per document
 */
public record SerializerLimits(int maxStringLength, int maxItems, int maxValues) {
  /** The smallest {@code maxStringLength} the core accepts. */
  public static final int MIN_STRING_LENGTH = 16;

  private static final Pattern STRING_LENGTH = Pattern.compile("\\bmaxStringLength=(\\d+)");
  private static final Pattern ITEMS = Pattern.compile("\\bmaxItems=(\\d+)");
  private static final Pattern VALUES = Pattern.compile("\\bmaxValues=(\\d+)");

  /** Returns the limits {@code serializer} was built with. */
  public static SerializerLimits of(SafeSerializer serializer) {
    String settings = serializer.toBuilder().toString();
    return new SerializerLimits(
        read(STRING_LENGTH, settings, MIN_STRING_LENGTH), read(ITEMS, settings, 1), read(VALUES, settings, 1));
  }

  private static int read(Pattern pattern, String settings, int fallback) {
    Matcher matcher = pattern.matcher(settings);
    if (!matcher.find()) {
      return fallback;
    }
    try {
      return Math.max(fallback, Integer.parseInt(matcher.group(1)));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
