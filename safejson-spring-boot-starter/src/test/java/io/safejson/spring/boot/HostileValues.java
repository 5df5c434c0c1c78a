package io.safejson.spring.boot;

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

/** Values that break plain JSON encoders, as jqwik generators (copied from safejson-jackson3's tests). */
final class HostileValues {
  private HostileValues() {}

  /** A bean whose second getter fails the way real ones do. */
  public static final class Failing {
    private final Supplier<Throwable> failure;

    Failing(Supplier<Throwable> failure) {
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

  /** The kinds of hostile part a generated message is made of. */
  enum Kind {
    NAN,
    LONE_SURROGATE,
    CYCLE,
    THROWING_GETTER,
    DEEP_NESTING,
    BIG_STRING,
    CONTROL_CHARS,
    PLAIN
  }

  /** One generated value; its description never walks the value, which may be cyclic or huge. */
  static final class Part {
    final Kind kind;
    final Object value;
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

  /** Messages of one to four hostile parts, each under its own key. */
  static Arbitrary<List<Part>> messages() {
    return Arbitraries.oneOf(
            nan(), loneSurrogate(), cycles(), throwingGetter(), deepNesting(), bigString(), controlChars(), plain())
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  /** The message a list of parts stands for: {@code {"p0": ..., "p1": ...}}. */
  static Map<String, Object> message(List<Part> parts) {
    Map<String, Object> message = new LinkedHashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      message.put("p" + i, parts.get(i).value);
    }
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
              Object value = asKey ? Map.of(hostile, hostile) : hostile;
              return new Part(Kind.LONE_SURROGATE, value, (asKey ? "key " : "") + Integer.toHexString(lone));
            });
  }

  private static Arbitrary<Part> cycles() {
    return Arbitraries.integers()
        .between(1, 4)
        .map(
            length -> {
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
    failures.put("StackOverflowError", StackOverflowError::new);
    return Arbitraries.of(failures.keySet())
        .map(name -> new Part(Kind.THROWING_GETTER, new Failing(failures.get(name)), name));
  }

  private static Arbitrary<Part> deepNesting() {
    return Arbitraries.integers()
        .between(50, 1_000)
        .map(
            depth -> {
              Object nested = "bottom";
              for (int i = 0; i < depth; i++) {
                nested = List.of(nested);
              }
              return new Part(Kind.DEEP_NESTING, nested, "depth " + depth);
            });
  }

  private static Arbitrary<Part> bigString() {
    return Arbitraries.integers()
        .between(10_000, 200_000)
        .map(length -> new Part(Kind.BIG_STRING, "x".repeat(length), length + " chars"));
  }

  private static Arbitrary<Part> controlChars() {
    return Arbitraries.strings()
        .withCharRange('\u0000', '\u001f')
        .withChars('"', '\\', '\u2028', '\u2029', '\u007f')
        .ofMinLength(1)
        .ofMaxLength(20)
        .map(text -> new Part(Kind.CONTROL_CHARS, text, text.length() + " chars"));
  }

  private static Arbitrary<Part> plain() {
    return Arbitraries.of(
            Instant.parse("2026-11-24T00:05:30Z"),
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
            new BigDecimal("1E+400"),
            Long.MAX_VALUE,
            Thread.State.BLOCKED,
            "a/b</script>")
        .map(value -> new Part(Kind.PLAIN, value, value.getClass().getSimpleName()));
  }
}
