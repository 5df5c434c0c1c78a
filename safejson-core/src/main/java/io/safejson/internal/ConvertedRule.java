package io.safejson.internal;

import java.io.IOException;
import java.util.function.Function;

/** Writes what a user's converter ({@code Builder.addConverter}) returns, by the rules of its class. */
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
    w.writeInner(s, converted, value, hops);
  }
}
