package io.safejson.internal;

import io.safejson.DecimalStyle;
import io.safejson.Incident;
import io.safejson.LargeIntegerStyle;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Writes strings, numbers and bytes within the configured and the readers' limits, reporting each cut or
 * replacement. Thread-safe: all per-call state lives in the session.
 */
final class ScalarWriter {
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
  private static final BigInteger MAX_SAFE_BIG = BigInteger.valueOf(MAX_SAFE_INTEGER);
  private static final BigInteger MIN_SAFE_BIG = BigInteger.valueOf(-MAX_SAFE_INTEGER);

  private final ValueWriter writer;
  private final SafeConfig config;
  /** Longer strings are cut: {@code maxStringLength}, or the readers' limit when that is lower. */
  private final int stringLimit;
  private final boolean unsafeLongsAsStrings;
  /** The printable ASCII chars safejson's own generator escapes: JSON's two, and HTML-safe's four when on. */
  private final String escapedAscii;

  ScalarWriter(ValueWriter writer, SafeConfig config) {
    this.writer = writer;
    this.config = config;
    this.stringLimit = Math.min(config.maxStringLength(), ReaderLimits.MAX_STRING_CHARS);
    this.unsafeLongsAsStrings = config.largeIntegers() == LargeIntegerStyle.STRING_WHEN_UNSAFE;
    this.escapedAscii = config.htmlSafe() ? "\"\\<>&'" : "\"\\";
  }

  /**
   * Returns {@code toString()}; returns null when it already wrote the value instead: a FAILED marker when
   * the call threw, JSON null when it returned null.
   */
  String textOf(WriteSession s, Object value) throws IOException {
    String text;
    try {
      text = value.toString();
    } catch (Throwable t) {
      writer.failed(s, value, "toString() threw", t);
      return null;
    }
    if (text == null) {
      s.generator.writeNull();
    }
    return text;
  }

  /**
   * Writes a string, cut to the limit and with lone surrogates replaced. A string that fits the session's
   * scratch chars is copied there once (an intrinsic, vectorized copy) and both the surrogate scan and Jackson's
   * encoder read the array, not {@code String.charAt}.
   */
  void writeString(WriteSession s, String text) throws IOException {
    int length = text.length();
    if (length > stringLimit) {
      text = cut(s, text);
      length = text.length();
    }
    char[] chars = s.scratch();
    int lone;
    if (length <= chars.length) {
      text.getChars(0, length, chars, 0);
      lone = Strings.firstLoneSurrogate(chars, 0, length);
      if (lone < 0) {
        s.generator.writeString(chars, 0, length);
        return;
      }
    } else {
      lone = Strings.firstLoneSurrogate(text);
    }
    if (lone >= 0) {
      writer.report(s, true, Incident.Kind.INVALID_STRING, text, "lone surrogate at index " + lone);
      text = Strings.replaceLoneSurrogates(text, lone);
    }
    s.generator.writeString(text);
  }

