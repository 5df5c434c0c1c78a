package io.safejson.internal;

import java.io.IOException;
import java.util.function.Function;

/**
 * Writes what a user's converter ({@code Builder.addConverter}) returns, by the rules of its class; a result
 * of a table class the same converter would take again (a {@code String} trimmed to a {@code String}) is
 * written by the table's rule, so a converter never applies to its own text, number or date.
 */
final class ConvertedRule implements ValueRule {
  private final Function<Object, ?> converter;

  ConvertedRule(Function<Object, ?> converter) {
    this.converter = converter;
  }

  Function<Object, ?> converter() {
    return converter;
  }

  @Override
  public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
    Object converted;
    try {
      converted = converter.apply(value);
    } catch (Throwable t) {
      w.failed(s, value, "converter threw", t);
      return;
    }
    ValueRule table = converted == null ? null : ownResultRule(w, converted.getClass());
    if (table != null) {
      table.write(w, s, converted, hops + 1);
      return;
    }
    w.writeInner(s, converted, value, hops);
  }

  /**
   * The table's rule for a result of {@code type} when this converter would take it again (a {@code String}
   * trimmed to a {@code String}), so that a converter never applies to its own result; null otherwise, and for
   * classes the table does not know (a bean converted to a bean), which are unwrapped again up to the limit.
   */
  private ValueRule ownResultRule(ValueWriter w, Class<?> type) {
    if (w.rules.ruleFor(type) instanceof ConvertedRule again && again.converter == converter) {
      return w.rules.tableRuleWithoutConverters(type);
    }
    return null;
  }
}
