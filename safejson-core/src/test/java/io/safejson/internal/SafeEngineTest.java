package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.fasterxml.jackson.databind.node.TextNode;
import io.safejson.Incident;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
}
