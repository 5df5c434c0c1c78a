package io.safejson;

import java.util.Objects;

/**
 * One thing {@link SafeSerializer} had to cut, replace or truncate to produce valid JSON.
 *
 * <p>Incidents are values: equal when their fields are equal, safe to share between threads.
 *
 * @param path where in the output the fix happened, as a JSONPath such as {@code $}, {@code $.a.b},
 *     {@code $.items[3]} or {@code $['key with spaces']}
 * @param kind what was wrong
 * @param type the class name of the offending value ({@code "null"} when there was no value)
 * @param detail a short human-readable explanation, never {@code null}
 */
public record Incident(String path, Kind kind, String type, String detail) {

  /** Validates that no component is {@code null}. */
  public Incident {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(detail, "detail");
  }

  /** Returns one line for logs and test failures: {@code $.items[3] NON_FINITE java.lang.Double: NaN ...}. */
  @Override
  public String toString() {
    return path + ' ' + kind + ' ' + type + ": " + detail;
  }

  /** What had to be fixed; each kind has a documented replacement in the output. */
  public enum Kind {
    /** A value repeated one of its own ancestors; replaced by {@code "[CYCLE]"}. */
    CYCLE,
    /** A container nested deeper than {@code maxDepth}; replaced by {@code "[MAX_DEPTH]"}. */
    MAX_DEPTH,
    /** A string, byte array, array or object longer than its limit was shortened. */
    TRUNCATED,
    /** A getter, converter, {@code toString()} or Jackson serializer threw; replaced by {@code "[FAILED]"}. */
    FAILED,
    /** A value with no properties was written as its {@code toString()}. */
    UNKNOWN_TYPE,
    /** NaN or an infinity was written as {@code null}. */
    NON_FINITE,
    /** A lone surrogate in a string or key was replaced with U+FFFD. */
    INVALID_STRING,
    /** Two keys of one object normalized to the same name; the later one was renamed {@code name~2}. */
    DUPLICATE_KEY,
    /**
     * A value a default JSON reader (Jackson 2 or 3, Python's {@code json}, JavaScript's {@code JSON.parse})
     * would reject or lose: a number written as a string instead, or a string, key or nesting cut to the
     * readers' limit.
     */
    READER_LIMIT
  }
}
