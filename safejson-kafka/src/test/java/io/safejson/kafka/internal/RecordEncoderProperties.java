package io.safejson.kafka.internal;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.safejson.SafeSerializer;
import io.safejson.kafka.OversizePolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Under TRUNCATE, value and headers always fit the budget, and what is written is strict JSON. */
@StatisticsReport(onFailureOnly = true)
class RecordEncoderProperties {
  @Provide
  Arbitrary<Object> documents() {
    Arbitrary<Object> leaves = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(3_000).map(s -> (Object) s),
        Arbitraries.strings().withCharRange('\uD7F0', '\uE010').ofMaxLength(500).map(s -> (Object) s),
        Arbitraries.of(Double.NaN, 1.5, Long.MAX_VALUE, true).map(v -> (Object) v));
    return Arbitraries.recursive(
        () -> leaves,
        inner -> Arbitraries.oneOf(
            inner.list().ofMaxSize(12).map(list -> (Object) new ArrayList<>(list)),
            Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), inner)
                .ofMaxSize(8)
                .map(map -> (Object) new LinkedHashMap<>(map))),
        0,
        3);
  }

  @Property(tries = 150)
  void valueAndHeadersFitTheBudgetAndParseStrictly(
      @ForAll("documents") Object value,
      @ForAll @IntRange(min = 1_400, max = 40_000) int recordLimit,
      @ForAll @IntRange(min = 0, max = 300) int otherHeaderBytes) {
    RecordEncoder encoder = new RecordEncoder(SafeSerializer.defaults(), OversizePolicy.TRUNCATE, recordLimit, false);
    RecordHeaders headers = new RecordHeaders();
    headers.add("other", new byte[otherHeaderBytes]);
    byte[] body = encoder.encode("t", headers, value);
    long total = body.length;
    for (Header header : headers) {
      total += header.key().getBytes(StandardCharsets.UTF_8).length + header.value().length + RecordEncoder.HEADER_OVERHEAD;
    }
    assertTrue(total <= recordLimit - 1024, total + " bytes for a limit of " + recordLimit);
    String json = new String(body, StandardCharsets.UTF_8);
    assertValidJson(json);
    String whole = SafeSerializer.defaults().toJson(value);
    boolean cut = !json.equals(whole);
    if (cut) {
      String incidents = new String(headers.lastHeader("safejson-incidents") == null
          ? new byte[0] : headers.lastHeader("safejson-incidents").value(), StandardCharsets.US_ASCII);
      assertTrue(json.equals("\"[TRUNCATED]\"") || incidents.startsWith("[{\"path\":\"$\",\"kind\":\"TRUNCATED\""),
          "a cut value says so first: " + incidents);
    } else {
      assertEquals(whole, json);
    }
    Statistics.label("outcome").collect(!cut ? "whole" : json.equals("\"[TRUNCATED]\"") ? "placeholder" : "shrunk");
    Statistics.label("outcome").coverage(coverage -> {
      coverage.check("whole").count(count -> count > 0);
      coverage.check("shrunk").count(count -> count > 0);
    });
  }

  @Property(tries = 50)
  void shrinkingKeepsMapsShapedAsTheyWere(@ForAll @IntRange(min = 2_000, max = 20_000) int recordLimit) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("id", 42);
    value.put("blob", "x".repeat(100_000));
    value.put("tags", List.of("a", "b"));
    RecordEncoder encoder = new RecordEncoder(SafeSerializer.defaults(), OversizePolicy.TRUNCATE, recordLimit, false);
    String json = new String(encoder.encode("t", new RecordHeaders(), value), StandardCharsets.UTF_8);
    assertTrue(json.startsWith("{\"id\":42,\"blob\":\"xxx") && json.endsWith("...[TRUNCATED]\",\"tags\":[\"a\",\"b\"]}"), json);
  }
}