  /**
   * Whether safejson's own generator writes {@code text} as it is between quotes: within the string limit,
   * printable ASCII, none of the chars it escapes ({@code " \\}, and {@code < > & '} when HTML-safe).
   */
  boolean isPlainText(String text) {
    int length = text.length();
    if (length > stringLimit) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e || escapedAscii.indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  private String cut(WriteSession s, String text) {
    int max = config.maxStringLength();
    int kept = ReaderLimits.kept(max, ReaderLimits.MAX_STRING_CHARS);
    if (kept < max) {
      writer.report(
          s,
          true,
          Incident.Kind.READER_LIMIT,
          text,
          "kept " + kept + " of " + text.length() + " chars: default JSON readers (Jackson 2) reject strings over "
              + ReaderLimits.MAX_STRING_CHARS);
    } else {
      writer.report(s, true, Incident.Kind.TRUNCATED, text, "kept " + max + " of " + text.length() + " chars");
    }
    return text.substring(0, Strings.cutPoint(text, kept)) + Markers.TRUNCATED_SUFFIX;
  }

  void writeLong(WriteSession s, long value) throws IOException {
    if (unsafeLongsAsStrings && (value > MAX_SAFE_INTEGER || value < -MAX_SAFE_INTEGER)) {
      s.generator.writeString(Long.toString(value));
    } else {
      s.generator.writeNumber(value);
    }
  }

  void writeBigInteger(WriteSession s, BigInteger value) throws IOException {
    if (unsafeLongsAsStrings && (value.compareTo(MAX_SAFE_BIG) > 0 || value.compareTo(MIN_SAFE_BIG) < 0)) {
      writeString(s, value.toString());
    } else if (ReaderLimits.fitsReaders(value)) {
      s.generator.writeNumber(value);
    } else {
      writer.report(
          s,
          true,
          Incident.Kind.READER_LIMIT,
          value,
          "integer of " + value.bitLength() + " bits written as a string: JavaScript would read it as Infinity");
      writeString(s, value.toString());
    }
  }

  void writeFloat(WriteSession s, Float value) throws IOException {
    float f = value;
    if (Float.isFinite(f)) {
      s.generator.writeNumber(f);
    } else {
      nonFinite(s, value);
    }
  }

  void writeDouble(WriteSession s, Object value) throws IOException {
    double d;
    try {
      d = ((Number) value).doubleValue();
    } catch (Throwable t) {
      writer.failed(s, value, "doubleValue() threw", t);
      return;
    }
    if (Double.isFinite(d)) {
      s.generator.writeNumber(d);
    } else {
      nonFinite(s, value);
    }
  }

  private void nonFinite(WriteSession s, Object value) throws IOException {
    writer.report(s, true, Incident.Kind.NON_FINITE, value, value + " written as null");
    s.generator.writeNull();
  }

  void writeBigDecimal(WriteSession s, BigDecimal value) throws IOException {
    if (config.decimalStyle() == DecimalStyle.NUMBER) {
      writeDecimalNumber(s, value);
    } else if (value.getClass() == BigDecimal.class) { // a subclass may override toPlainString()
      char[] chars = s.scratch();
      int length = DecimalText.plain(value, chars);
      if (length >= 0 && length <= stringLimit) {
        s.generator.writeString(chars, 0, length);
      } else {
        writeString(s, plain(value));
      }
    } else {
      writeString(s, plain(value));
    }
  }

  /**
   * Writes a decimal as a JSON number when default readers keep it ({@link ReaderLimits#fitsReaders}),
   * otherwise as the string the STRING style gives, with a READER_LIMIT incident.
   */
  void writeDecimalNumber(WriteSession s, BigDecimal value) throws IOException {
    String text = plain(value);
    if (ReaderLimits.fitsReaders(value, text)) {
      s.generator.writeNumber(text);
      return;
    }
    String why =
        text.length() > ReaderLimits.MAX_NUMBER_CHARS
            ? "a number of " + text.length() + " chars; Jackson rejects more than " + ReaderLimits.MAX_NUMBER_CHARS
            : "outside the double range; JavaScript and Python would read it as "
                + (value.abs().compareTo(BigDecimal.ONE) > 0 ? "Infinity" : "0");
    writer.report(s, true, Incident.Kind.READER_LIMIT, value, "written as a string: " + why);
    writeString(s, text);
  }

  /** Plain notation keeping the scale, unless that would mean more than a thousand padding zeros. */
  static String plain(BigDecimal value) {
    int scale = value.scale();
    if (scale < -1000 || scale - value.precision() > 1000) {
      return value.toString();
    }
    return value.toPlainString();
  }

  void writeBytes(WriteSession s, byte[] bytes) throws IOException {
    int max = Math.max(3, stringLimit / 4 * 3); // base64 of at most stringLimit chars
    int length = bytes.length;
    if (length > max) {
      Incident.Kind kind =
          stringLimit < config.maxStringLength() ? Incident.Kind.READER_LIMIT : Incident.Kind.TRUNCATED;
      writer.report(s, true, kind, bytes, "kept " + max + " of " + length + " bytes");
      length = max;
    }
    s.generator.writeBinary(bytes, 0, length);
  }
}
