package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.TextNode;
import io.safejson.Incident;
import io.safejson.JsonReadException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's entry points: what each returns, and which incidents reach the caller's list and listener. */
final class SafeEngineTest {
  private static final Incident NAN_AT_FIRST_ITEM =
      new Incident("$[0]", Incident.Kind.NON_FINITE, "java.lang.Double", "NaN written as null");

  /** A node whose text accessor throws: the one kind of value whose failure the writer does not absorb. */
  private static TextNode brokenNode() {
    return new TextNode("x") {
      private static final long serialVersionUID = 1L;

      @Override
      public String textValue() {
        throw new IllegalStateException("boom");
      }
    };
  }

  private static Incident rootFailure(String type) {
    return new Incident(
        "$", Incident.Kind.FAILED, type, "serialization failed: java.lang.IllegalStateException: boom");
  }

  @Test
  void toBytesAddsTheIncidentsToTheCallersList() {
    SafeEngine engine = new SafeEngine(TestConfigs.defaults());
    List<Incident> incidents = new ArrayList<>();
    byte[] json = engine.toBytes(List.of(Double.NaN, 1), incidents);
    assertEquals("[null,1]", new String(json, StandardCharsets.UTF_8));
    assertEquals(List.of(NAN_AT_FIRST_ITEM), incidents);
  }

  @Test
  void toTextAddsTheIncidentsToTheCallersList() {
    SafeEngine engine = new SafeEngine(TestConfigs.defaults());
    List<Incident> incidents = new ArrayList<>();
    assertEquals("[null,1]", engine.toText(List.of(Double.NaN, 1), incidents));
    assertEquals(List.of(NAN_AT_FIRST_ITEM), incidents);
  }

  @Test
  void bothEntryPointsAddToWhatTheListAlreadyHolds() {
    SafeEngine engine = new SafeEngine(TestConfigs.defaults());
    List<Incident> incidents = new ArrayList<>();
    engine.toText(List.of(Double.NaN), incidents);
    engine.toBytes(List.of(Double.NaN), incidents);
    assertEquals(List.of(NAN_AT_FIRST_ITEM, NAN_AT_FIRST_ITEM), incidents);
  }

  @Test
  void aFailureTheWriterDoesNotAbsorbGivesAFailedDocumentKeepingTheEarlierIncidents() {
    List<Incident> heard = new ArrayList<>();
    SafeEngine engine = new SafeEngine(TestConfigs.listeningTo(heard::add));
    List<Object> value = new ArrayList<>(Arrays.asList(Double.NaN, brokenNode()));
    Incident failure = rootFailure("java.util.ArrayList");

    List<Incident> fromText = new ArrayList<>();
    assertEquals("\"[FAILED]\"", engine.toText(value, fromText));
    assertEquals(List.of(NAN_AT_FIRST_ITEM, failure), fromText);

    List<Incident> fromBytes = new ArrayList<>();
    assertEquals(
        "\"[FAILED]\"", new String(engine.toBytes(value, fromBytes), StandardCharsets.UTF_8));
    assertEquals(List.of(NAN_AT_FIRST_ITEM, failure), fromBytes);

    assertEquals(List.of(NAN_AT_FIRST_ITEM, failure, NAN_AT_FIRST_ITEM, failure), heard);
  }

  @Test
  void aFailedDocumentWithoutAListStillReachesTheListener() {
    List<Incident> heard = new ArrayList<>();
    SafeEngine engine = new SafeEngine(TestConfigs.listeningTo(heard::add));
    assertEquals("\"[FAILED]\"", engine.toText(brokenNode(), null));
    assertEquals(1, heard.size());
    assertEquals(Incident.Kind.FAILED, heard.get(0).kind());
    assertEquals("$", heard.get(0).path());
  }

  @Test
  void aThrowingListenerDoesNotStopTheFailedDocument() {
    SafeEngine engine =
        new SafeEngine(
            TestConfigs.listeningTo(
                incident -> {
                  throw new IllegalStateException("listener bug");
                }));
    List<Incident> incidents = new ArrayList<>();
    assertEquals("\"[FAILED]\"", engine.toText(brokenNode(), incidents));
    assertEquals(List.of(rootFailure(brokenNode().getClass().getName())), incidents);
  }

  @Test
  void theFailedDocumentIsAFreshArrayACallerMayChange() {
    SafeEngine engine = new SafeEngine(TestConfigs.defaults());
    byte[] first = engine.toBytes(brokenNode(), null);
    Arrays.fill(first, (byte) ' ');
    byte[] second = engine.toBytes(brokenNode(), null);
    assertNotSame(first, second);
    assertArrayEquals("\"[FAILED]\"".getBytes(StandardCharsets.UTF_8), second);
  }

  // ---- writing into a caller's generator ----

