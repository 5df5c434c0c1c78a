package io.safejson;

import io.safejson.internal.Strings;

/**
 * The texts safejson writes in place of values it could not write as they were, and the one repair every
 * safejson module applies to strings, defined once for the core, the adapters and tests that look for them.
 *
 * <pre>{@code
 * assertTrue(json.contains(SafeText.CYCLE));
 * String safe = SafeText.wellFormed(userText); // lone surrogates become U+FFFD
 * }</pre>
 */
public final class SafeText {
  /** Written where a value refers back to one of its ancestors. */
  public static final String CYCLE = "[CYCLE]";
  /** Written where nesting passes {@code maxDepth}. */
  public static final String MAX_DEPTH = "[MAX_DEPTH]";
  /** Written where reading a value threw (a getter, {@code toString()}, an iterator). */
  public static final String FAILED = "[FAILED]";
  /** Written for the first value past {@code maxValues}, or for a document that cannot fit its byte bound. */
  public static final String TRUNCATED = "[TRUNCATED]";
  /** Written instead of the value of a secret key or a {@link Sensitive} property. */
  public static final String REDACTED = "[REDACTED]";
  /** Appended to a string cut at its length limit. */
  public static final String TRUNCATED_SUFFIX = "...[TRUNCATED]";

  private SafeText() {}

  /**
   * Returns {@code text} with every lone surrogate (half of a pair without its other half, which no UTF-8
   * encoder can write) replaced by U+FFFD, or the same instance when there is none.
   */
  public static String wellFormed(String text) {
    return Strings.wellFormed(text);
  }

  /**
   * Whether {@code chars[offset, offset + length)} holds no lone surrogate, so that a generator can write it
   * as it is ({@code generator.writeString(chars, offset, length)}); when false, repair it with
   * {@link #wellFormed}.
   */
  public static boolean isWellFormed(char[] chars, int offset, int length) {
    return Strings.firstLoneSurrogate(chars, offset, offset + length) < 0;
  }
}
