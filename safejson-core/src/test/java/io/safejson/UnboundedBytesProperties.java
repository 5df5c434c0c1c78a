package io.safejson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * {@code toJsonBytesWithin} with room to spare is {@code toJsonBytes}'s bytes and {@code serialize}'s incidents, for
 * clean and hostile values alike: the adapters' records and messages are the core's documents.
 */
@StatisticsReport(onFailureOnly = true)
class UnboundedBytesProperties {
  private static final List<SafeSerializer> SERIALIZERS = List.of(
      SafeSerializer.defaults(),
      SafeSerializer.builder().htmlSafe(true).sortKeys(true).redact("secret").build(),
      SafeSerializer.builder().maxStringLength(16).maxItems(3).maxValues(20).maxDepth(4).build());

  @Provide
  Arbitrary<Object> values() {
    Arbitrary<Object> leaves = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
        // lone and paired surrogates, the range where the UTF-8 generators of Jackson versions differ
        Arbitraries.strings().withCharRange('\uD7F0', '\uE010').ofMaxLength(12).map(s -> (Object) s),
        Arbitraries.strings().withChars("\uD83D\uDE00<>&'\"\u2028\u0000\u001f\\").ofMaxLength(12).map(s -> (Object) s),
        Arbitraries.of(Double.NaN, Double.NEGATIVE_INFINITY, 1.5, Long.MAX_VALUE, true, new BigDecimal("1E+400"),
            Instant.parse("2026-11-24T00:05:30Z"), new UUID(1, 2), "secret-value").map(v -> (Object) v),
        Arbitraries.of(1, 2, 3).map(UnboundedBytesProperties::cycle));
    return Arbitraries.recursive(
        () -> leaves,
        inner -> Arbitraries.oneOf(
            inner.list().ofMaxSize(6).map(list -> (Object) new ArrayList<>(list)),
            Arbitraries.maps(Arbitraries.of("a", "b", "secret", "k\uD800", "<tag>"), inner)
                .ofMaxSize(5)
                .map(map -> (Object) new LinkedHashMap<>(map))),
        0,
        6);
  }

  /** A cyclic map behind identity equality, so that jqwik can hash and print the samples that hold one. */
  public static final class Cyclic {
    private final Map<String, Object> loop;

    Cyclic(Map<String, Object> loop) {
      this.loop = loop;
    }

    public Map<String, Object> getLoop() {
      return loop;
    }

    @Override
    public String toString() {
      return "Cyclic@" + System.identityHashCode(this);
    }
  }

  private static Object cycle(int length) {
    Map<String, Object> first = new HashMap<>();
    Object tail = first;
    for (int i = 0; i < length; i++) {
      List<Object> list = new ArrayList<>();
      list.add(i);
      list.add(tail);
      tail = list;
    }
    first.put("loop", tail);
    return new Cyclic(first);
  }

  @Property(tries = 300)
  void withRoomToSpareTheBytesAreToJsonBytesAndTheIncidentsSerializes(@ForAll("values") Object value) {
    for (SafeSerializer serializer : SERIALIZERS) {
      BoundedJson direct = serializer.toJsonBytesWithin(value, Long.MAX_VALUE);
      SafeResult viaText = serializer.serialize(value);

      assertArrayEquals(serializer.toJsonBytes(value), direct.json(), viaText.json());
      assertEquals(viaText.incidents(), direct.incidents());
      assertEquals(false, direct.cut());
      Statistics.label("incidents").collect(direct.incidents().isEmpty() ? "none" : "some");
    }
    Statistics.label("incidents").coverage(coverage -> {
      coverage.check("none").count(count -> count > 0);
      coverage.check("some").count(count -> count > 0);
    });
  }
}
