package io.safejson.buildtools;

import java.nio.charset.StandardCharsets;

/**
 * Turns a fuzzer's raw bytes into Java text, so that seed files are plain JSON and the fuzzer can still
 * reach the strings only Java has: UTF-8, except that a UTF-8-encoded surrogate ({@code ED A0..BF 80..BF},
 * which strict UTF-8 forbids) becomes that lone surrogate char; any other malformed byte becomes U+FFFD.
 */
public final class FuzzInput {
  private FuzzInput() {}

  /** Decodes {@code bytes} as described in the class comment. */
  public static String text(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    int start = 0;
    for (int i = 0; i + 2 < bytes.length; i++) {
      if (isEncodedSurrogate(bytes, i)) {
        out.append(new String(bytes, start, i - start, StandardCharsets.UTF_8));
        out.append((char) (0xD000 | (bytes[i + 1] & 0x3F) << 6 | bytes[i + 2] & 0x3F));
        i += 2;
        start = i + 1;
      }
    }
    return out.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)).toString();
  }

  private static boolean isEncodedSurrogate(byte[] bytes, int i) {
    return (bytes[i] & 0xFF) == 0xED && (bytes[i + 1] & 0xE0) == 0xA0 && (bytes[i + 2] & 0xC0) == 0x80;
  }

  /** Whether {@code s} holds a surrogate char that is not half of a pair. */
  public static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
