package io.safejson.internal;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.safejson.BoundedJson;
import io.safejson.Incident;
import io.safejson.IncidentsHeader;
import io.safejson.SafeSerializer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/** Whatever the value and the budget, the result fits it, parses strictly and is toJsonBytes unless it says it was cut. */
@StatisticsReport(onFailureOnly = true)
class JsonShrinkerProperties {
  private static final SafeSerializer JSON = SafeSerializer.defaults();
  private static final byte[] PLACEHOLDER = "\"[TRUNCATED]\"".getBytes(StandardCharsets.UTF_8);

  @Provide
  Arbitrary<Object> documents() {
    Arbitrary<Object> leaves =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(3_000).map(s -> (Object) s),
            Arbitraries.strings().withCharRange('\uD7F0', '\uE010').ofMaxLength(500).map(s -> (Object) s),
            Arbitraries.of(Double.NaN, 1.5, Long.MAX_VALUE, true).map(v -> (Object) v));
    return Arbitraries.recursive(
        () -> leaves,
        inner ->
            Arbitraries.oneOf(
                inner.list().ofMaxSize(12).map(list -> (Object) new ArrayList<>(list)),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), inner)
                    .ofMaxSize(8)
                    .map(map -> (Object) new LinkedHashMap<>(map))),
        0,
        3);
  }

  @Property(tries = 200)
  void theResultFitsParsesStrictlyAndIsToJsonBytesUnlessCut(
      @ForAll("documents") Object value,
      @ForAll @IntRange(min = 0, max = 40_000) int maxBytes,
      @ForAll @IntRange(min = -1, max = 40) int headerOverhead) {
    boolean withHeader = headerOverhead >= 0;
    BoundedJson bounded =
        withHeader ? JSON.toJsonBytesWithin(value, maxBytes, headerOverhead) : JSON.toJsonBytesWithin(value, maxBytes);
    String header = bounded.incidentsHeader();
    long size = bounded.json().length + (header == null ? 0 : header.length() + headerOverhead);

    assertValidJson(new String(bounded.json(), StandardCharsets.UTF_8));
    if (maxBytes >= PLACEHOLDER.length) {
      assertTrue(size <= maxBytes, size + " > " + maxBytes);
    }
    byte[] whole = JSON.toJsonBytes(value);
    if (!bounded.cut()) {
      assertArrayEquals(whole, bounded.json(), "a document that fits is the bytes of toJsonBytes");
    } else {
      assertTrue(bounded.uncutSize() > maxBytes, bounded.uncutSize() + " was cut for " + maxBytes);
      Incident first = bounded.incidents().get(0);
      assertEquals("$ TRUNCATED", first.path() + " " + first.kind());
    }
    if (header != null) {
      assertValidJson(header);
      assertTrue(header.length() <= IncidentsHeader.MAX_LENGTH, "header length " + header.length());
      var listed = IncidentsHeader.decode(header);
      assertEquals(
          bounded.incidents().subList(0, listed.size()).stream().map(Incident::path).toList(),
          listed.stream().map(Incident::path).toList());
    } else {
      assertTrue(
          !withHeader || bounded.incidents().isEmpty() || bounded.json().length == PLACEHOLDER.length,
          "the incidents travel in the header unless only the placeholder fits");
    }
    String outcome =
        !bounded.cut() ? "whole" : bounded.json().length == PLACEHOLDER.length ? "placeholder" : "shrunk";
    Statistics.label("outcome").collect(outcome);
    Statistics.label("outcome").coverage(coverage -> {
      coverage.check("whole").percentage(p -> p > 10);
      coverage.check("shrunk").percentage(p -> p > 10);
      coverage.check("placeholder").count(c -> c > 0);
    });
  }
}
