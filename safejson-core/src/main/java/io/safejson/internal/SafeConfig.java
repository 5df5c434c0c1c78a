package io.safejson.internal;

import com.fasterxml.jackson.databind.Module;
import io.safejson.DecimalStyle;
import io.safejson.EnumStyle;
import io.safejson.Incident;
import io.safejson.LargeIntegerStyle;
import java.lang.reflect.RecordComponent;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The settings of one {@code SafeSerializer}: the only place they are held. The builder replaces it with
 * {@code withX} copies, {@code toBuilder()} starts from it, and {@link #describe} lists every component.
 * Immutable and thread-safe.
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

  /** Every option at its default (the values of {@code SafeSerializer}'s {@code DEFAULT_} constants). */
  public static final SafeConfig DEFAULTS =
      new SafeConfig(
          EnumStyle.NAME,
          DecimalStyle.STRING,
          LargeIntegerStyle.NUMBER,
          null,
          100,
          1_000_000,
          10_000,
          1_000_000,
          16L * 1024 * 1024,
          Set.of(),
          false,
          false,
          null,
          List.of(),
          List.of());

  /**
   * Checks every limit, with a message naming it, and copies the collections, so a config is valid and never
   * changes after it is made.
   *
   * @throws IllegalArgumentException for a limit out of its range
   */
  public SafeConfig {
    if (maxDepth < 1 || maxDepth > MAX_DEPTH_LIMIT) {
      throw new IllegalArgumentException("maxDepth must be between 1 and " + MAX_DEPTH_LIMIT + ": " + maxDepth);
    }
    if (maxStringLength < 16) {
      throw new IllegalArgumentException("maxStringLength must be at least 16: " + maxStringLength);
    }
    positive("maxItems", maxItems);
    positive("maxValues", maxValues);
    positive("maxInputLength", maxInputLength);
    redactKeys = Set.copyOf(redactKeys);
    converters = List.copyOf(converters);
    modules = List.copyOf(modules);
  }

  private static void positive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  /** A custom type hook: values of {@code type} (or a subtype) are replaced by {@code function}'s result. */
  public record Converter(Class<?> type, Function<Object, ?> function) {}

  public SafeConfig withEnumStyle(EnumStyle v) {
    return new SafeConfig(v, decimalStyle, largeIntegers, zone, maxDepth, maxStringLength, maxItems,
        maxValues, maxInputLength, redactKeys, sortKeys, htmlSafe, onIncident, converters, modules);
  }

  public SafeConfig withDecimalStyle(DecimalStyle v) {
    return new SafeConfig(enumStyle, v, largeIntegers, zone, maxDepth, maxStringLength, maxItems,
        maxValues, maxInputLength, redactKeys, sortKeys, htmlSafe, onIncident, converters, modules);
  }

  public SafeConfig withLargeIntegers(LargeIntegerStyle v) {
    return new SafeConfig(enumStyle, decimalStyle, v, zone, maxDepth, maxStringLength, maxItems,
        maxValues, maxInputLength, redactKeys, sortKeys, htmlSafe, onIncident, converters, modules);
  }

  public SafeConfig withZone(ZoneId v) {
    return new SafeConfig(enumStyle, decimalStyle, largeIntegers, v, maxDepth, maxStringLength, maxItems,
        maxValues, maxInputLength, redactKeys, sortKeys, htmlSafe, onIncident, converters, modules);
  }

  public SafeConfig withMaxDepth(int v) {
    return new SafeConfig(enumStyle, decimalStyle, largeIntegers, zone, v, maxStringLength, maxItems,
        maxValues, maxInputLength, redactKeys, sortKeys, htmlSafe, onIncident, converters, modules);
  }

  public SafeConfig withMaxStringLength(int v) {
    return new SafeConfig(enumStyle, decimalStyle, largeIntegers, zone, maxDepth, v, maxItems,
        maxValues, maxInputLength, redactKeys, sortKeys, htmlSafe, onIncident, converters, modules);
  }

  public SafeConfig withMaxItems(int v) {
    return new SafeConfig(enumStyle, decimalStyle, largeIntegers, zone, maxDepth, maxStringLength, v,
        maxValues, maxInputLength, redactKeys, sortKeys, htmlSafe, onIncident, converters, modules);
  }

  public SafeConfig withMaxValues(int v) {
    return new SafeConfig(enumStyle, decimalStyle, largeIntegers, zone, maxDepth, maxStringLength, maxItems,
        v, maxInputLength, redactKeys, sortKeys, htmlSafe, onIncident, converters, modules);
  }

  public SafeConfig withMaxInputLength(long v) {
    return new SafeConfig(enumStyle, decimalStyle, largeIntegers, zone, maxDepth, maxStringLength, maxItems,
        maxValues, v, redactKeys, sortKeys, htmlSafe, onIncident, converters, modules);
  }

  /** Adds key names, stored lower-case ({@code Locale.ROOT}). */
  public SafeConfig withRedactKeys(Collection<String> keys) {
    Set<String> all = new TreeSet<>(redactKeys);
    keys.forEach(key -> all.add(key.toLowerCase(Locale.ROOT)));
    return new SafeConfig(enumStyle, decimalStyle, largeIntegers, zone, maxDepth, maxStringLength, maxItems,
        maxValues, maxInputLength, all, sortKeys, htmlSafe, onIncident, converters, modules);
  }

  public SafeConfig withSortKeys(boolean v) {
    return new SafeConfig(enumStyle, decimalStyle, largeIntegers, zone, maxDepth, maxStringLength, maxItems,
        maxValues, maxInputLength, redactKeys, v, htmlSafe, onIncident, converters, modules);
  }

  public SafeConfig withHtmlSafe(boolean v) {
    return new SafeConfig(enumStyle, decimalStyle, largeIntegers, zone, maxDepth, maxStringLength, maxItems,
        maxValues, maxInputLength, redactKeys, sortKeys, v, onIncident, converters, modules);
  }

  public SafeConfig withOnIncident(Consumer<Incident> v) {
    return new SafeConfig(enumStyle, decimalStyle, largeIntegers, zone, maxDepth, maxStringLength, maxItems,
        maxValues, maxInputLength, redactKeys, sortKeys, htmlSafe, v, converters, modules);
  }

  /** Adds a converter after the ones already there. */
  public SafeConfig withConverter(Converter v) {
    List<Converter> all = new ArrayList<>(converters);
    all.add(v);
    return new SafeConfig(enumStyle, decimalStyle, largeIntegers, zone, maxDepth, maxStringLength, maxItems,
        maxValues, maxInputLength, redactKeys, sortKeys, htmlSafe, onIncident, all, modules);
  }

  /** Adds a Jackson module after the ones already there. */
  public SafeConfig withModule(Module v) {
    List<Module> all = new ArrayList<>(modules);
    all.add(v);
    return new SafeConfig(enumStyle, decimalStyle, largeIntegers, zone, maxDepth, maxStringLength, maxItems,
        maxValues, maxInputLength, redactKeys, sortKeys, htmlSafe, onIncident, converters, all);
  }

  /**
   * Lists every component as {@code name=value} in declaration order, read by reflection so that a new
   * option cannot be left out: sets sorted, converters by their type, modules by name, a listener as
   * {@code set}.
   */
  public String describe(String prefix) {
    StringJoiner joiner = new StringJoiner(", ", prefix + "{", "}");
    for (RecordComponent component : SafeConfig.class.getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(this);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e); // a record's public accessor: cannot happen
      }
      joiner.add(component.getName() + "=" + shown(value));
    }
    return joiner.toString();
  }

  private static Object shown(Object value) {
    if (value instanceof Set) {
      return new TreeSet<>((Set<?>) value);
    } else if (value instanceof Consumer) {
      return "set";
    } else if (value instanceof List) {
      List<String> names = new ArrayList<>();
      for (Object item : (List<?>) value) {
        names.add(
            item instanceof Converter
                ? ((Converter) item).type().getName()
                : ((Module) item).getModuleName());
      }
      return names;
    }
    return value;
  }

  @Override
  public String toString() {
    return describe("SafeConfig");
  }

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
    return !redactKeys.isEmpty() && redactKeys.contains(key.toLowerCase(Locale.ROOT));
  }
}
