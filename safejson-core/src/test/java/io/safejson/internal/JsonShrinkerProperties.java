package io.safejson.internal;

import static io.safejson.StrictJson.assertValidJson;
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
import net.jqwik.api.RandomDistribution;
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

  /** Budgets as a share of the uncut size, uniformly: about a third fit whole. */
  @Provide
  Arbitrary<Integer> percents() {
    return Arbitraries.integers().between(0, 150).withDistribution(RandomDistribution.uniform());
  }

  @Property(tries = 200)
  void theResultFitsParsesStrictlyAndIsToJsonBytesUnlessCut(
      @ForAll("documents") Object value,
      @ForAll("percents") int percent,
      @ForAll @IntRange(min = -1, max = 40) int headerOverhead) {
    boolean withHeader = headerOverhead >= 0;
    byte[] whole = JSON.toJsonBytes(value);
    String wholeHeader = withHeader ? IncidentsHeader.encode(JSON.serialize(value).incidents()) : null;
    long uncut = whole.length + (wholeHeader == null ? 0 : wholeHeader.length() + headerOverhead);
    // A budget around the document's own size, so that whole, shrunk and placeholder results all come up.
    long maxBytes = uncut * percent / 100;
    BoundedJson bounded =
        withHeader ? JSON.toJsonBytesWithin(value, maxBytes, headerOverhead) : JSON.toJsonBytesWithin(value, maxBytes);
    String header = bounded.incidentsHeader();
    long size = bounded.json().length + (header == null ? 0 : header.length() + headerOverhead);

    assertValidJson(new String(bounded.json(), StandardCharsets.UTF_8));
    if (maxBytes >= PLACEHOLDER.length) {
      assertTrue(size <= maxBytes, size + " > " + maxBytes);
    }
    if (!bounded.cut()) {
      assertArrayEquals(whole, bounded.json(), "a document that fits is the bytes of toJsonBytes");
      assertEquals(uncut, bounded.uncutSize());
      assertTrue(uncut <= maxBytes, uncut + " was not cut for " + maxBytes);
    } else {
      assertTrue(uncut > maxBytes, uncut + " was cut for " + maxBytes);
      assertEquals(uncut, bounded.uncutSize());
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
      coverage.check("whole").percentage(p -> p > 15);
      coverage.check("shrunk").percentage(p -> p > 5);
      coverage.check("placeholder").count(c -> c > 0);
    });
  }
}
