package io.safejson.logging.internal;

import ch.qos.logback.classic.spi.StackTraceElementProxy;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The caches one renderer's writers share: escaped names (logger, thread, level...), user keys with their
 * redaction decision, and escaped stack frames. Only well-formed text of at most {@link #MAX_CHARS} chars is
 * cached: longer text is unlikely to repeat and would pin memory. Thread-safe.
 */
final class TextCaches {
  /** Longest text cached. */
  static final int MAX_CHARS = 1024;

  /** Slots per cache: a few hundred distinct names and frames cover a typical service's hot paths. */
  private static final int NAME_SLOTS = 512;

  private static final int FRAME_SLOTS = 2048;

  /**
   * A user key (key-value, MDC entry, static field): its escaped name, whether its value is redacted, and
   * whether the name is one of the format's own top-level names.
   */
  record UserKey(SerializedString name, boolean redacted, boolean reserved) {}

  private final BoundedCache<String, SerializedString> names = new BoundedCache<>(NAME_SLOTS);
  private final BoundedCache<String, SerializedString> values = new BoundedCache<>(NAME_SLOTS);
  private final BoundedCache<String, SerializedString> messages = new BoundedCache<>(NAME_SLOTS);
  private final BoundedCache<StackTraceElement, SerializedString> frames = new BoundedCache<>(FRAME_SLOTS);
  private final BoundedCache<String, UserKey> userKeys;
  private final Function<String, UserKey> userKeyOf;

  private final Set<String> reserved;
  private final Set<String> redactKeys;

  /**
   * Caches for one format: {@code style} spells user keys, {@code reserved} holds its top-level names and
   * {@code redactKeys} the lower-case keys whose values are redacted.
   */
  TextCaches(Set<String> redactKeys, KeyStyle style, Set<String> reserved) {
    this.reserved = reserved;
    this.redactKeys = redactKeys;
    this.userKeys = new BoundedCache<>(NAME_SLOTS);
    this.userKeyOf = key -> {
      String name = style.apply(key);
      if (!cacheable(name)) {
        return null;
      }
      return new UserKey(escaped(name), isRedacted(key), reserved.contains(name));
    };
  }

  /** Caches for text that no user key can collide with (stack traces, tests). */
  TextCaches(Set<String> redactKeys, KeyStyle style) {
    this(redactKeys, style, Set.of());
  }

  /** Whether a user key's value is written as {@code [REDACTED]} (keys are matched case-insensitively). */
  boolean isRedacted(String key) {
    // Keys are stored lower-case; toLowerCase returns the same instance for a key that already is.
    return key != null && redactKeys.contains(key.toLowerCase(Locale.ROOT));
  }

  /** The format's top-level names, which user keys never take. */
  Set<String> reserved() {
    return reserved;
  }

  /** The escaped form of {@code text}, or null when it is not cacheable. */
  SerializedString name(String text) {
    return text.length() > MAX_CHARS ? null : names.get(text, TextCaches::escapedIfCacheable);
  }

  /**
   * The escaped form of a user value that repeats across events (an MDC value, a static field), or null when it
   * is not cacheable or not seen before; kept apart from {@link #name} so values that change per request never evict logger names.
   */
  SerializedString value(String text) {
    return text.length() > MAX_CHARS ? null : values.getIfRepeated(text, TextCaches::escapedIfCacheable);
  }

  /**
   * The escaped form of a message logged without arguments (its text is the logging call's constant), or null
   * when it is not cacheable or not seen before.
   */
  SerializedString message(String text) {
    return text.length() > MAX_CHARS ? null : messages.getIfRepeated(text, TextCaches::escapedIfCacheable);
  }

  /** The key's escaped name in this format's key style and its redaction decision, or null when not cacheable. */
  UserKey userKey(String key) {
    return key.length() > MAX_CHARS ? null : userKeys.get(key, userKeyOf);
  }

  /** Logback's frame text ({@link StackTraceElementProxy#getSTEAsString()}), escaped; null when not cacheable. */
  SerializedString frame(StackTraceElement element) {
    return frames.get(element, TextCaches::escapedFrame);
  }

  private static SerializedString escapedFrame(StackTraceElement element) {
    return escapedIfCacheable("at " + element);
  }

  private static SerializedString escapedIfCacheable(String text) {
    return cacheable(text) ? escaped(text) : null;
  }

  private static boolean cacheable(String text) {
    return text.length() <= MAX_CHARS && Texts.wellFormed(text) == text;
  }

  /**
   * Returns {@code text} (well-formed) pre-escaped, its bytes computed now: SerializedString otherwise
   * computes them lazily, racily, on first use by whichever thread comes first.
   */
  static SerializedString escaped(String text) {
    SerializedString escaped = new SerializedString(text);
    escaped.asQuotedUTF8(); // computed before publication, so readers never escape it again
    return escaped;
  }
}
