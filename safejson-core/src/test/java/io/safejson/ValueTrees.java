package io.safejson;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of Java value trees for the property tests, each leaf paired with the JSON value a parser must
 * see for it, worked out here from the README's table and independently of the code under test.
 */
final class ValueTrees {
  private ValueTrees() {}

  enum Mood {
    CALM,
    ANGRY
  }

  /** A generated tree: the Java value and what its JSON must parse to. */
  sealed interface Node permits Leaf, Obj, Arr {}

  /** A safe leaf value and its expected parsed JSON (String, Number, Boolean or null). */
  record Leaf(String label, Object value, Object expected) implements Node {}

  /** An object node with unique keys, in insertion order. */
  record Obj(List<Map.Entry<String, Node>> members) implements Node {}

  /** An array node. */
  record Arr(List<Node> items) implements Node {}

  static Arbitrary<String> safeStrings() {
    Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(12);
    Arbitrary<String> unicode = Arbitraries.strings().withCharRange('\u00a0', '\ud7ff').ofMaxLength(8);
    Arbitrary<String> tricky =
        Arbitraries.of("", "\"quoted\"", "back\\slash", "line\nbreak", "tab\t", "\u0000nul", "</script>",
            "emoji \uD83D\uDE00", "\u2028sep", "a'b", "\uD834\uDD1E clef");
    return Arbitraries.oneOf(ascii, unicode, tricky);
  }

  static Arbitrary<String> keys() {
    return Arbitraries.oneOf(
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6),
        Arbitraries.of("with space", "dot.ted", "quo'te", "", "0lead", "\u00e9t\u00e9", "[x]"));
  }

  static Arbitrary<Leaf> leaves() {
    return Arbitraries.oneOf(
        safeStrings().map(s -> new Leaf("String", s, s)),
        Arbitraries.integers().map(i -> new Leaf("int", i, i)),
        Arbitraries.longs().map(l -> new Leaf("long", l, l)),
        Arbitraries.doubles().between(-1e12, 1e12).map(d -> new Leaf("double", d, d)),
        Arbitraries.of(true, false).map(b -> new Leaf("boolean", b, b)),
        Arbitraries.just(new Leaf("null", null, null)),
        Arbitraries.bigDecimals().between(new BigDecimal("-1e6"), new BigDecimal("1e6")).ofScale(2)
            .map(d -> new Leaf("BigDecimal", d, d.toPlainString())),
        Arbitraries.longs().between(0, 4_000_000_000L).map(s -> Instant.ofEpochSecond(s, 123_000_000))
            .map(i -> new Leaf("Instant", i, i.toString())),
        Arbitraries.create(UUID::randomUUID).map(u -> new Leaf("UUID", u, u.toString())),
        Arbitraries.of(Mood.class).map(m -> new Leaf("enum", m, m.name())),
        Arbitraries.integers().between(0, 3_000_000).map(d -> LocalDate.ofEpochDay(d))
            .map(d -> new Leaf("LocalDate", d, d.toString())),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5).map(s -> Path.of("/var", s, "f.txt"))
            .map(p -> new Leaf("Path", p, p.toString())),
        Arbitraries.longs().between(0, 100_000).map(Duration::ofSeconds)
            .map(d -> new Leaf("Duration", d, d.toString())),
        safeStrings().map(s -> new Leaf("Optional", Optional.of(s), s)));
  }

  static Arbitrary<Node> nodes(int maxDepth) {
    return Arbitraries.recursive(
        () -> leaves().map(l -> (Node) l),
        inner -> Arbitraries.oneOf(objects(inner), arrays(inner)),
        0,
        maxDepth);
  }

  static Arbitrary<Node> objects(Arbitrary<Node> members) {
    return Arbitraries.maps(keys(), members).ofMaxSize(5)
        .map(map -> (Node) new Obj(new ArrayList<>(new LinkedHashMap<>(map).entrySet())));
  }

  static Arbitrary<Node> arrays(Arbitrary<Node> items) {
    return items.list().ofMaxSize(5).map(list -> (Node) new Arr(list));
  }

  /** Trees whose root is always an object, so there is somewhere to plant values. */
  static Arbitrary<Obj> roots() {
    return objects(nodes(3)).map(n -> (Obj) n);
  }

  static Object build(Node node) {
    if (node instanceof Leaf leaf) {
      return leaf.value();
    } else if (node instanceof Obj obj) {
      Map<String, Object> map = new LinkedHashMap<>();
      obj.members().forEach(e -> map.put(e.getKey(), build(e.getValue())));
      return map;
    }
    List<Object> list = new ArrayList<>();
    ((Arr) node).items().forEach(item -> list.add(build(item)));
    return list;
  }

  static Object expected(Node node) {
    if (node instanceof Leaf leaf) {
      return leaf.expected();
    } else if (node instanceof Obj obj) {
      Map<String, Object> map = new LinkedHashMap<>();
      obj.members().forEach(e -> map.put(e.getKey(), expected(e.getValue())));
      return map;
    }
    List<Object> list = new ArrayList<>();
    ((Arr) node).items().forEach(item -> list.add(expected(item)));
    return list;
  }

  static void collectLabels(Node node, List<String> out) {
    if (node instanceof Leaf leaf) {
      out.add(leaf.label());
    } else if (node instanceof Obj obj) {
      obj.members().forEach(e -> collectLabels(e.getValue(), out));
    } else {
      ((Arr) node).items().forEach(item -> collectLabels(item, out));
    }
  }

  /** A JSONPath segment for a key, written independently of the library's own path code. */
  static String member(String parent, String key) {
    if (key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return parent + "." + key;
    }
    return parent + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  static Arbitrary<Integer> selectors() {
    return Arbitraries.integers().between(0, 1_000);
  }

  static <A, B> Arbitrary<Map.Entry<A, B>> pairs(Arbitrary<A> a, Arbitrary<B> b) {
    return Combinators.combine(a, b).as(Map::entry);
  }
}
