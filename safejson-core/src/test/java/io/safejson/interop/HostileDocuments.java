package io.safejson.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.safejson.DecimalStyle;
import io.safejson.Incident;
import io.safejson.LargeIntegerStyle;
import io.safejson.SafeResult;
import io.safejson.SafeSerializer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Documents written from values that would break or be lost in a default JSON reader, each with the
 * incidents it must report and the values that must survive exactly; shared by the core's
 * {@code ReaderInteropTest}, the WebSocket's {@code WebSocketReaderInteropTest} and their Python/Node
 * integration tests. Every expected value is computed here, independently of safejson.
 */
public final class HostileDocuments {
  public static final BigInteger TWO_POW_53_PLUS_1 = BigInteger.TWO.pow(53).add(BigInteger.ONE);
  /** 2^100000: 30,103 digits, far past Jackson's 1,000-char numbers, Python's 4,300 digits and JS's range. */
  public static final BigInteger HUGE_INTEGER = BigInteger.TWO.pow(100_000);
  /** 5,000 significant digits: too long for Jackson's 1,000-char number limit. */
  public static final BigDecimal LONG_DECIMAL = new BigDecimal("1." + "2345678901".repeat(500));

  private HostileDocuments() {}

  /** One value as the check expects it: a JSON pointer and the text Python's and JavaScript's readers print. */
  public record Exact(String pointer, String expected, boolean lengthOnly) {
    public static Exact value(String pointer, String expected) {
      return new Exact(pointer, expected, false);
    }

    /** The string at the pointer has this many chars (ASCII content, so UTF-16 units = code points). */
    public static Exact length(String pointer, int length) {
      return new Exact(pointer, Integer.toString(length), true);
    }

    /** Checks this value in {@code tree} the way the Python and Node checks print it. */
    public void assertIn(JsonNode tree) {
      JsonNode node = tree.at(pointer);
      String where = "value at " + shorten(pointer);
      if (lengthOnly) {
        assertTrue(node.isTextual(), where + " is " + node.getNodeType());
        assertEquals(Integer.parseInt(expected), node.textValue().length(), where);
      } else if (node.isTextual()) {
        assertEquals(expected, node.textValue(), where);
      } else if (node.isIntegralNumber()) {
        assertEquals(new BigInteger(expected), node.bigIntegerValue(), where);
      } else {
        assertTrue(node.isNumber(), where + " is " + node.getNodeType());
        assertEquals(Double.parseDouble(expected), node.doubleValue(), where);
      }
    }
  }

  /** An incident that must be reported. */
  public record Expected(Incident.Kind kind, String path) {}

  /** A written document with the incidents reported while writing it. */
  public record Rendered(String json, List<Incident> incidents) {}

