package io.safejson.buildtools;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Values that break plain JSON encoders, as jqwik generators: the one fixture the adapters' delivery properties
 * (WebSocket, NATS, Kafka, Jackson 3) send through their transports. Stateless; thread-safe.
 *
 * <pre>{@code
 * @Provide
 * Arbitrary<List<HostileValues.Part>> messages() {
 *   return HostileValues.messages(10_000, 200_000);
 * }
 * }</pre>
 */
public final class HostileValues {
  private HostileValues() {}

  /** What a part is, for statistics and for checks that depend on it. */
  public enum Kind {
    NAN,
    LONE_SURROGATE,
    CYCLE,
    THROWING_GETTER,
    DEEP_NESTING,
    BIG_STRING,
    CONTROL_CHARS,
    LONG_ARRAY,
    PLAIN
  }

  /** One generated value; its description never walks the value, which may be cyclic or huge. */
  public static final class Part {
    public final Kind kind;
    public final Object value;
    private final String description;

    Part(Kind kind, Object value, String description) {
      this.kind = kind;
      this.value = value;
      this.description = description;
    }

    @Override
    public String toString() {
      return kind + "(" + description + ")";
    }
  }

  /** A bean whose second getter fails the way real ones do: runtime exceptions, checked ones, errors. */
  public static final class Failing {
    private final Supplier<Throwable> failure;

    public Failing(Supplier<Throwable> failure) {
      this.failure = failure;
    }

    public String getOk() {
      return "fine";
    }

    public Object getBoom() throws Exception {
      Throwable thrown = failure.get();
      if (thrown instanceof Exception) {
        throw (Exception) thrown;
      }
      throw (Error) thrown;
    }
  }

  /**
   * One to four parts of every kind; the big strings are {@code minBigString} to {@code maxBigString} chars
   * long (a transport picks sizes around its frame or payload limit).
   */
  public static Arbitrary<List<Part>> messages(int minBigString, int maxBigString) {
    return Arbitraries.oneOf(
            nan(),
            loneSurrogate(),
            cycle(),
            throwingGetter(),
            deepNesting(),
            bigString(minBigString, maxBigString),
            controlChars(),
            longArray(),
            plain())
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  /** The message a list of parts stands for: {@code {"p0": ..., "p1": ...}}. */
  public static Map<String, Object> message(List<Part> parts) {
    Map<String, Object> message = new LinkedHashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      message.put("p" + i, parts.get(i).value);
    }
    return message;
  }

  /** The message of one try of a delivery property: {@code {"try": tryNumber, "parts": [...]}}. */
  public static Map<String, Object> message(long tryNumber, List<Part> parts) {
    List<Object> values = new ArrayList<>();
    for (Part part : parts) {
      values.add(part.value);
    }
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("try", tryNumber);
    message.put("parts", values);
    return message;
  }