  @Test
  void aSessionReportsToTheConfiguredListenerFirstThenToTheCallersEvenIfTheFirstFails()
      throws IOException {
    List<String> heard = new ArrayList<>();
    SafeEngine engine =
        new SafeEngine(
            TestConfigs.listeningTo(
                incident -> {
                  heard.add("configured " + incident.path());
                  throw new IllegalStateException("listener bug");
                }));
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
      WriteSession session = engine.newSession(generator, incident -> heard.add("caller " + incident.path()));
      generator.writeStartArray();
      engine.write(Double.NaN, session);
      engine.write(List.of(Double.NaN), session);
      generator.writeEndArray();
    }
    assertEquals("[null,[null]]", out.toString());
    // Paths are those of the caller's document, which the values sit in.
    assertEquals(
        List.of("configured $[0]", "caller $[0]", "configured $[1][0]", "caller $[1][0]"), heard);
  }

  @Test
  void aSessionWithOnlyOneListenerReportsToThatOne() throws IOException {
    List<Incident> configured = new ArrayList<>();
    List<Incident> caller = new ArrayList<>();
    try (JsonGenerator generator = new JsonFactory().createGenerator(new StringWriter())) {
      SafeEngine listening = new SafeEngine(TestConfigs.listeningTo(configured::add));
      listening.write(Double.NaN, listening.newSession(generator, null));
      SafeEngine silent = new SafeEngine(TestConfigs.defaults());
      generator.writeStartArray();
      silent.write(Double.NaN, silent.newSession(generator, caller::add));
      generator.writeEndArray();
    }
    assertEquals(1, configured.size());
    assertEquals(1, caller.size());
  }

  @Test
  void writingIntoAGeneratorReportsToTheConfiguredListener() throws IOException {
    List<Incident> heard = new ArrayList<>();
    SafeEngine engine = new SafeEngine(TestConfigs.listeningTo(heard::add));
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
      engine.write(List.of(Double.NaN, 1), generator);
    }
    assertEquals("[null,1]", out.toString());
    assertEquals(List.of(NAN_AT_FIRST_ITEM), heard);
  }

  // ---- reading ----

  record Point(int x, int y) {}

  @Test
  void fromJsonRefusesNullArgumentsByName() {
    SafeEngine engine = new SafeEngine(TestConfigs.defaults());
    JsonReadException noInput =
        assertThrows(JsonReadException.class, () -> engine.fromJson(null, Point.class));
    assertEquals("Cannot read JSON at $: input is null", noInput.getMessage());
    assertEquals("$", noInput.path());
    assertEquals(
        "type must not be null",
        assertThrows(IllegalArgumentException.class, () -> engine.fromJson("{}", null)).getMessage());
  }

  @Test
  void malformedInputIsReportedAtThePathWhereReadingStopped() {
    SafeEngine engine = new SafeEngine(TestConfigs.defaults());
    assertEquals("$.a.b", readFailure(engine, "{\"a\":{\"b\":tru}}").path());
    assertEquals("$.a[2]", readFailure(engine, "{\"a\":[1,2,x]}").path());
    assertEquals("$.a", readFailure(engine, "{\"a\":1,\"a\":2}").path());
    assertEquals("$", readFailure(engine, "[1] 2").path());
    assertEquals("$.points[1].y", readFailure(engine, "{\"points\":[{},{\"y\":\"no\"}]}", Route.class).path());
  }

  record Route(List<Point> points) {}

  private static JsonReadException readFailure(SafeEngine engine, String json) {
    return readFailure(engine, json, Object.class);
  }

  private static JsonReadException readFailure(SafeEngine engine, String json, Class<?> type) {
    return assertThrows(JsonReadException.class, () -> engine.fromJson(json, type), json);
  }

  @Test
  void inputUpToMaxInputLengthIsRead() {
    SafeEngine engine = new SafeEngine(withMaxInputLength(3));
    assertEquals(List.of(1), engine.fromJson("[1]", Object.class));
    assertEquals(
        "Cannot read JSON at $: input of 4 chars exceeds maxInputLength 3",
        readFailure(engine, "[ 1]").getMessage());
  }

  private static SafeConfig withMaxInputLength(long max) {
    SafeConfig d = TestConfigs.defaults();
    return new SafeConfig(
        d.enumStyle(), d.decimalStyle(), d.largeIntegers(), d.zone(), d.maxDepth(), d.maxStringLength(),
        d.maxItems(), d.maxValues(), max, d.redactKeys(), d.sortKeys(), d.htmlSafe(), d.onIncident(),
        d.converters(), d.modules());
  }

  @Test
  void toJsonValueReadsTheOutputBackAsPlainJavaValues() {
    SafeEngine engine = new SafeEngine(TestConfigs.defaults());
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("n", Double.NaN);
    value.put("big", new java.math.BigInteger("123456789012345678901234567890"));
    value.put("list", List.of(1, 2.5, "x", true));
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("n", null);
    expected.put("big", new java.math.BigInteger("123456789012345678901234567890"));
    expected.put("list", List.of(1, 2.5, "x", true));
    assertEquals(expected, engine.toJsonValue(value));
  }
}
