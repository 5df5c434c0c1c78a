package io.safejson.internal;

import com.fasterxml.jackson.databind.Module;
import io.safejson.DecimalStyle;
import io.safejson.EnumStyle;
import io.safejson.Incident;
import io.safejson.LargeIntegerStyle;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The settings of one {@code SafeSerializer}, immutable once built.
 *
 * @param zone null keeps offsets as they are
 * @param redactKeys lower-case ({@code Locale.ROOT}) key names whose values are replaced
 * @param onIncident null when nobody listens
 * @param converters custom type hooks, tried in order before the built-in rules
 */
public record SafeConfig(
    EnumStyle enumStyle,
    DecimalStyle decimalStyle,
    LargeIntegerStyle largeIntegers,
    ZoneId zone,
    int maxDepth,
    int maxStringLength,
    int maxItems,
    int maxValues,
    long maxInputLength,
    Set<String> redactKeys,
    boolean sortKeys,
    boolean htmlSafe,
    Consumer<Incident> onIncident,
    List<Converter> converters,
    List<Module> modules) {

  /** The largest accepted {@code maxDepth}: deeper recursion could overflow small thread stacks. */
  public static final int MAX_DEPTH_LIMIT = 500;

  /** A custom type hook: values of {@code type} (or a subtype) are replaced by {@code function}'s result. */
  public record Converter(Class<?> type, Function<Object, ?> function) {}

  /** Finds the first converter for a class, or null. */
  Converter converterFor(Class<?> type) {
    for (Converter converter : converters) {
      if (converter.type().isAssignableFrom(type)) {
        return converter;
      }
    }
    return null;
  }

  boolean isRedacted(String key) {
    // toLowerCase returns the same instance for a key that already is lower-case: no allocation then.
    return !redactKeys.isEmpty() && redactKeys.contains(key.toLowerCase(java.util.Locale.ROOT));
  }
}
