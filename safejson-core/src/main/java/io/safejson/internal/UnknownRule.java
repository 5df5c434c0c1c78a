package io.safejson.internal;

import io.safejson.Incident;
import java.io.IOException;

/** Writes {@code toString()} with an UNKNOWN_TYPE incident saying why; a throwing toString() is FAILED. */
final class UnknownRule implements ValueRule {
  private final String reason;
  private final boolean tableType;

  UnknownRule(String reason, boolean tableType) {
    this.reason = reason;
    this.tableType = tableType;
  }

  String reason() {
    return reason;
  }

  @Override
  public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
    String text;
    try {
      text = value.toString();
    } catch (Throwable t) {
      w.failed(s, value, "toString() threw", t);
      return;
    }
    w.report(s, true, Incident.Kind.UNKNOWN_TYPE, value, reason);
    if (text == null) {
      s.generator.writeNull();
    } else {
      w.scalars.writeString(s, text);
    }
  }

  @Override
  public boolean isNormalizationTableType() {
    return tableType;
  }
}
