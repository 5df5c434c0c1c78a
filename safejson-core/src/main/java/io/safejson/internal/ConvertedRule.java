package io.safejson.internal;

import java.io.IOException;
import java.util.function.Function;

/**
 * Writes what a user's converter ({@code Builder.addConverter}) returns, by the rules of its class; a result
 * the same converter would take again (a {@code String} trimmed to a {@code String}) is written by the rules
 * that follow the converters, so a converter never applies to its own result.
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
    if (converted != null
        && w.rules.ruleFor(converted.getClass()) instanceof ConvertedRule again
        && again.converter == converter) {
      w.rules.ruleWithoutConverters(converted.getClass()).write(w, s, converted, hops + 1);
      return;
    }
    w.writeInner(s, converted, value, hops);
  }
}
