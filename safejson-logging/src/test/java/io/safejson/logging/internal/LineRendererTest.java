package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.logging.LogCapture;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;
import org.slf4j.helpers.BasicMarkerFactory;

/**
 * The renderer's retries, as the README's "Guarantees and size caps" states them: a line over
 * {@code maxEventBytes} (newline included) is rendered again with a field cap of {@code maxEventBytes / 64}
 * (at least 256, at most {@code maxFieldLength}), at most 32 entries and a stack trace of at most
 * {@code maxEventBytes / 8} chars, then as the minimal line; a failure goes straight to the minimal line
 * with {@code encoder_error}; if even that fails, a synthetic line keeps the event's time.
 */
final class LineRendererTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FRAMELESS = TestEvents.Frameless.class.getName();
  private static final String CUT = "...[TRUNCATED]";

  @Test
  void aLineOfExactlyMaxEventBytesIsKeptWholeAndOneByteMoreIsRenderedAgain() throws Exception {
    try (LogCapture capture = LogCapture.configure("logback-safejson-16k.xml")) {
      capture.append(TestEvents.event(capture, Level.INFO, "m"));
      int overhead = capture.onlyLine().getBytes(StandardCharsets.UTF_8).length + 1 - 1; // newline in, "m" out
      int fits = 16_384 - overhead;
      capture.append(TestEvents.event(capture, Level.INFO, "m".repeat(fits)));
      capture.append(TestEvents.event(capture, Level.INFO, "m".repeat(fits + 1)));
      List<String> lines = capture.lines();
      assertEquals(16_384, lines.get(1).getBytes(StandardCharsets.UTF_8).length + 1, "exactly the limit");
      JsonNode whole = JSON.readTree(lines.get(1));
      assertEquals(fits, whole.get("msg").asText().length());
      assertFalse(whole.has("truncated"));
      JsonNode reduced = JSON.readTree(lines.get(2));
      assertEquals("m".repeat(256) + CUT, reduced.get("msg").asText(), "16384 / 64 = 256 chars");
      assertTrue(reduced.get("truncated").asBoolean());
    }
  }

  @Test
  void theReducedFieldCapIsAFourthOfAPercentOfMaxEventBytes() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-64k.xml")) {
      LoggingEvent event = TestEvents.event(capture, Level.INFO, "m".repeat(5_000));
      for (int i = 0; i < 100; i++) {
        event.addKeyValuePair(new KeyValuePair("k" + i, "w".repeat(1_000))); // 100 KB: over 64 KiB
      }
      capture.append(event);
      JsonNode line = capture.onlyEvent();
      assertEquals("m".repeat(1024) + CUT, line.get("msg").asText(), "65536 / 64 = 1024 chars");
      assertTrue(line.get("truncated").asBoolean());
    }
  }

  @Test
  void theReducedBudgetKeepsThirtyTwoEntriesAndNeverRaisesTheFieldCap() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-64k-capped.xml")) { // maxFieldLength 300
      LoggingEvent event = TestEvents.event(capture, Level.INFO, "many");
      Map<String, String> mdc = new LinkedHashMap<>();
      for (int i = 0; i < 300; i++) {
        mdc.put(String.format("m%03d", i), "v".repeat(500));
      }
      for (int i = 0; i < 40; i++) {
        event.addKeyValuePair(new KeyValuePair(String.format("k%03d", i), "w".repeat(500)));
      }
      capture.append(TestEvents.withMdc(event, mdc));
      JsonNode line = capture.onlyEvent();
      assertEquals(32, line.get("mdc").size(), "the first 32 MDC entries");
      assertEquals(32, line.get("kv").size(), "the first 32 key-values");
      assertEquals("v".repeat(300) + CUT, line.at("/mdc/m031").asText(), "cut at maxFieldLength, not 65536 / 64");
      assertEquals("w".repeat(300) + CUT, line.at("/kv/k031").asText());
      assertTrue(line.get("truncated").asBoolean());
    }
  }

  @Test
  void underTheFullBudgetEveryEntryIsKept() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-64k-capped.xml")) {
      LoggingEvent event = TestEvents.event(capture, Level.INFO, "many");
      BasicMarkerFactory markers = new BasicMarkerFactory();
      for (int i = 0; i < 40; i++) {
        event.addKeyValuePair(new KeyValuePair(String.format("k%03d", i), i));
        event.addMarker(markers.getMarker("M" + i));
      }
      capture.append(event);
      JsonNode line = capture.onlyEvent();
      assertEquals(40, line.get("kv").size());
      assertEquals(40, line.get("markers").size());
      assertFalse(line.has("truncated"));
    }
  }

  @Test
  void theReducedStackTraceIsAnEighthOfMaxEventBytesAtMost() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-16k.xml")) { // default stack cap 16384
      String message = "x".repeat(20_000);
      capture.append(TestEvents.withError(TestEvents.event(capture, Level.ERROR, "e"), new TestEvents.Frameless(message)));
      JsonNode error = capture.onlyEvent().get("error");
      String stack = FRAMELESS + ": " + message;
      assertEquals(stack.substring(0, 2048) + CUT, error.get("stack").asText(), "16384 / 8 = 2048 chars");
      assertEquals("x".repeat(256) + CUT, error.get("message").asText());
    }
  }

  @Test
  void theReducedStackTraceNeverExceedsTheConfiguredOne() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-64k-capped.xml")) { // stack cap 1000
      LoggingEvent event = TestEvents.event(capture, Level.ERROR, "e");
      for (int i = 0; i < 300; i++) {
        event.addKeyValuePair(new KeyValuePair(String.format("k%03d", i), "w".repeat(300)));
      }
      capture.append(TestEvents.withError(event, new TestEvents.Frameless("x".repeat(5_000))));
      JsonNode line = capture.onlyEvent();
      assertTrue(line.get("truncated").asBoolean(), "rendered again reduced");
      String stack = FRAMELESS + ": " + "x".repeat(5_000);
      assertEquals(stack.substring(0, 1000) + CUT, line.at("/error/stack").asText());
    }
  }

  @Test
  void aFailureGoesStraightToTheMinimalLineEvenIfARetryWouldSucceed() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-16k.xml")) {
      AtomicInteger calls = new AtomicInteger();
      LoggingEvent flaky =
          new LoggingEvent() {
            @Override
            public Map<String, String> getMDCPropertyMap() {
              if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("first read fails");
              }
              return Map.of("requestId", "r-1");
            }
          };
      flaky.setLevel(Level.INFO);
      flaky.setLoggerName("chat.Api");
      flaky.setThreadName("worker-1");
      flaky.setMessage("flaky");
      flaky.setTimeStamp(TestEvents.MILLIS);
      flaky.setCallerData(new StackTraceElement[0]);
      flaky.setLoggerContextRemoteView(capture.context().getLoggerContextRemoteView());
      capture.encode(flaky);
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("ts", TestEvents.ISO);
      expected.put("level", "INFO");
      expected.put("logger", "chat.Api");
      expected.put("thread", "worker-1");
      expected.put("msg", "flaky");
      expected.put("encoder_error", "java.lang.IllegalStateException: first read fails");
      assertEquals(expected, JSON.convertValue(capture.onlyEvent(), Map.class));
    }
  }

  @Test
  void theFailureNoteIsTheExceptionTypeAndMessageCutTo512Chars() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-16k.xml")) {
      capture.encode(failingEvent(capture, new IllegalStateException()));
      capture.encode(failingEvent(capture, new IllegalStateException("n".repeat(600))));
      capture.encode(failingEvent(capture, new IllegalStateException("hidden") {
        @Override
        public String getMessage() {
          throw new UnsupportedOperationException("getMessage throws too");
        }
      }));
      List<JsonNode> lines = capture.events();
      assertEquals("java.lang.IllegalStateException", lines.get(0).get("encoder_error").asText());
      String long512 = ("java.lang.IllegalStateException: " + "n".repeat(600)).substring(0, 512) + CUT;
      assertEquals(long512, lines.get(1).get("encoder_error").asText());
      assertTrue(lines.get(2).get("encoder_error").asText().startsWith(LineRendererTest.class.getName() + "$"),
          "the type alone: " + lines.get(2));
      assertFalse(lines.get(2).get("encoder_error").asText().contains(":"), lines.get(2).toString());
    }
  }

  @Test
  void anEventThatCannotBeRenderedAtAllGivesTheSyntheticLineWithItsTime() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-16k.xml")) {
      capture.append(TestEvents.unrenderable(capture, Level.INFO, "lost"));
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("ts", TestEvents.ISO);
      expected.put("level", "ERROR");
      expected.put("logger", "io.safejson.logging");
      expected.put("thread", "unknown");
      expected.put("msg", "safejson-logging could not encode a log event");
      expected.put("encoder_error", "java.lang.IllegalStateException: no class name");
      assertEquals(expected, JSON.convertValue(capture.onlyEvent(), Map.class));
    }
  }

  @Test
  void everyFormatFallsBackToItsOwnSyntheticLine() {
    Map<String, String> messageField =
        Map.of("ecs", "message", "logstash", "message", "gcp", "message", "gelf", "short_message", "safejson", "msg");
    for (Map.Entry<String, String> format : messageField.entrySet()) {
      try (LogCapture capture = LogCapture.configure("logback-" + format.getKey() + ".xml")) {
        capture.append(TestEvents.unrenderable(capture, Level.INFO, "lost"));
        JsonNode line = capture.onlyEvent();
        assertEquals("safejson-logging could not encode a log event", line.get(format.getValue()).asText(),
            format.getKey() + ": " + line);
        assertTrue(line.toString().contains("no class name"), line.toString());
        assertFalse(line.toString().contains("lost"), line.toString());
      }
    }
  }

  @Test
  void aLineRenderedAgainNeverKeepsMoreOfAStringThanMaxFieldLength() {
    try (LogCapture capture = LogCapture.configure("logback-gcp-full.xml")) { // maxFieldLength 64, 16 KiB lines
      LoggingEvent event = TestEvents.event(capture, Level.INFO, "m".repeat(200));
      for (int i = 0; i < 100; i++) {
        event.addKeyValuePair(new KeyValuePair(String.format("%03d", i) + "k".repeat(197), "v")); // 20 KB
      }
      capture.append(event);
      JsonNode line = capture.onlyEvent();
      assertTrue(line.has("031" + "k".repeat(197)) && !line.has("032" + "k".repeat(197)), "rendered again: " + line);
      assertEquals("m".repeat(64) + CUT, line.get("message").asText());
    }
  }

  @Test
  void emojiAreWrittenAsFourUtf8BytesWhereJacksonCanAndAsAnEscapedPairBefore218() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-16k.xml")) {
      capture.append(TestEvents.event(capture, Level.INFO, "smile \uD83D\uDE00"));
      String line = capture.onlyLine();
      // Jackson 2.18 added COMBINE_UNICODE_SURROGATES_IN_UTF8; older UTF-8 generators escape the pair (valid JSON,
      // same text once read).
      boolean combines = java.util.Arrays.stream(com.fasterxml.jackson.core.json.JsonWriteFeature.values())
          .anyMatch(feature -> feature.name().equals("COMBINE_UNICODE_SURROGATES_IN_UTF8"));
      String expected = combines ? "\"msg\":\"smile \uD83D\uDE00\"" : "\"msg\":\"smile \\uD83D\\uDE00\"";
      assertTrue(line.contains(expected), line);
      assertEquals("smile \uD83D\uDE00", capture.onlyEvent().get("msg").asText());
    }
  }

  @Test
  void anExceptionThatCannotBeReadIsLeftOutNotFatal() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-16k.xml")) {
      LoggingEvent event =
          new LoggingEvent() {
            @Override
            public ch.qos.logback.classic.spi.IThrowableProxy getThrowableProxy() {
              throw new IllegalStateException("no proxy");
            }
          };
      event.setLevel(Level.ERROR);
      event.setMessage("m");
      event.setMDCPropertyMap(Map.of());
      event.setCallerData(new StackTraceElement[0]);
      capture.encode(event);
      JsonNode line = capture.onlyEvent();
      assertFalse(line.has("error"), line.toString());
      assertFalse(line.has("encoder_error"), line.toString());
      assertEquals("m", line.get("msg").asText());
    }
  }

  /** An event whose MDC read throws {@code failure}; the minimal line then carries its description. */
  private static LoggingEvent failingEvent(LogCapture capture, RuntimeException failure) {
    LoggingEvent event =
        new LoggingEvent() {
          @Override
          public Map<String, String> getMDCPropertyMap() {
            throw failure;
          }
        };
    event.setLevel(Level.INFO);
    event.setLoggerName("chat.Api");
    event.setThreadName("worker-1");
    event.setMessage("failing");
    event.setTimeStamp(TestEvents.MILLIS);
    event.setCallerData(new StackTraceElement[0]);
    event.setLoggerContextRemoteView(capture.context().getLoggerContextRemoteView());
    return event;
  }
}