  /**
   * One hostile document.
   *
   * @param serializer with {@code value}: the serializer that writes the document as a whole message; null
   *     when the document is written into a caller's generator already open (then only {@code render} has it)
   * @param exactJson the whole document, byte for byte, when it must not change; null otherwise
   */
  public record Case(
      String name,
      SafeSerializer serializer,
      Object value,
      Supplier<Rendered> render,
      List<Expected> incidents,
      List<Exact> exact,
      String exactJson) {
    /** A document {@code serializer} writes from {@code value} as a whole message. */
    static Case whole(
        String name,
        SafeSerializer serializer,
        Object value,
        List<Expected> incidents,
        List<Exact> exact,
        String exactJson) {
      return new Case(name, serializer, value, () -> serialize(serializer, value), incidents, exact, exactJson);
    }

    /** A document written into a generator that already holds other output: no whole message of its own. */
    static Case inGenerator(
        String name, Supplier<Rendered> render, List<Expected> incidents, List<Exact> exact) {
      return new Case(name, null, null, render, incidents, exact, null);
    }

    /** Whether the document is a whole message, {@code serializer} writing {@code value}. */
    public boolean isWholeMessage() {
      return serializer != null;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  public static Rendered serialize(SafeSerializer serializer, Object value) {
    SafeResult result = serializer.serialize(value);
    return new Rendered(result.json(), result.incidents());
  }

  /** Writes {@code value} with {@code writerFor} inside {@code outer} arrays already open, as a log encoder does. */
  public static Rendered insideArrays(SafeSerializer serializer, int outer, Object value) {
    StringWriter out = new StringWriter();
    List<Incident> incidents = new ArrayList<>();
    try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
      for (int i = 0; i < outer; i++) {
        generator.writeStartArray();
      }
      serializer.writerFor(generator, incidents::add).write(value);
      for (int i = 0; i < outer; i++) {
        generator.writeEndArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Rendered(out.toString(), incidents);
  }

  /** {@code writeTo} inside {@code outer} arrays already open; incidents come from {@code onIncident}. */
  public static Rendered writeToInsideArrays(SafeSerializer.Builder builder, int outer, Object value) {
    StringWriter out = new StringWriter();
    List<Incident> incidents = new ArrayList<>();
    SafeSerializer serializer = builder.onIncident(incidents::add).build();
    try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
      for (int i = 0; i < outer; i++) {
        generator.writeStartArray();
      }
      serializer.writeTo(generator, value);
      for (int i = 0; i < outer; i++) {
        generator.writeEndArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Rendered(out.toString(), incidents);
  }

  /** A list nested {@code depth} levels deep around "bottom". */
  public static Object nested(int depth) {
    Object value = "bottom";
    for (int i = 0; i < depth; i++) {
      List<Object> list = new ArrayList<>(1);
      list.add(value);
      value = list;
    }
    return value;
  }

  /** {@code $[0][0]...} with {@code depth} indexes. */
  public static String firstElementPath(int depth) {
    return "$" + "[0]".repeat(depth);
  }

  public static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static SafeSerializer with(DecimalStyle decimals, LargeIntegerStyle integers) {
    return SafeSerializer.builder().decimalStyle(decimals).largeIntegers(integers).build();
  }

  private static Expected readerLimit(String path) {
    return new Expected(Incident.Kind.READER_LIMIT, path);
  }

  /**
   * The reader limits a document of hostile numbers reports: at {@code $.hugeInteger} when large integers are
   * written as numbers, then at each top-level field of {@code decimals}, in that order.
   */
  private static List<Expected> numberLimits(LargeIntegerStyle integers, List<String> decimals) {
    List<Expected> expected = new ArrayList<>();
    if (integers == LargeIntegerStyle.NUMBER) {
      expected.add(readerLimit("$.hugeInteger"));
    }
    for (String field : decimals) {
      expected.add(readerLimit("$." + field));
    }
    return expected;
  }

  /** Every case, small and large; the 21-million-char ones allocate about 200 MB while they run. */
  public static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    String huge = HUGE_INTEGER.toString();
    String longDecimal = LONG_DECIMAL.toPlainString();
    for (DecimalStyle decimals : DecimalStyle.values()) {
      for (LargeIntegerStyle integers : LargeIntegerStyle.values()) {
        SafeSerializer serializer = with(decimals, integers);
        String style = decimals + "/" + integers;
        boolean numbers = decimals == DecimalStyle.NUMBER;
        List<Expected> expected =
            numberLimits(
                integers, numbers ? List.of("longDecimal", "overflow", "underflow", "negativeOverflow") : List.of());
        cases.add(
            Case.whole(
                "hostile numbers " + style,
                serializer,
                map(
                    "hugeInteger", HUGE_INTEGER,
                    "longDecimal", LONG_DECIMAL,
                    "overflow", new BigDecimal("1E+100000"),
                    "underflow", new BigDecimal("1E-100000"),
                    "negativeOverflow", new BigDecimal("-1E+100000")),
                expected,
                List.of(
                    Exact.value("/hugeInteger", huge),
                    Exact.value("/longDecimal", longDecimal),
                    Exact.value("/overflow", "1E+100000"),
                    Exact.value("/underflow", "1E-100000"),
                    Exact.value("/negativeOverflow", "-1E+100000")),
                null));
        // The same values in a JsonNode tree, whose numbers are numbers whatever the decimal style.
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("hugeInteger", HUGE_INTEGER);
        node.put("overflow", new BigDecimal("1E+100000"));
        node.put("underflow", new BigDecimal("1E-100000"));
        List<Expected> nodeExpected = numberLimits(integers, List.of("overflow", "underflow"));
        cases.add(
            Case.whole(
                "hostile numbers in a JsonNode " + style,
                serializer,
                node,
                nodeExpected,
                List.of(
                    Exact.value("/hugeInteger", huge),
                    Exact.value("/overflow", "1E+100000"),
                    Exact.value("/underflow", "1E-100000")),
                null));
        cases.add(
            Case.whole(
                "ordinary numbers " + style,
                serializer,
                map(
                    "int", 42,
                    "negative", -7L,
                    "double", 2.5,
                    "min", Double.MIN_VALUE,
                    "max", Double.MAX_VALUE,
                    "decimal", new BigDecimal("12.50"),
                    "safe", 9_007_199_254_740_991L),
                List.of(),
                List.of(
                    Exact.value("/int", "42"),
                    Exact.value("/min", "5e-324"),
                    Exact.value("/max", "1.7976931348623157e+308"),
                    Exact.value("/safe", "9007199254740991")),
                "{\"int\":42,\"negative\":-7,\"double\":2.5,\"min\":4.9E-324,\"max\":1.7976931348623157E308,"
                    + "\"decimal\":"
                    + (numbers ? "12.50" : "\"12.50\"")
                    + ",\"safe\":9007199254740991}"));
      }
    }
    String id = TWO_POW_53_PLUS_1.toString();
    cases.add(
        Case.whole(
            "ids beyond 2^53 as strings",
            with(DecimalStyle.STRING, LargeIntegerStyle.STRING_WHEN_UNSAFE),
            map("long", TWO_POW_53_PLUS_1.longValueExact(), "big", TWO_POW_53_PLUS_1, "negative",
                TWO_POW_53_PLUS_1.negate().longValueExact()),
            List.of(),
            List.of(Exact.value("/long", id), Exact.value("/big", id), Exact.value("/negative", "-" + id)),
            "{\"long\":\"" + id + "\",\"big\":\"" + id + "\",\"negative\":\"-" + id + "\"}"));
    cases.add(
        Case.whole(
            "nesting at the maxDepth cap",
            SafeSerializer.builder().maxDepth(500).build(),
            nested(600),
            List.of(new Expected(Incident.Kind.MAX_DEPTH, firstElementPath(500))),
            List.of(Exact.value("/0".repeat(500), "[MAX_DEPTH]")),
            null));
    cases.add(
        Case.inGenerator(
            "nesting at the maxDepth cap inside a nested generator (writerFor)",
            () -> insideArrays(SafeSerializer.builder().maxDepth(500).build(), 3, nested(600)),
            List.of(readerLimit(firstElementPath(500))),
            List.of(Exact.value("/0".repeat(500), "[MAX_DEPTH]"))));
    cases.add(
        Case.inGenerator(
            "nesting at the maxDepth cap inside a nested generator (writeTo)",
            () -> writeToInsideArrays(SafeSerializer.builder().maxDepth(500), 7, nested(600)),
            List.of(readerLimit(firstElementPath(500))),
            List.of(Exact.value("/0".repeat(500), "[MAX_DEPTH]"))));
    cases.add(
        Case.whole(
            "a five-million-char string within maxStringLength",
            SafeSerializer.builder().maxStringLength(8_000_000).build(),
            map("text", "abcdefghij".repeat(500_000)),
            List.of(),
            List.of(Exact.length("/text", 5_000_000)),
            null));
    cases.add(
        Case.whole(
            "a 21-million-char string under a maxStringLength above the readers' limit",
            SafeSerializer.builder().maxStringLength(Integer.MAX_VALUE).build(),
            map("text", "x".repeat(21_000_000)),
            List.of(readerLimit("$.text")),
            List.of(Exact.length("/text", 20_000_000)),
            null));
    String longKey = "k".repeat(60_000);
    String cutKey = "k".repeat(49_986) + "...[TRUNCATED]";
    cases.add(
        Case.whole(
            "a 60,000-char key",
            SafeSerializer.defaults(),
            map(longKey, 1, "next", 2),
            List.of(readerLimit("$['" + cutKey + "']")),
            List.of(Exact.value("/" + cutKey, "1"), Exact.value("/next", "2")),
            null));
    String fullKey = "k".repeat(50_000);
    cases.add(
        Case.whole(
            "a 50,000-char key, the readers' limit",
            SafeSerializer.defaults(),
            map(fullKey, 1),
            List.of(),
            List.of(Exact.value("/" + fullKey, "1")),
            "{\"" + fullKey + "\":1}"));
    cases.add(
        Case.whole(
            "lone surrogates in a key and a value",
            SafeSerializer.defaults(),
            map("key\uD800", "value\uDC00!"),
            List.of(new Expected(Incident.Kind.INVALID_STRING, "$['key\uFFFD']")),
            List.of(Exact.value("/key\uFFFD", "value\uFFFD!")),
            null));
    return cases;
  }

  /** {@code text} itself when short, else its start and end around its length: keys and pointers can be huge. */
  public static String shorten(String text) {
    return text.length() <= 200
        ? text
        : text.substring(0, 100) + "..(" + text.length() + " chars).." + text.substring(text.length() - 60);
  }
}
