package io.safejson.testing;

import io.safejson.Incident;
import io.safejson.SafeResult;
import io.safejson.SafeSerializer;
import io.safejson.testing.internal.JsonComparison;
import io.safejson.testing.internal.StrictJsonChecker;
import java.util.List;
import java.util.Objects;

/**
 * Assertions for tests that produce JSON: strict validity, semantic equality, and clean
 * serialization.
 *
 * <p>They throw {@link AssertionError}, which every test framework reports as a failure, so this
 * class depends on none of them.
 *
 * <pre>{@code
 * import static io.safejson.testing.SafeJsonAssertions.*;
 *
 * assertValidJson(response.body());
 * assertJsonEquals("{\"id\": 7, \"tags\": [\"a\"]}", response.body()); // order, 7 vs 7.0 ignored
 * assertJsonSafe(order);                      // SafeSerializer.defaults() had nothing to fix
 * assertJsonSafe(order, SafeSerializer.defaults());
 * }</pre>
 *
 * <p>Thread-safe: every method is stateless.
 */
public final class SafeJsonAssertions {
  /** Enough context around a failure to recognize the input without flooding the report. */
  private static final int SNIPPET_CHARS = 40;

  private static final String MORE_PREFIX = "... and ";

  private SafeJsonAssertions() {}

  /**
   * Fails unless {@code json} is strictly valid RFC 8259 JSON (one root value, no duplicate keys,
   * no lone surrogates, no comments, NaN or trailing commas).
   *
   * @throws AssertionError naming where and why the text is invalid, with a snippet of the input
   */
  public static void assertValidJson(String json) {
    StrictJsonChecker.Problem problem = StrictJsonChecker.check(json);
    if (problem != null) {
      throw new AssertionError(
          "Invalid JSON: "
              + problem.message()
              + "\n  input: "
              + snippet(json, problem.charOffset()));
    }
  }

  /**
   * Fails unless both texts are valid JSON with the same meaning: key order, whitespace and number
   * spelling ({@code 1}, {@code 1.0}, {@code 1e0}) are ignored.
   *
   * @throws AssertionError listing every difference, one JSONPath per line
   */
  public static void assertJsonEquals(String expected, String actual) {
    List<String> differences = JsonComparison.differences(expected, actual);
    if (differences.isEmpty()) {
      return;
    }
    int count = total(differences);
    StringBuilder message =
        new StringBuilder("JSON differs at ")
            .append(count)
            .append(count == 1 ? " path:" : " paths:");
    for (String difference : differences) {
      message.append("\n  ").append(difference);
    }
    throw new AssertionError(message.toString());
  }

  /**
   * Fails unless {@link SafeSerializer#defaults()} serializes {@code value} without any incident.
   *
   * @throws AssertionError listing every incident as {@code path KIND type: detail}
   */
  public static void assertJsonSafe(Object value) {
    assertJsonSafe(value, SafeSerializer.defaults());
  }

  /**
   * Fails unless {@code serializer} serializes {@code value} without any incident, into valid JSON.
   *
   * @throws AssertionError listing every incident as {@code path KIND type: detail}
   */
  public static void assertJsonSafe(Object value, SafeSerializer serializer) {
    Objects.requireNonNull(serializer, "serializer");
    SafeResult result = serializer.serialize(value);
    List<Incident> incidents = result.incidents();
    if (!incidents.isEmpty()) {
      StringBuilder message =
          new StringBuilder("Value is not JSON-safe: ")
              .append(incidents.size())
              .append(incidents.size() == 1 ? " incident:" : " incidents:");
      for (Incident incident : incidents) {
        message.append("\n  ").append(incident);
      }
      throw new AssertionError(message.toString());
    }
    // SafeSerializer promises valid JSON; a test helper should not take that on trust.
    StrictJsonChecker.Problem problem = StrictJsonChecker.check(result.json());
    if (problem != null) {
      throw new AssertionError(
          "SafeSerializer produced invalid JSON: "
              + problem.message()
              + "\n  output: "
              + snippet(result.json(), problem.charOffset()));
    }
  }

  /** The comparison lists its first lines and counts the rest in a final "... and N more". */
  private static int total(List<String> differences) {
    int listed = differences.size();
    String last = differences.get(listed - 1);
    if (!last.startsWith(MORE_PREFIX)) {
      return listed;
    }
    int end = last.indexOf(' ', MORE_PREFIX.length());
    return listed - 1 + Integer.parseInt(last.substring(MORE_PREFIX.length(), end));
  }

  /** Shows the input around the failing offset, escaped so that the message stays readable. */
  private static String snippet(String json, long offset) {
    if (json == null) {
      return "null";
    }
    int at = offset < 0 || offset > json.length() ? 0 : (int) offset;
    int from = Math.max(0, at - SNIPPET_CHARS);
    int to = Math.min(json.length(), at + SNIPPET_CHARS);
    // Never split a surrogate pair: a half on its own would print as garbage.
    at = pairStart(json, at);
    from = pairStart(json, from);
    to = pairStart(json, to);
    StringBuilder out = new StringBuilder();
    out.append(from > 0 ? "..." : "");
    escape(json, from, at, out);
    if (offset >= 0) {
      out.append(" >>> "); // marks the position the problem refers to
    }
    escape(json, at, to, out);
    out.append(to < json.length() ? "..." : "");
    if (json.isEmpty()) {
      out.append("(empty)");
    }
    return out.toString();
  }

  private static int pairStart(String s, int i) {
    boolean insidePair =
        i > 0
            && i < s.length()
            && Character.isLowSurrogate(s.charAt(i))
            && Character.isHighSurrogate(s.charAt(i - 1));
    return insidePair ? i - 1 : i;
  }

  private static boolean isLoneSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }

  private static void escape(String s, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c == 0x7f || c == '\uFEFF' || isLoneSurrogate(s, i)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
  }
}
