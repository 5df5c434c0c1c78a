package io.safejson.logging.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The content of one JSON string value, assembled from pieces Jackson has already escaped: cached pieces
 * ({@link TextCaches}) are copied as bytes, new text is escaped by a scratch generator from the same
 * factory. A long stack trace is then written without building a {@code String} and without escaping its
 * frames again on every event. Counts source chars against a budget and, once it is spent, cuts the text
 * (never inside a surrogate pair) and adds a visible {@link Texts#TRUNCATED_SUFFIX}.
 *
 * <p>Not thread-safe: owned by one {@link LineWriter}.
 */
final class EscapedText {
  private static final SerializedString SUFFIX = TextCaches.escaped(Texts.TRUNCATED_SUFFIX);

  private final JsonFactory factory;
  private final ScratchBytes scratchOut = new ScratchBytes();
  private JsonGenerator scratch;
  private byte[] bytes = new byte[4096];
  private int length;
  private int chars;
  private int limit;
  private boolean full;

  EscapedText(JsonFactory factory) {
    this.factory = factory;
  }

  /** Starts new content with room for {@code maxChars} source chars. */
  void reset(int maxChars) {
    length = 0;
    chars = 0;
    full = false;
    budget(maxChars);
  }

  /** Allows {@code maxChars} more source chars from here on. */
  void budget(int maxChars) {
    limit = (int) Math.min(Integer.MAX_VALUE, (long) chars + Math.max(0, maxChars));
  }

  /** Whether the budget was spent and the text cut; nothing more is appended then. */
  boolean full() {
    return full;
  }

  /** Appends a piece escaped in advance; {@code text.getValue()} is what it stands for. */
  void append(SerializableString text) throws IOException {
    if (full) {
      return;
    }
    String source = text.getValue();
    if (source.length() > limit - chars) {
      cut(source);
      return;
    }
    copy(text.asQuotedUTF8());
    chars += source.length();
  }

  /** Appends text that has not been escaped yet; lone surrogates become U+FFFD. */
  void append(String text) throws IOException {
    if (full || text.isEmpty()) {
      return;
    }
    if (text.length() > limit - chars) {
      cut(text);
      return;
    }
    escape(Texts.wellFormed(text));
    chars += text.length();
  }

  /** Appends a non-negative decimal number; digits need no escaping. */
  void append(int number) throws IOException {
    if (full) {
      return;
    }
    int digits = 1;
    for (int rest = number / 10; rest > 0; rest /= 10) {
      digits++;
    }
    if (digits > limit - chars) {
      cut(Integer.toString(number));
      return;
    }
    ensure(digits);
    int rest = number;
    for (int at = length + digits - 1; at >= length; at--) {
      bytes[at] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
    length += digits;
    chars += digits;
  }

  /** Writes the content as one JSON string value. */
  void writeTo(JsonGenerator generator) throws IOException {
    generator.writeRawUTF8String(bytes, 0, length);
  }

  /** Keeps the part of {@code text} that still fits, then the truncation suffix. */
  private void cut(String text) throws IOException {
    int end = Math.max(0, limit - chars);
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    if (end > 0) {
      escape(Texts.wellFormed(text.substring(0, end)));
      chars += end;
    }
    copy(SUFFIX.asQuotedUTF8());
    full = true;
  }

  /** Escapes well-formed text through the scratch generator and keeps what is between the quotes. */
  private void escape(String text) throws IOException {
    scratchOut.count = 0;
    try {
      if (scratch == null) {
        scratch = factory.createGenerator(scratchOut);
        scratch.setRootValueSeparator(null);
      }
      scratch.writeString(text);
      scratch.flush();
    } catch (IOException | RuntimeException e) {
      scratch = null; // never reuse a generator left mid-value
      throw e;
    }
    int inner = scratchOut.count - 2;
    ensure(inner);
    System.arraycopy(scratchOut.buffer, 1, bytes, length, inner);
    length += inner;
  }

  private void copy(byte[] escaped) {
    ensure(escaped.length);
    System.arraycopy(escaped, 0, bytes, length, escaped.length);
    length += escaped.length;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

  /** Keeps a pooled writer from pinning the memory of one unusually large stack trace. */
  void shrinkTo(int maxCapacity) {
    if (bytes.length > maxCapacity) {
      bytes = new byte[4096];
    }
    if (scratchOut.buffer.length > maxCapacity) {
      scratchOut.buffer = new byte[512];
    }
  }

  /** The scratch generator's output: one quoted string at a time, read in place. */
  private static final class ScratchBytes extends OutputStream {
    byte[] buffer = new byte[512];
    int count;

    @Override
    public void write(int b) {
      grow(1);
      buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int size) {
      grow(size);
      System.arraycopy(source, offset, buffer, count, size);
      count += size;
    }

    private void grow(int more) {
      if (count + more > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + more));
      }
    }
  }
}
