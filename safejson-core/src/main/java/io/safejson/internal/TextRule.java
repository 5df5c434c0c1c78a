package io.safejson.internal;

import java.io.IOException;
import java.time.ZoneId;

/** Writes a JDK value type as one JSON string (a UUID, a date-time, a path...), and uses that text as a key. */
final class TextRule implements ValueRule {

  /** How a value becomes its text; {@code zone} (nullable) applies to offset and zoned date-times. */
  @FunctionalInterface
  interface TextFormat {
    String text(Object value, ZoneId zone);
  }

  /**
   * Formats a value into {@code chars} without allocating, as its {@link TextFormat} would; returns the length,
   * or -1 to fall back to the text format. It may throw where the value's own methods throw: the rule catches
   * that and runs the text format, which reports it.
   */
  @FunctionalInterface
  interface CharFormat {
    int format(Object value, ZoneId zone, char[] chars);
  }

  private final TextFormat format;
  private final CharFormat chars;
  private final ZoneId zone;
  private final int maxStringLength;

  TextRule(TextFormat format, CharFormat chars, SafeConfig config) {
    this.format = format;
    this.chars = chars;
    this.zone = config.zone();
    this.maxStringLength = config.maxStringLength();
  }

  @Override
  public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
    if (chars != null) {
      char[] scratch = s.scratch();
      int length = formatChars(value, scratch);
      if (length >= 0 && length <= maxStringLength) {
        s.generator.writeString(scratch, 0, length);
        return;
      }
    }
    String text;
    try {
      text = format.text(value, zone);
    } catch (Throwable t) {
      w.failed(s, value, "toString() threw", t);
      return;
    }
    if (text == null) {
      s.generator.writeNull();
    } else {
      w.scalars.writeString(s, text);
    }
  }

  /** The value's text in {@code out} by the char format; -1 when there is none, it declines, or it threw. */
  int formatChars(Object value, char[] out) {
    if (chars == null) {
      return -1;
    }
    try {
      return chars.format(value, zone, out);
    } catch (Throwable t) {
      // A Date or Calendar subclass whose getter throws, a zone conversion out of range: the text format runs
      // the same call again, and the failure is reported from there.
      Failures.rethrowIfFatal(t);
      return -1;
    }
  }

  @Override
  public String keyText(Object key) {
    return format.text(key, zone);
  }
}
