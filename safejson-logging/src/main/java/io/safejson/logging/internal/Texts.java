package io.safejson.logging.internal;

/** Caps strings visibly and replaces lone surrogates, so every string handed to Jackson is writable. */
final class Texts {
  static final String TRUNCATED_SUFFIX = "...[TRUNCATED]";
  private static final char REPLACEMENT = '\uFFFD';

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
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return replaceFrom(text, i);
      }
    }
    return text;
  }

  private static String replaceFrom(String text, int from) {
    StringBuilder out = new StringBuilder(text.length()).append(text, 0, from);
    int length = text.length();
    for (int i = from; i < length; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
      }
    }
    return out.toString();
  }
}
