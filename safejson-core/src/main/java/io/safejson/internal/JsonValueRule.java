package io.safejson.internal;

import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import java.io.IOException;

/** Writes what a class's {@code @JsonValue} accessor returns, by the rules of that value's own class. */
final class JsonValueRule implements ValueRule {
  private final AnnotatedMember accessor;
  private final boolean tableType;

  /** @param tableType true for an enum (a table type), false for a class only Jackson knows */
  JsonValueRule(AnnotatedMember accessor, boolean tableType) {
    this.accessor = accessor;
    this.tableType = tableType;
  }

  @Override
  public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
    Object inner;
    try {
      inner = accessor.getValue(value);
    } catch (Throwable t) {
      w.failed(s, value, "@JsonValue accessor threw", t);
      return;
    }
    w.writeInner(s, inner, value, hops);
  }

  @Override
  public String keyText(Object key) {
    return String.valueOf(accessor.getValue(key));
  }

  @Override
  public boolean isNormalizationTableType() {
    return tableType;
  }
}
