package io.safejson.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Checks and repairs Java strings so they always encode to valid UTF-8, and decodes UTF-8 strictly. */
public final class Strings {
  private Strings() {}

  static final char REPLACEMENT = '\uFFFD';

  /** Returns the index of the first unpaired surrogate, or -1 when the string is well-formed UTF-16. */
  public static int firstLoneSurrogate(String text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < length
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  /** Returns the index of the first unpaired surrogate in {@code chars[from, to)}, or -1 when there is none. */
  public static int firstLoneSurrogate(char[] chars, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isSurrogate(chars[i])) {
        if (Character.isHighSurrogate(chars[i]) && i + 1 < to && Character.isLowSurrogate(chars[i + 1])) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  /** Replaces every unpaired surrogate from {@code from} on with U+FFFD. */
  public static String replaceLoneSurrogates(String text, int from) {
    StringBuilder out = new StringBuilder(text.length()).append(text, 0, from);
    int length = text.length();
    for (int i = from; i < length; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append(REPLACEMENT);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Returns the string with lone surrogates replaced, or the same instance when there are none. */
  public static String wellFormed(String text) {
    int lone = firstLoneSurrogate(text);
    return lone < 0 ? text : replaceLoneSurrogates(text, lone);
  }

  /** Returns where to cut so that at most {@code max} chars are kept without splitting a surrogate pair. */
  public static int cutPoint(String text, int max) {
    if (max > 0 && Character.isHighSurrogate(text.charAt(max - 1)) && Character.isLowSurrogate(text.charAt(max))) {
      return max - 1;
    }
    return max;
  }

  /** Decodes {@code utf8} strictly (malformed input is an error, never replaced), or returns null when it is not. */
  public static String decodeUtf8(byte[] utf8) {
    try {
      return strictUtf8().decode(ByteBuffer.wrap(utf8)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Returns the byte offset where {@code utf8} stops being well-formed UTF-8, or -1 when it is well-formed. */
  public static int malformedUtf8At(byte[] utf8) {
    ByteBuffer in = ByteBuffer.wrap(utf8);
    // The decoder stops at the first byte of the first malformed sequence.
    return strictUtf8().decode(in, CharBuffer.allocate(utf8.length), true).isError() ? in.position() : -1;
  }

  private static CharsetDecoder strictUtf8() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
