package io.safejson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.interop.DefaultReaders;
import io.safejson.interop.HostileDocuments;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Numbers of any size and nesting from any starting depth come out parseable by Jackson 2's and 3's default
 * mappers, as numbers exactly when those readers (and Python's and JavaScript's) keep their value.
 */
@StatisticsReport(onFailureOnly = true)
final class ReaderInteropProperties {
  /** Default limits, but numbers read exactly, to compare what was written with what was given. */
  private static final ObjectMapper EXACT =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private static final BigDecimal DOUBLE_MAX = new BigDecimal(Double.MAX_VALUE);
  /** Half of Double.MIN_VALUE: smaller magnitudes round to zero. */
  private static final BigDecimal HALF_MIN = new BigDecimal(Double.MIN_VALUE).divide(BigDecimal.valueOf(2));

  @Provide
  Arbitrary<BigDecimal> decimals() {
    Arbitrary<BigInteger> unscaled =
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(1_100).map(BigInteger::new);
    Arbitrary<Integer> scales =
        Arbitraries.oneOf(
            Arbitraries.integers().between(-1_200, 1_200),
            Arbitraries.integers().between(-330, -300), // around the top of the double range
            Arbitraries.integers().between(300, 340),
            Arbitraries.of(-100_000, 100_000, -1_000_000_000, 1_000_000_000));
    return Combinators.combine(unscaled, scales, Arbitraries.of(1, -1))
        .as((u, scale, sign) -> new BigDecimal(sign > 0 ? u : u.negate(), scale));
  }

  @Property(tries = 400)
  void decimalsAreNumbersExactlyWhenEveryReaderKeepsThem(
      @ForAll("decimals") BigDecimal value, @ForAll DecimalStyle style) throws Exception {
    SafeResult result = SafeSerializer.builder().decimalStyle(style).build().serialize(List.of(value));
    JsonNode read = DefaultReaders.both(result.json()).get(0);
    JsonNode exact = EXACT.readTree(result.json()).get(0);
    BigDecimal magnitude = value.abs();
    boolean keptByReaders =
        value.signum() == 0 || (magnitude.compareTo(DOUBLE_MAX) <= 0 && magnitude.compareTo(HALF_MIN) > 0);
    if (exact.isNumber()) {
      assertEquals(DecimalStyle.NUMBER, style);
      assertEquals(0, value.compareTo(exact.decimalValue()), "value changed: " + result.json());
      assertTrue(Double.isFinite(read.doubleValue()), "read as a non-finite double: " + shortened(result));
      assertEquals(value.signum() == 0, read.doubleValue() == 0, "non-zero read as zero: " + shortened(result));
      assertEquals(List.of(), result.incidents());
    } else {
      assertEquals(0, value.compareTo(new BigDecimal(exact.textValue())), "value changed: " + shortened(result));
      List<Incident.Kind> kinds = result.incidents().stream().map(Incident::kind).collect(Collectors.toList());
      if (style == DecimalStyle.NUMBER) {
        assertEquals(List.of(Incident.Kind.READER_LIMIT), kinds, shortened(result));
        boolean tooLong = exact.textValue().length() > 1_000;
        assertTrue(tooLong || !keptByReaders, "written as a string though readers keep it: " + shortened(result));
      } else {
        assertEquals(List.of(), kinds);
      }
    }
    Statistics.label("written as").collect(style, exact.isNumber() ? "number" : "string");
    Statistics.label("written as")
        .coverage(
            coverage -> {
              coverage.check(DecimalStyle.NUMBER, "number").count(c -> c > 0);
              coverage.check(DecimalStyle.NUMBER, "string").count(c -> c > 0);
            });
  }

  @Provide
  Arbitrary<BigInteger> integers() {
    Arbitrary<Integer> bits =
        Arbitraries.oneOf(Arbitraries.integers().between(0, 5_000), Arbitraries.integers().between(1_020, 1_026));
    return Combinators.combine(bits, Arbitraries.longs(), Arbitraries.of(1, -1))
        .as(
            (length, seed, sign) -> {
              BigInteger magnitude = new BigInteger(length, new java.util.Random(seed));
              return sign > 0 ? magnitude : magnitude.negate();
            });
  }

  @Property(tries = 300)
  void integersAreNumbersExactlyWhenTheStyleAndEveryReaderAllow(
      @ForAll("integers") BigInteger value, @ForAll LargeIntegerStyle style) throws Exception {
    SafeResult result = SafeSerializer.builder().largeIntegers(style).build().serialize(List.of(value));
    DefaultReaders.both(result.json());
    JsonNode exact = EXACT.readTree(result.json()).get(0);
    boolean finiteDouble = Double.isFinite(value.doubleValue());
    boolean jsSafe = value.abs().compareTo(BigInteger.TWO.pow(53)) < 0;
    boolean number = style == LargeIntegerStyle.NUMBER ? finiteDouble : jsSafe;
    assertEquals(number, exact.isNumber(), result::json);
    assertEquals(value, exact.isNumber() ? exact.bigIntegerValue() : new BigInteger(exact.textValue()));
    boolean readerLimit = style == LargeIntegerStyle.NUMBER && !finiteDouble;
    assertEquals(
        readerLimit ? List.of(Incident.Kind.READER_LIMIT) : List.of(),
        result.incidents().stream().map(Incident::kind).collect(Collectors.toList()));
    Statistics.label("written as").collect(exact.isNumber() ? "number" : "string");
  }

  @Property(tries = 200)
  void nestingStopsAtTheReadersDepthWhereverTheWriterStarts(
      @ForAll @IntRange(min = 0, max = 499) int outer,
      @ForAll @IntRange(min = 1, max = 520) int depth,
      @ForAll @IntRange(min = 1, max = 500) int maxDepth) {
    HostileDocuments.Rendered rendered =
        HostileDocuments.insideArrays(
            SafeSerializer.builder().maxDepth(maxDepth).build(), outer, HostileDocuments.nested(depth));
    DefaultReaders.both(rendered.json());
    int room = Math.min(maxDepth, DefaultReaders.JACKSON3_MAX_DEPTH - outer);
    if (depth <= room) {
      assertEquals(List.of(), rendered.incidents());
    } else {
      Incident.Kind kind = maxDepth <= room ? Incident.Kind.MAX_DEPTH : Incident.Kind.READER_LIMIT;
      assertEquals(1, rendered.incidents().size());
      Incident incident = rendered.incidents().get(0);
      assertEquals(kind, incident.kind());
      assertEquals(HostileDocuments.firstElementPath(outer + room), incident.path());
    }
    Statistics.label("cut").collect(rendered.incidents().isEmpty() ? "none" : rendered.incidents().get(0).kind());
    Statistics.label("cut").coverage(coverage -> coverage.check(Incident.Kind.READER_LIMIT).count(c -> c > 0));
  }

  private static String shortened(SafeResult result) {
    String json = result.json();
    return (json.length() <= 120 ? json : json.substring(0, 120) + "...(" + json.length() + " chars)")
        + " " + result.incidents();
  }
}
