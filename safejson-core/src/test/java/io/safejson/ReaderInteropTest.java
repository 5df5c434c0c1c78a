package io.safejson;

import static io.safejson.StrictJson.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import io.safejson.interop.DefaultReaders;
import io.safejson.interop.HostileDocuments;
import io.safejson.interop.HostileDocuments.Case;
import io.safejson.interop.HostileDocuments.Exact;
import io.safejson.interop.HostileDocuments.Expected;
import io.safejson.interop.HostileDocuments.Rendered;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything safejson writes parses under the default settings of Jackson 2 and Jackson 3; what would not is
 * written as a string or cut, with a READER_LIMIT incident, and exact values stay exact.
 */
final class ReaderInteropTest {
  private static final SafeSerializer NUMBERS = SafeSerializer.builder().decimalStyle(DecimalStyle.NUMBER).build();

  static Stream<Case> cases() {
    return HostileDocuments.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyHostileDocumentParsesUnderBothDefaultMappersAndSaysWhatItChanged(Case c) {
    Rendered rendered = c.render().get();
    assertValidJson(rendered.json());
    JsonNode tree = DefaultReaders.both(rendered.json());
    List<Expected> reported =
        rendered.incidents().stream().map(i -> new Expected(i.kind(), i.path())).collect(Collectors.toList());
    for (Expected expected : c.incidents()) {
      assertTrue(
          reported.contains(expected),
          () -> "missing " + expected.kind() + " at " + HostileDocuments.shorten(expected.path())
              + "; reported " + HostileDocuments.shorten(rendered.incidents().toString()));
    }
    List<Expected> readerLimits =
        reported.stream().filter(e -> e.kind() == Incident.Kind.READER_LIMIT).collect(Collectors.toList());
    List<Expected> expectedLimits =
        c.incidents().stream().filter(e -> e.kind() == Incident.Kind.READER_LIMIT).collect(Collectors.toList());
    assertEquals(expectedLimits, readerLimits, "READER_LIMIT incidents");
    for (Exact exact : c.exact()) {
      exact.assertIn(tree);
    }
    if (c.exactJson() != null) {
      assertEquals(c.exactJson(), rendered.json(), "output must not change");
    }
  }

  @Test
  void theDefaultLimitsAreWhatTheWriterAssumes() {
    tools.jackson.core.StreamReadConstraints three = tools.jackson.core.StreamReadConstraints.defaults();
    assertEquals(500, three.getMaxNestingDepth(), "Jackson 3 nesting");
    assertEquals(1_000, three.getMaxNumberLength(), "Jackson 3 number length");
    assertEquals(50_000, three.getMaxNameLength(), "Jackson 3 name length");
    assertTrue(three.getMaxStringLength() >= 20_000_000, "Jackson 3 string length " + three.getMaxStringLength());
    StreamReadConstraints two = DefaultReaders.JACKSON2.getFactory().streamReadConstraints();
    assertTrue(two.getMaxNestingDepth() >= 500, "Jackson 2 nesting " + two.getMaxNestingDepth());
    assertEquals(1_000, two.getMaxNumberLength(), "Jackson 2 number length");
    assertEquals(20_000_000, two.getMaxStringLength(), "Jackson 2 string length");
    assertEquals(50_000, two.getMaxNameLength(), "Jackson 2 name length");
  }

  @Test
  void theLimitsAreTightOneMoreOfEachIsRejected() {
    assertThrows(Exception.class, () -> DefaultReaders.JACKSON3.readTree("[".repeat(501) + "]".repeat(501)));
    DefaultReaders.jackson3("[".repeat(500) + "]".repeat(500));
    assertThrows(Exception.class, () -> DefaultReaders.JACKSON2.readTree("1" + "0".repeat(1_000)));
    assertThrows(Exception.class, () -> DefaultReaders.JACKSON3.readTree("1" + "0".repeat(1_000)));
    assertThrows(Exception.class, () -> DefaultReaders.JACKSON2.readTree("{\"" + "k".repeat(50_001) + "\":1}"));
    assertThrows(Exception.class, () -> DefaultReaders.JACKSON3.readTree("{\"" + "k".repeat(50_001) + "\":1}"));
    assertThrows(Exception.class, () -> DefaultReaders.JACKSON2.readTree("\"" + "x".repeat(20_000_001) + "\""));
  }

  @Test
  void aDecimalOfOneThousandCharsStaysANumberAndOneMoreCharMakesItAString() {
    BigDecimal thousand = new BigDecimal("-1." + "3".repeat(997));
    String json = NUMBERS.toJsonStrict(List.of(thousand));
    assertEquals("[" + thousand.toPlainString() + "]", json);
    assertEquals(1_000, thousand.toPlainString().length());
    DefaultReaders.both(json);

    BigDecimal longer = new BigDecimal("-1." + "3".repeat(998));
    SafeResult result = NUMBERS.serialize(List.of(longer));
    assertEquals("[\"" + longer.toPlainString() + "\"]", result.json());
    assertEquals(List.of(Incident.Kind.READER_LIMIT), kinds(result));
    assertEquals("$[0]", result.incidents().get(0).path());
    DefaultReaders.both(result.json());
  }

  @Test
  void decimalsInsideTheDoubleRangeStayNumbersAndThoseBeyondBecomeStrings() {
    Map<String, BigDecimal> numbers =
        Map.of(
            "max", new BigDecimal(Double.MAX_VALUE),
            "min", new BigDecimal("4.9E-324"),
            "zero", new BigDecimal("0E-100000"),
            "small", new BigDecimal("1E-300"));
    for (Map.Entry<String, BigDecimal> entry : numbers.entrySet()) {
      SafeResult result = NUMBERS.serialize(entry.getValue());
      assertEquals(List.of(), result.incidents(), entry.getKey());
      JsonNode node = DefaultReaders.both(result.json());
      assertTrue(node.isNumber(), entry.getKey() + ": " + result.json());
      assertEquals(entry.getValue().doubleValue(), node.doubleValue(), entry.getKey());
    }
    for (String text : List.of("1.8E+308", "-1.8E+308", "2E-324", "-1E-400")) {
      SafeResult result = NUMBERS.serialize(new BigDecimal(text));
      assertEquals(List.of(Incident.Kind.READER_LIMIT), kinds(result), text);
      assertEquals(new BigDecimal(text).toPlainString(), DefaultReaders.both(result.json()).textValue());
    }
  }

  @Test
  void integersThatJavaScriptWouldReadAsInfinityBecomeStrings() {
    BigInteger largestFinite = new BigDecimal(Double.MAX_VALUE).toBigIntegerExact();
    SafeResult kept = SafeSerializer.defaults().serialize(largestFinite);
    assertEquals(largestFinite.toString(), kept.json());
    assertEquals(List.of(), kept.incidents());

    BigInteger justBelow2pow1024 = BigInteger.TWO.pow(1024).subtract(BigInteger.ONE);
    SafeResult written = SafeSerializer.defaults().serialize(justBelow2pow1024);
    assertEquals("\"" + justBelow2pow1024 + "\"", written.json());
    assertEquals(List.of(Incident.Kind.READER_LIMIT), kinds(written));
    assertTrue(Double.isInfinite(justBelow2pow1024.doubleValue()), "the case must be one a double cannot hold");
  }

  @Test
  void stringsAreCutAtTheReadersLimitWhenMaxStringLengthAllowsMore() {
    SafeSerializer generous = SafeSerializer.builder().maxStringLength(19_999_990).build();
    SafeResult result = generous.serialize("y".repeat(19_999_995));
    assertEquals(List.of(Incident.Kind.READER_LIMIT), kinds(result));
    String text = DefaultReaders.jackson2(result.json()).textValue();
    assertEquals(20_000_000, text.length());
    assertTrue(text.endsWith("y...[TRUNCATED]"), text.substring(text.length() - 20));

    SafeResult exact = generous.serialize("y".repeat(19_999_990));
    assertEquals(List.of(), exact.incidents());
  }

  @Test
  void aStringOverASmallMaxStringLengthIsStillTruncatedAsBefore() {
    SafeResult result = SafeSerializer.builder().maxStringLength(16).build().serialize(Map.of("k".repeat(20), "v".repeat(20)));
    String cut16 = "...[TRUNCATED]";
    assertEquals(
        "{\"" + "k".repeat(16) + cut16 + "\":\"" + "v".repeat(16) + cut16 + "\"}", result.json());
    assertEquals(List.of(Incident.Kind.TRUNCATED, Incident.Kind.TRUNCATED), kinds(result));
  }

  @Test
  void bytesAreCutSoTheirBase64FitsTheReadersLimit() {
    byte[] bytes = new byte[15_000_003];
    bytes[0] = 1;
    SafeResult result = SafeSerializer.builder().maxStringLength(Integer.MAX_VALUE).build().serialize(bytes);
    assertEquals(List.of(Incident.Kind.READER_LIMIT), kinds(result));
    String base64 = DefaultReaders.jackson2(result.json()).textValue();
    assertEquals(20_000_000, base64.length());
    assertEquals(15_000_000, Base64.getDecoder().decode(base64).length);
  }

  @Test
  void aKeyOverTheReadersNameLimitIsCutThereEvenInsideAJsonNode() throws Exception {
    String json = "{\"" + "k".repeat(60_000) + "\":true}";
    JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper(
            com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNameLength(100_000).build())
                .build())
        .readTree(json);
    SafeResult result = SafeSerializer.defaults().serialize(node);
    assertEquals(List.of(Incident.Kind.READER_LIMIT), kinds(result));
    String key = DefaultReaders.both(result.json()).fieldNames().next();
    assertEquals("k".repeat(49_986) + "...[TRUNCATED]", key);
  }

