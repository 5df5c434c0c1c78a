package io.safejson.testing.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.safejson.internal.JsonPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compares two JSON texts by meaning: key order, insignificant whitespace and the spelling of
 * numbers ({@code 1}, {@code 1.0}, {@code 1e0}) do not matter; everything else does.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonComparison {
  /** Beyond this many lines a report stops helping; the rest are only counted. */
  static final int MAX_DIFFERENCES = 50;

  /** Values in messages are cut to about this many characters so each difference stays one line. */
  static final int MAX_VALUE_CHARS = 80;

  /** Numbers are compared as BigDecimals, so their length stays bounded here. */
  private static final JsonFactory FACTORY =
      StrictJsonChecker.newFactory(StrictJsonChecker.MAX_NUMBER_LENGTH);

  private JsonComparison() {}

  /**
   * Returns one line per difference, each starting with the JSONPath where it occurs; empty when
   * both texts are valid JSON with the same meaning.
   *
   * <p>When either text is not strictly valid JSON (see {@link StrictJsonChecker}) the result is a
   * single line saying which side is invalid and why.
   */
  public static List<String> differences(String expectedJson, String actualJson) {
    String expectedProblem = StrictJsonChecker.problem(expectedJson);
    String actualProblem = StrictJsonChecker.problem(actualJson);
    if (expectedProblem != null || actualProblem != null) {
      List<String> invalid = new ArrayList<>();
      if (expectedProblem != null) {
        invalid.add("expected is not valid JSON: " + expectedProblem);
      }
      if (actualProblem != null) {
        invalid.add("actual is not valid JSON: " + actualProblem);
      }
      return List.of(JsonPaths.ROOT + ": " + String.join("; ", invalid));
    }
    Report report = new Report();
    compare(JsonPaths.ROOT, read(expectedJson), read(actualJson), report);
    return report.lines();
  }

  // ---- reading ----

  /** A JSON number kept as its text, so messages show it as written; compared as a BigDecimal. */
  private record JsonNumber(String text) {}

  /** JSON null, distinct from Java null so that a missing map entry is never mistaken for it. */
  private enum JsonNull {
    INSTANCE
  }

  /**
   * Reads an already-checked document into LinkedHashMap / ArrayList / String / Boolean /
   * JsonNumber / JsonNull. Iterative, so that the 2,000 levels the checker allows cannot overflow
   * the stack here.
   */
  private static Object read(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      Deque<Object> containers = new ArrayDeque<>();
      Deque<String> names = new ArrayDeque<>();
      String pendingName = null;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        Object value;
        switch (token) {
          case FIELD_NAME:
            pendingName = parser.currentName();
            continue;
          case START_OBJECT:
          case START_ARRAY:
            // Remember the name this container will be stored under once it is complete.
            names.push(pendingName == null ? "" : pendingName);
            pendingName = null;
            containers.push(
                token == JsonToken.START_OBJECT
                    ? new LinkedHashMap<String, Object>()
                    : new ArrayList<Object>());
            continue;
          case END_OBJECT:
          case END_ARRAY:
            value = containers.pop();
            pendingName = names.pop();
            break;
          case VALUE_STRING:
            value = parser.getText();
            break;
          case VALUE_NUMBER_INT:
          case VALUE_NUMBER_FLOAT:
            value = new JsonNumber(parser.getText());
            break;
          case VALUE_TRUE:
            value = Boolean.TRUE;
            break;
          case VALUE_FALSE:
            value = Boolean.FALSE;
            break;
          case VALUE_NULL:
            value = JsonNull.INSTANCE;
            break;
          default:
            throw new IllegalStateException("unexpected token " + token);
        }
        if (containers.isEmpty()) {
          return value; // the checker guarantees nothing follows the root value
        }
        add(containers.peek(), pendingName, value);
        pendingName = null;
      }
      throw new IllegalStateException("no root value in checked JSON");
    } catch (IOException e) {
      // The text passed StrictJsonChecker with the same factory configuration.
      throw new UncheckedIOException("checked JSON failed to parse", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static void add(Object container, String name, Object value) {
    if (container instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).put(name, value);
    } else {
      ((List<Object>) container).add(value);
    }
  }

  // ---- comparing ----

  /**
   * Compares depth-first in document order. Iterative, with an explicit stack of pending steps: the
   * recursion this replaces overflowed the default thread stack at the 2,000 levels the checker
   * allows.
   */
  private static void compare(String path, Object expected, Object actual, Report report) {
    Deque<Runnable> steps = new ArrayDeque<>();
    steps.push(() -> compareValues(path, expected, actual, report, steps));
    while (!steps.isEmpty()) {
      steps.pop().run();
    }
  }

  private static void compareValues(
      String path, Object expected, Object actual, Report report, Deque<Runnable> steps) {
    String expectedType = typeOf(expected);
    String actualType = typeOf(actual);
    if (!expectedType.equals(actualType)) {
      report.add(() -> path + ": expected " + typed(expected) + " but was " + typed(actual));
    } else if (expected instanceof Map<?, ?> expectedMap) {
      compareObjects(path, expectedMap, (Map<?, ?>) actual, report, steps);
    } else if (expected instanceof List<?> expectedList) {
      compareArrays(path, expectedList, (List<?>) actual, report, steps);
    } else if (!sameScalar(expected, actual)) {
      report.add(
          () ->
              path
                  + ": expected "
                  + render(expected)
                  + " but was "
                  + render(actual)
                  + stringHint(expected, actual));
    }
  }

  /** Pushes the steps for one object; the stack is LIFO, so they are pushed last-first. */
  private static void compareObjects(
      String path, Map<?, ?> expected, Map<?, ?> actual, Report report, Deque<Runnable> steps) {
    List<Runnable> children = new ArrayList<>();
    for (Map.Entry<?, ?> entry : expected.entrySet()) {
      String childPath = JsonPaths.child(path, (String) entry.getKey());
      Object expectedValue = entry.getValue();
      Object actualValue = actual.get(entry.getKey());
      if (actualValue == null) {
        children.add(() -> note(report, childPath, "missing key, expected ", expectedValue));
      } else {
        children.add(() -> compareValues(childPath, expectedValue, actualValue, report, steps));
      }
    }
    for (Map.Entry<?, ?> entry : actual.entrySet()) {
      if (!expected.containsKey(entry.getKey())) {
        String childPath = JsonPaths.child(path, (String) entry.getKey());
        Object actualValue = entry.getValue();
        children.add(() -> note(report, childPath, "unexpected key with value ", actualValue));
      }
    }
    pushInOrder(children, steps);
  }

  private static void compareArrays(
      String path, List<?> expected, List<?> actual, Report report, Deque<Runnable> steps) {
    if (expected.size() != actual.size()) {
      report.add(() -> path + ": expected " + count(expected.size()) + " but was " + actual.size());
    }
    int common = Math.min(expected.size(), actual.size());
    List<Runnable> children = new ArrayList<>();
    for (int i = 0; i < expected.size() || i < actual.size(); i++) {
      String childPath = JsonPaths.child(path, i);
      Object expectedValue = i < expected.size() ? expected.get(i) : null;
      Object actualValue = i < actual.size() ? actual.get(i) : null;
      if (i < common) {
        children.add(() -> compareValues(childPath, expectedValue, actualValue, report, steps));
      } else if (expectedValue != null) {
        children.add(() -> note(report, childPath, "missing element, expected ", expectedValue));
      } else {
        children.add(() -> note(report, childPath, "unexpected element ", actualValue));
      }
    }
    pushInOrder(children, steps);
  }

  /** Reports {@code path: what value}, rendering the value only while the report has room. */
  private static void note(Report report, String path, String what, Object value) {
    report.add(() -> path + ": " + what + render(value));
  }

  private static void pushInOrder(List<Runnable> children, Deque<Runnable> steps) {
    for (int i = children.size() - 1; i >= 0; i--) {
      steps.push(children.get(i));
    }
  }

  private static String count(int elements) {
    return elements == 1 ? "1 element" : elements + " elements";
  }

  private static boolean sameScalar(Object expected, Object actual) {
    if (expected instanceof JsonNumber e && actual instanceof JsonNumber a) {
      return sameNumber(e.text(), a.text());
    }
    return expected.equals(actual);
  }

  static boolean sameNumber(String expected, String actual) {
    if (expected.equals(actual)) {
      return true;
    }
    try {
      // JSON's number grammar is a subset of BigDecimal's, so this is exact: 1, 1.0, 1e0 and
      // 10e-1 are equal, and integers or decimals of any length keep all their digits.
      return new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0;
    } catch (NumberFormatException e) {
      // Only exponents beyond BigDecimal's int scale get here; unequal texts count as different.
      return false;
    }
  }

  private static String typeOf(Object value) {
    if (value instanceof Map) {
      return "object";
    }
    if (value instanceof List) {
      return "array";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof JsonNumber) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    return "null";
  }

  /** Names the type before the value, except for null, which names itself. */
  private static String typed(Object value) {
    String type = typeOf(value);
    return type.equals("null") ? "null" : type + " " + render(value);
  }

  /**
   * Two long strings cut to the same prefix would look equal in the message; say where they part.
   */
  private static String stringHint(Object expected, Object actual) {
    if (!(expected instanceof String e) || !(actual instanceof String a)) {
      return "";
    }
    if (e.length() + 2 <= MAX_VALUE_CHARS && a.length() + 2 <= MAX_VALUE_CHARS) {
      return "";
    }
    int i = 0;
    while (i < e.length() && i < a.length() && e.charAt(i) == a.charAt(i)) {
      i++;
    }
    return " (strings of length "
        + e.length()
        + " and "
        + a.length()
        + " first differ at index "
        + i
        + ")";
  }

  // ---- rendering ----

  /** Writes a value as compact JSON, stopping once it is long enough to be cut anyway. */
  static String render(Object value) {
    StringBuilder out = new StringBuilder();
    render(value, out);
    if (out.length() <= MAX_VALUE_CHARS) {
      return out.toString();
    }
    int cut = MAX_VALUE_CHARS - 3;
    if (Character.isHighSurrogate(out.charAt(cut - 1))) {
      cut--; // never leave half a surrogate pair in a message
    }
    return out.substring(0, cut) + "...";
  }

  /**
   * Recursion stops as soon as the budget is spent, so depth here is bounded by MAX_VALUE_CHARS.
   */
  private static void render(Object value, StringBuilder out) {
    if (out.length() > MAX_VALUE_CHARS) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (out.length() > MAX_VALUE_CHARS) {
          return;
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        quote((String) entry.getKey(), out);
        out.append(':');
        render(entry.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (out.length() > MAX_VALUE_CHARS) {
          return;
        }
        if (i > 0) {
          out.append(',');
        }
        render(list.get(i), out);
      }
      out.append(']');
    } else if (value instanceof String s) {
      quote(s, out);
    } else if (value instanceof JsonNumber number) {
      out.append(number.text(), 0, Math.min(number.text().length(), MAX_VALUE_CHARS + 1));
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else {
      out.append("null");
    }
  }

  private static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length() && out.length() <= MAX_VALUE_CHARS; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  /** Collects the first MAX_DIFFERENCES lines and counts the rest without building their text. */
  private static final class Report {
    private final List<String> lines = new ArrayList<>();
    private int skipped;

    boolean wants() {
      return lines.size() < MAX_DIFFERENCES;
    }

    void add(String line) {
      lines.add(line);
    }

    /** Builds the line only while there is room for it; past the cap it is only counted. */
    void add(Supplier<String> line) {
      if (lines.size() < MAX_DIFFERENCES) {
        lines.add(line.get());
      } else {
        skipped++;
      }
    }

    void skip() {
      skipped++;
    }

    List<String> lines() {
      List<String> result = new ArrayList<>(lines);
      if (skipped > 0) {
        result.add("... and " + skipped + " more");
      }
      return List.copyOf(result);
    }
  }
}
