package io.safejson.logging.internal;

import io.safejson.SafeText;

/** Caps strings visibly and replaces lone surrogates, so every string handed to Jackson is writable. */
final class Texts {
  static final String TRUNCATED_SUFFIX = SafeText.TRUNCATED_SUFFIX;

  private Texts() {}

  /** Whether {@link #cap} would cut {@code text}. */
  static boolean exceeds(String text, int maxChars) {
    return text != null && text.length() > maxChars;
  }

  /**
   * Returns {@code text} cut to at most {@code maxChars} chars (never inside a surrogate pair) plus a visible
   * suffix, with lone surrogates replaced by U+FFFD; the cut happens first so a 10 MB string is never scanned.
   */
  static String cap(String text, int maxChars) {
    String kept = text;
    if (text.length() > maxChars) {
      int end = maxChars;
      if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      kept = text.substring(0, end) + TRUNCATED_SUFFIX;
    }
    return wellFormed(kept);
  }

  /** Replaces every lone surrogate by U+FFFD; returns the same instance when there is none. */
  static String wellFormed(String text) {
    return SafeText.wellFormed(text);
  }
}