  @Test
  void aSmallDocumentInsideADeepGeneratorIsUntouched() {
    Rendered rendered = HostileDocuments.insideArrays(SafeSerializer.defaults(), 400, HostileDocuments.nested(100));
    assertEquals(List.of(), rendered.incidents());
    assertEquals("[".repeat(500) + "\"bottom\"" + "]".repeat(500), rendered.json());
    DefaultReaders.both(rendered.json());
  }

  @Test
  void toJsonBytesAndTheObjectMapperWriteTheSameReadableDocument() throws Exception {
    Map<String, Object> value =
        HostileDocuments.map(
            "hugeInteger", HostileDocuments.HUGE_INTEGER,
            "overflow", new BigDecimal("1E+100000"),
            "key", Map.of("k".repeat(60_000), 1));
    String json = NUMBERS.toJson(value);
    assertTrue(json.contains("\"overflow\":\"1E+100000\""), json.substring(json.length() - 100));
    assertEquals(json, new String(NUMBERS.toJsonBytes(value), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(json, NUMBERS.objectMapper().writeValueAsString(value));
    DefaultReaders.both(json);
  }

  private static List<Incident.Kind> kinds(SafeResult result) {
    return result.incidents().stream().map(Incident::kind).collect(Collectors.toList());
  }
}
