package io.safejson.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves, once per class, the {@link ValueRule} that writes its values: the first of an ordered list of
 * rule factories that takes the class (user converters, then the {@link NormalizationTable}, then Jackson's
 * view of the class), cached per class. Thread-safe.
 */
final class TypeRules {

  /** Gives the rule of the classes it knows, null for the others; may throw what introspection throws. */
  @FunctionalInterface
  interface RuleFactory {
    ValueRule create(Class<?> type) throws Exception;
  }

  /** The factories of the classes safejson writes itself; they never ask Jackson for a serializer. */
  private final List<RuleFactory> table;
  private final RuleFactory normalization;
  private final RuleFactory jackson;
  private final ConcurrentHashMap<Class<?>, ValueRule> cache = new ConcurrentHashMap<>();
  /** Table rules without the user converters: for what a converter returns of a class it converts itself. */
  private final ConcurrentHashMap<Class<?>, ValueRule> unconverted = new ConcurrentHashMap<>();

  TypeRules(SafeConfig config, ObjectMapper mapper) {
    JacksonView view = new JacksonView(config, mapper);
    RuleFactory converters =
        type -> {
          SafeConfig.Converter converter = config.converterFor(type);
          return converter == null ? null : new ConvertedRule(converter.function());
        };
    this.normalization = type -> NormalizationTable.ruleFor(type, config, view);
    this.table = List.of(converters, normalization);
    this.jackson = view::ruleFor;
  }

  ValueRule ruleFor(Class<?> type) {
    ValueRule rule = cache.get(type);
    if (rule == null) {
      // Not computeIfAbsent: asking Jackson may call back into this cache (through isTableType).
      rule = tableRule(type);
      if (rule == null) {
        rule = jacksonRule(type);
      }
      rule = cached(cache, type, rule);
    }
    return rule;
  }

  /**
   * The normalization table's rule of {@code type}, ignoring user converters, or null when the table does not
   * know the class: how a converter's result is written when it is of a class the same converter takes.
   */
  ValueRule tableRuleWithoutConverters(Class<?> type) {
    ValueRule rule = unconverted.get(type);
    if (rule == null) {
      try {
        rule = normalization.create(type);
      } catch (Exception | LinkageError e) {
        rule = new UnknownRule("Jackson could not introspect the type: " + e, true);
      }
      if (rule == null) {
        return null;
      }
      rule = cached(unconverted, type, rule);
    }
    return rule;
  }

  /**
   * True for classes safejson writes itself, which the Jackson module routes back to safejson when Jackson
   * meets them nested. Jackson asks while building a serializer, so this must not ask Jackson for one.
   */
  boolean isTableType(Class<?> type) {
    ValueRule rule = cache.get(type);
    if (rule == null) {
      rule = tableRule(type);
      if (rule == null) {
        return false;
      }
      rule = cached(cache, type, rule);
    }
    return rule.isNormalizationTableType();
  }

  private static ValueRule cached(
      ConcurrentHashMap<Class<?>, ValueRule> rules, Class<?> type, ValueRule rule) {
    ValueRule raced = rules.putIfAbsent(type, rule);
    return raced != null ? raced : rule;
  }

  private ValueRule tableRule(Class<?> type) {
    try {
      for (RuleFactory factory : table) {
        ValueRule rule = factory.create(type);
        if (rule != null) {
          return rule;
        }
      }
      return null;
    } catch (Exception | LinkageError e) {
      return new UnknownRule("Jackson could not introspect the type: " + e, true);
    }
  }

  private ValueRule jacksonRule(Class<?> type) {
    try {
      return jackson.create(type);
    } catch (Exception | LinkageError e) {
      return new UnknownRule("Jackson could not introspect the type: " + e, false);
    }
  }

  /** Returns {@code name}, or {@code name~2}, {@code name~3}... the first not yet in {@code taken}. */
  static String uniqueName(Set<String> taken, String name) {
    if (taken.add(name)) {
      return name;
    }
    for (int n = 2; ; n++) {
      String candidate = name + "~" + n;
      if (taken.add(candidate)) {
        return candidate;
      }
    }
  }
}