  private static Arbitrary<Part> nan() {
    return Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN)
        .map(number -> new Part(Kind.NAN, number, String.valueOf(number)));
  }

  private static Arbitrary<Part> loneSurrogate() {
    Arbitrary<String> text = Arbitraries.strings().alpha().ofMaxLength(8);
    Arbitrary<Character> surrogate = Arbitraries.chars().range('\uD800', '\uDFFF');
    return Combinators.combine(text, surrogate, text, Arbitraries.of(true, false))
        .as(
            (before, lone, after, asKey) -> {
              String hostile = before + lone + after;
              // As a map key too: keys are written by a different path than values.
              Object value = asKey ? Map.of(hostile, hostile) : hostile;
              return new Part(Kind.LONE_SURROGATE, value, (asKey ? "key " : "") + escape(hostile));
            });
  }

  private static Arbitrary<Part> cycle() {
    return Arbitraries.integers()
        .between(1, 4)
        .map(
            length -> {
              // map -> list -> map -> ... -> back to the first map
              Map<String, Object> first = new HashMap<>();
              first.put("name", "start");
              Object tail = first;
              for (int i = 0; i < length; i++) {
                List<Object> list = new ArrayList<>();
                list.add(i);
                list.add(tail);
                Map<String, Object> map = new HashMap<>();
                map.put("next", list);
                tail = map;
              }
              first.put("loop", tail);
              return new Part(Kind.CYCLE, first, "length " + length);
            });
  }

  private static Arbitrary<Part> throwingGetter() {
    Map<String, Supplier<Throwable>> failures = new LinkedHashMap<>();
    failures.put("IllegalStateException", () -> new IllegalStateException("lazy proxy not initialized"));
    failures.put("NullPointerException", NullPointerException::new);
    failures.put("IOException", () -> new IOException("stream closed"));
    failures.put("AssertionError", () -> new AssertionError("invariant"));
    failures.put("StackOverflowError", StackOverflowError::new);
    return Arbitraries.of(failures.keySet())
        .map(name -> new Part(Kind.THROWING_GETTER, new Failing(failures.get(name)), name));
  }

  private static Arbitrary<Part> deepNesting() {
    return Arbitraries.integers()
        .between(50, 2_000)
        .map(
            depth -> {
              Object nested = "bottom";
              for (int i = 0; i < depth; i++) {
                nested = (i % 2 == 0) ? List.of(nested) : Map.of("d", nested);
              }
              return new Part(Kind.DEEP_NESTING, nested, "depth " + depth);
            });
  }

  private static Arbitrary<Part> bigString(int minLength, int maxLength) {
    // Quotes, backslashes, controls, a surrogate pair, U+2028 and CJK: escapes and multi-byte UTF-8.
    Arbitrary<String> unit =
        Arbitraries.of("a", "xyz", "\"", "\\", "\n", "\t", "\u0000", "\u001f", "\u2028", "\u00e9", "\u4e2d", "\ud83d\ude00")
            .list()
            .ofMinSize(1)
            .ofMaxSize(8)
            .map(tokens -> String.join("", tokens));
    return Combinators.combine(unit, Arbitraries.integers().between(minLength, maxLength))
        .as(
            (pattern, size) -> {
              String big = pattern.repeat(Math.max(1, size / pattern.length()));
              return new Part(Kind.BIG_STRING, big, big.length() + " chars of " + escape(pattern));
            });
  }

  private static Arbitrary<Part> controlChars() {
    return Arbitraries.strings()
        .withCharRange('\u0000', '\u001f')
        .withChars('"', '\\', '\u2028', '\u2029', '\u007f')
        .ofMinLength(1)
        .ofMaxLength(20)
        .map(text -> new Part(Kind.CONTROL_CHARS, text, escape(text)));
  }

  private static Arbitrary<Part> longArray() {
    return Arbitraries.integers()
        .between(100, 20_000)
        .map(
            length -> {
              List<Object> items = new ArrayList<>(length);
              for (int i = 0; i < length; i++) {
                items.add(i % 3 == 0 ? "item-" + i : i);
              }
              return new Part(Kind.LONG_ARRAY, items, length + " items");
            });
  }

  private static Arbitrary<Part> plain() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40).map(text -> new Part(Kind.PLAIN, text, escape(text))),
        Arbitraries.longs().map(number -> new Part(Kind.PLAIN, number, number.toString())),
        Arbitraries.doubles().map(number -> new Part(Kind.PLAIN, number, number.toString())),
        Arbitraries.longs()
            .between(-10_000_000_000L, 10_000_000_000L)
            .map(seconds -> new Part(Kind.PLAIN, Instant.ofEpochSecond(seconds), "instant " + seconds)),
        Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
            .as(UUID::new)
            .map(id -> new Part(Kind.PLAIN, id, id.toString())),
        Arbitraries.bigDecimals()
            .ofScale(4)
            .map(decimal -> new Part(Kind.PLAIN, decimal, decimal.toPlainString())),
        Arbitraries.of(new BigDecimal("1E+400"), BigDecimal.ONE.movePointRight(30), Long.MAX_VALUE)
            .map(number -> new Part(Kind.PLAIN, number, number.toString())),
        Arbitraries.of(Thread.State.BLOCKED, "a/b</script>")
            .map(value -> new Part(Kind.PLAIN, value, value.toString())));
  }

  /** Prints anything as ASCII: a description may hold control chars and lone surrogates. */
  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }
}
