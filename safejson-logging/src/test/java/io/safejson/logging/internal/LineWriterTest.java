package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.logging.LogCapture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/**
 * How one line is written, as the README's "Collisions" and "Guarantees" sections state it: user keys never
 * duplicate a name ({@code kv_<key>}, then {@code _2}, {@code _3}...), are cut to 256 chars, keep their
 * redaction whichever way they are named; long or malformed names are cut or repaired; only a cut value
 * marks the line truncated.
 */
final class LineWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CUT = "...[TRUNCATED]";

  @Test
  void aKeyTakenAgainAndAgainIsNumberedInOrder() {
    try (LogCapture capture = LogCapture.configure("logback-logstash.xml")) {
      LoggingEvent event = TestEvents.event(capture, Level.INFO, "real");
      event.addKeyValuePair(new KeyValuePair("message", 1));
      event.addKeyValuePair(new KeyValuePair("message", 2));
      event.addKeyValuePair(new KeyValuePair("message", 3));
      event.addKeyValuePair(new KeyValuePair("app", "kv-app")); // the static field app=chat came first
      capture.append(TestEvents.withMdc(event, Map.of("message", "m")));
      JsonNode line = capture.onlyEvent();
      assertEquals("real", line.get("message").asText());
      assertEquals(1, line.get("kv_message").asInt());
      assertEquals(2, line.get("kv_message_2").asInt());
      assertEquals(3, line.get("kv_message_3").asInt());
      assertEquals("chat", line.get("app").asText());
      assertEquals("kv-app", line.get("kv_app").asText());
      assertEquals("m", line.get("mdc_message").asText());
    }
  }

  @Test
  void gelfNumbersItsRenamesTooAndKeepsThemValidNames() {
    try (LogCapture capture = LogCapture.configure("logback-gelf.xml")) {
      LoggingEvent event = TestEvents.event(capture, Level.INFO, "m");
      event.addKeyValuePair(new KeyValuePair("id", 1));
      event.addKeyValuePair(new KeyValuePair("id", 2));
      event.addKeyValuePair(new KeyValuePair("a b", 3));
      event.addKeyValuePair(new KeyValuePair("a/b", 4));
      capture.append(event);
      JsonNode line = capture.onlyEvent();
      assertEquals("static-id", line.get("_static_id").asText(), "the static field id=static-id came first");
      assertEquals(1, line.get("_kv_id").asInt());
      assertEquals(2, line.get("_kv_id_2").asInt());
      assertEquals(3, line.get("_a_b").asInt());
      assertEquals(4, line.get("_kv_a_b").asInt(), "a/b is spelled _a_b too, which a b took");
      assertFalse(line.has("_id"));
    }
  }

  @Test
  void keysAreCutTo256CharsVisibly() {
    try (LogCapture capture = LogCapture.configure("logback-logstash.xml")) {
      LoggingEvent event = TestEvents.event(capture, Level.INFO, "m");
      event.addKeyValuePair(new KeyValuePair("k".repeat(256), "at the limit"));
      event.addKeyValuePair(new KeyValuePair("j".repeat(300), "over"));
      event.addKeyValuePair(new KeyValuePair("i".repeat(2000), "far over"));
      capture.append(event);
      JsonNode line = capture.onlyEvent();
      assertEquals("at the limit", line.get("k".repeat(256)).asText());
      assertEquals("over", line.get("j".repeat(256) + CUT).asText());
      assertEquals("far over", line.get("i".repeat(256) + CUT).asText());
    }
  }

  @Test
  void aNullKeyIsNamedNullAndRenamedLikeAnyOther() {
    try (LogCapture capture = LogCapture.configure("logback-logstash.xml")) {
      LoggingEvent event = TestEvents.event(capture, Level.INFO, "m");
      event.addKeyValuePair(new KeyValuePair(null, 1));
      event.addKeyValuePair(new KeyValuePair(null, 2));
      capture.append(event);
      JsonNode line = capture.onlyEvent();
      assertEquals(1, line.get("null").asInt());
      assertEquals(2, line.get("kv_null").asInt());
    }
  }

  @Test
  void aRenamedSecretKeyStaysRedacted() {
    try (LogCapture capture = LogCapture.configure("logback-logstash.xml")) {
      LoggingEvent event = TestEvents.event(capture, Level.INFO, "m");
      event.addKeyValuePair(new KeyValuePair("password", "SECRET-1"));
      event.addKeyValuePair(new KeyValuePair("password", "SECRET-2"));
      event.addKeyValuePair(new KeyValuePair("Token", Map.of("nested", "SECRET-3")));
      event.addKeyValuePair(new KeyValuePair("visible", "shown"));
      event.addKeyValuePair(new KeyValuePair("visible", "shown too"));
      capture.append(TestEvents.withMdc(event, Map.of("token", "SECRET-4")));
      JsonNode line = capture.onlyEvent();
      assertEquals("[REDACTED]", line.get("password").asText());
      assertEquals("[REDACTED]", line.get("kv_password").asText());
      assertEquals("[REDACTED]", line.get("Token").asText());
      assertEquals("[REDACTED]", line.get("token").asText());
      assertEquals("shown", line.get("visible").asText());
      assertEquals("shown too", line.get("kv_visible").asText());
      assertFalse(line.toString().contains("SECRET-"), line.toString());
    }
  }

  @Test
  void insideTheSafejsonObjectsOnlyRepeatsAreRenamedAndEachObjectHasItsOwnNames() throws Exception {
    try (LogCapture capture = LogCapture.configure("logback-safejson-16k.xml")) { // static field a=static
      LoggingEvent event = TestEvents.event(capture, Level.INFO, "m");
      event.addKeyValuePair(new KeyValuePair("a", 1));
      event.addKeyValuePair(new KeyValuePair("a", 2));
      event.addKeyValuePair(new KeyValuePair("msg", 3)); // a top-level name, free inside kv
      Map<String, String> mdc = new LinkedHashMap<>();
      mdc.put("a", "mdc-a");
      mdc.put("msg", "mdc-msg");
      capture.append(TestEvents.withMdc(event, mdc));
      JsonNode line = capture.onlyEvent();
      assertEquals(Map.of("a", 1, "kv_a", 2, "msg", 3), JSON.convertValue(line.get("kv"), Map.class));
      assertEquals(Map.of("a", "mdc-a", "msg", "mdc-msg"), JSON.convertValue(line.get("mdc"), Map.class));
      assertEquals("static", line.get("a").asText(), "the nested a's never took the top-level a");
      assertEquals("m", line.get("msg").asText());
    }
  }

  @Test
  void longOrMalformedLoggerAndThreadNamesAreCutOrRepaired() {
    try (LogCapture capture = LogCapture.configure("logback-gcp-full.xml")) { // maxFieldLength 64
      LoggingEvent event = new LoggingEvent();
      event.setLevel(Level.INFO);
      event.setLoggerName("l".repeat(100));
      event.setThreadName("t\uD800".repeat(3));
      event.setMessage("m");
      event.setTimeStamp(TestEvents.MILLIS);
      event.setMDCPropertyMap(Map.of());
      event.setCallerData(new StackTraceElement[0]);
      capture.append(event);
      LoggingEvent huge = new LoggingEvent();
      huge.setLevel(Level.INFO);
      huge.setLoggerName("h".repeat(2000));
      huge.setThreadName("fine");
      huge.setMessage("m");
      huge.setMDCPropertyMap(Map.of());
      huge.setCallerData(new StackTraceElement[0]);
      capture.append(huge);
      List<JsonNode> lines = capture.events();
      assertEquals("l".repeat(64) + CUT, lines.get(0).get("logger").asText());
      assertEquals("t\uFFFD".repeat(3), lines.get(0).get("thread").asText());
      assertTrue(lines.get(0).get("truncated").asBoolean());
      assertEquals("h".repeat(64) + CUT, lines.get(1).get("logger").asText());
      assertTrue(lines.get(1).get("truncated").asBoolean());
    }
  }

  @Test
  void aNameOfExactlyTheFieldCapIsKeptWhole() {
    try (LogCapture capture = LogCapture.configure("logback-gcp-full.xml")) { // maxFieldLength 64
      LoggingEvent event = new LoggingEvent();
      event.setLevel(Level.INFO);
      event.setLoggerName("l".repeat(64));
      event.setThreadName("t");
      event.setMessage("m");
      event.setMDCPropertyMap(Map.of());
      event.setCallerData(new StackTraceElement[0]);
      capture.append(event);
      JsonNode line = capture.onlyEvent();
      assertEquals("l".repeat(64), line.get("logger").asText());
      assertFalse(line.has("truncated"));
    }
  }

  @Test
  void onlyACutValueMarksTheLineNotOtherRepairs() {
    try (LogCapture capture = LogCapture.configure("logback-gcp-full.xml")) { // maxFieldLength 64
      List<Object> cycle = new ArrayList<>();
      cycle.add(cycle);
      capture.append(kv(capture, "cycle", cycle));
      capture.append(kv(capture, "nan", Double.NaN));
      capture.append(kv(capture, "deep", Map.of("body", "b".repeat(65))));
      capture.append(kv(capture, "string", "s".repeat(65)));
      capture.append(kv(capture, "fits", "s".repeat(64)));
      List<JsonNode> lines = capture.events();
      assertFalse(lines.get(0).has("truncated"), lines.get(0).toString());
      assertFalse(lines.get(1).has("truncated"), lines.get(1).toString());
      assertTrue(lines.get(2).get("truncated").asBoolean(), lines.get(2).toString());
      assertEquals("b".repeat(64) + CUT, lines.get(2).at("/deep/body").asText());
      assertTrue(lines.get(3).get("truncated").asBoolean());
      assertEquals("s".repeat(64) + CUT, lines.get(3).get("string").asText());
      assertFalse(lines.get(4).has("truncated"));
    }
  }

  @Test
  void valuesAreWrittenCorrectlyAfterAnEventWasRenderedAgainOrFailed() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-16k.xml")) {
      for (int round = 0; round < 3; round++) {
        LoggingEvent big = TestEvents.event(capture, Level.INFO, "big");
        big.addKeyValuePair(new KeyValuePair("payload", Map.of("body", "p".repeat(20_000))));
        capture.append(big);
        capture.encode(TestEvents.brokenMdc(capture, Level.INFO, "broken"));
        capture.append(kv(capture, "after", Map.of("n", round)));
      }
      List<JsonNode> lines = capture.events();
      assertEquals(9, lines.size());
      for (int round = 0; round < 3; round++) {
        JsonNode big = lines.get(3 * round);
        assertEquals("p".repeat(256) + CUT, big.at("/kv/payload/body").asText(), "reduced: " + big);
        assertTrue(big.get("truncated").asBoolean());
        assertTrue(lines.get(3 * round + 1).has("encoder_error"));
        JsonNode after = lines.get(3 * round + 2);
        assertEquals(round, after.at("/kv/after/n").asInt(), after.toString());
        assertFalse(after.has("encoder_error"), after.toString());
        assertFalse(after.has("truncated"), after.toString());
      }
    }
  }

  @Test
  void aFullLineAfterAReducedOrMinimalOneGetsTheFullCapsForItsValuesAgain() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-16k.xml")) {
      String long1000 = "x".repeat(1_000); // over the reduced (256) and minimal (512) caps, under the full one
      LoggingEvent big = TestEvents.event(capture, Level.INFO, "big");
      big.addKeyValuePair(new KeyValuePair("payload", Map.of("body", "p".repeat(20_000))));
      capture.append(big);
      capture.append(kv(capture, "afterReduced", Map.of("body", long1000)));
      capture.encode(TestEvents.brokenMdc(capture, Level.INFO, "broken"));
      capture.append(kv(capture, "afterMinimal", Map.of("body", long1000)));
      List<JsonNode> lines = capture.events();
      assertTrue(lines.get(0).get("truncated").asBoolean());
      assertEquals(long1000, lines.get(1).at("/kv/afterReduced/body").asText(), lines.get(1).toString());
      assertFalse(lines.get(1).has("truncated"));
      assertEquals(long1000, lines.get(3).at("/kv/afterMinimal/body").asText(), lines.get(3).toString());
    }
  }

  @Test
  void aFullLineAfterAFailedOneWritesItsValuesToTheNewGenerator() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-16k.xml")) {
      capture.append(kv(capture, "first", Map.of("n", 1)));
      capture.encode(TestEvents.brokenMdc(capture, Level.INFO, "broken"));
      capture.append(kv(capture, "second", Map.of("n", 2)));
      List<JsonNode> lines = capture.events();
      assertEquals(3, lines.size());
      assertEquals(1, lines.get(0).at("/kv/first/n").asInt());
      assertTrue(lines.get(1).has("encoder_error"));
      assertEquals(2, lines.get(2).at("/kv/second/n").asInt(), lines.get(2).toString());
      assertFalse(lines.get(2).has("encoder_error"), lines.get(2).toString());
    }
  }

  @Test
  void excludedObjectsAreLeftOutWithAllTheirFields() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-excluded-objects.xml")) {
      LoggingEvent event = TestEvents.full(capture);
      capture.append(event);
      JsonNode line = capture.onlyEvent();
      assertEquals(new java.util.TreeSet<>(List.of("ts", "level", "logger", "thread", "msg", "context", "markers")),
          EcsSchemaTest.names(line), "kv, mdc, service, caller and error excluded");
    }
    try (LogCapture capture = LogCapture.configure("logback-gcp-excluded-objects.xml")) {
      capture.append(TestEvents.full(capture));
      JsonNode line = capture.onlyEvent();
      assertFalse(line.has("serviceContext"), line.toString());
      assertFalse(line.has("logging.googleapis.com/sourceLocation"), line.toString());
      assertFalse(line.has("encoder_error"), line.toString());
      assertEquals("order 42 failed", line.get("message").asText());
    }
  }

  private static LoggingEvent kv(LogCapture capture, String key, Object value) {
    LoggingEvent event = TestEvents.event(capture, Level.INFO, key);
    event.addKeyValuePair(new KeyValuePair(key, value));
    return event;
  }
}
