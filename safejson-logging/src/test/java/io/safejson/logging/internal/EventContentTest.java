package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.safejson.logging.LogCapture;
import io.safejson.logging.StructuredArguments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.helpers.BasicMarkerFactory;

/**
 * The parts of an event every format shares, read so that a custom event whose accessors throw still gives
 * a line (README: "a custom event that fails yields [FAILED]"), and the user-named sections: key-values and
 * structured arguments, MDC, markers.
 */
final class EventContentTest {
  @Test
  void throwingAccessorsAreReplacedNeverFatal() {
    try (LogCapture capture = LogCapture.configure("logback-logstash-plain.xml")) {
      LoggingEvent event =
          new LoggingEvent() {
            @Override
            public String getFormattedMessage() {
              throw new IllegalStateException("formatting");
            }

            @Override
            public String getLoggerName() {
              throw new IllegalStateException("logger");
            }

            @Override
            public String getThreadName() {
              throw new IllegalStateException("thread");
            }

            @Override
            public Level getLevel() {
              throw new IllegalStateException("level");
            }

            @Override
            public long getTimeStamp() {
              throw new IllegalStateException("time");
            }
          };
      event.setMessage("raw {}");
      event.setMDCPropertyMap(Map.of());
      event.setCallerData(new StackTraceElement[0]);
      long before = System.currentTimeMillis();
      capture.encode(event);
      long after = System.currentTimeMillis();
      JsonNode line = capture.onlyEvent();
      assertEquals("raw {}", line.get("message").asText(), "the unformatted message when formatting fails");
      assertEquals("[FAILED]", line.get("logger_name").asText());
      assertEquals("[FAILED]", line.get("thread_name").asText());
      assertEquals("ERROR", line.get("level").asText(), "an unreadable level is treated as ERROR");
      assertEquals(40_000, line.get("level_value").asInt());
      long time = java.time.Instant.parse(line.get("@timestamp").asText()).toEpochMilli();
      assertTrue(time >= before && time <= after, "an unreadable time is the time of encoding: " + line);
      assertFalse(line.has("encoder_error"), line.toString());
    }
  }

  @Test
  void aMessageThatCannotBeReadAtAllIsFailed() {
    try (LogCapture capture = LogCapture.configure("logback-logstash-plain.xml")) {
      LoggingEvent event =
          new LoggingEvent() {
            @Override
            public String getFormattedMessage() {
              throw new IllegalStateException("formatting");
            }

            @Override
            public String getMessage() {
              throw new IllegalStateException("raw");
            }
          };
      event.setLevel(Level.INFO);
      event.setMDCPropertyMap(Map.of());
      event.setCallerData(new StackTraceElement[0]);
      capture.encode(event);
      assertEquals("[FAILED]", capture.onlyEvent().get("message").asText());
    }
  }

  @Test
  void keyValuesThenStructuredArgumentsAreWrittenAndNullPairsSkipped() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-plain.xml")) {
      LoggingEvent event = TestEvents.event(capture, Level.INFO, "order {} for {}");
      event.addKeyValuePair(new KeyValuePair("a", 1));
      event.getKeyValuePairs().add(null);
      event.addKeyValuePair(new KeyValuePair("b", 2));
      event.setArgumentArray(new Object[] {StructuredArguments.kv("orderId", 42), "plain", StructuredArguments.value("c", 3)});
      capture.append(event);
      JsonNode line = capture.onlyEvent();
      assertEquals(Map.of("a", 1, "b", 2, "orderId", 42, "c", 3),
          new com.fasterxml.jackson.databind.ObjectMapper().convertValue(line.get("kv"), Map.class));
      assertEquals("order orderId=42 for plain", line.get("msg").asText());
    }
  }

  @Test
  void onlyStructuredArgumentsStillOpenTheKvObjectAndPlainArgumentsDoNot() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-plain.xml")) {
      LoggingEvent structured = TestEvents.event(capture, Level.INFO, "{}");
      structured.setArgumentArray(new Object[] {"plain", StructuredArguments.kv("k", "v")});
      capture.append(structured);
      LoggingEvent plain = TestEvents.event(capture, Level.INFO, "{}");
      plain.setArgumentArray(new Object[] {"plain", 1});
      capture.append(plain);
      List<JsonNode> lines = capture.events();
      assertEquals("v", lines.get(0).at("/kv/k").asText());
      assertFalse(lines.get(1).has("kv"), lines.get(1).toString());
    }
  }

  @Test
  void theReducedBudgetCountsStructuredArgumentsAfterKeyValues() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-16k.xml")) {
      LoggingEvent event = TestEvents.event(capture, Level.INFO, "m");
      for (int i = 0; i < 30; i++) {
        event.addKeyValuePair(new KeyValuePair(String.format("k%02d", i), "v".repeat(600)));
      }
      Object[] arguments = new Object[10];
      for (int i = 0; i < arguments.length; i++) {
        arguments[i] = StructuredArguments.kv(String.format("s%02d", i), "w".repeat(600));
      }
      event.setArgumentArray(arguments);
      capture.append(event);
      JsonNode kv = capture.onlyEvent().get("kv");
      assertEquals(32, kv.size(), "30 key-values and the first 2 structured arguments");
      assertTrue(kv.has("s01") && !kv.has("s02"), kv.toString());
    }
  }

  @Test
  void theReducedBudgetKeepsThirtyTwoStructuredArgumentsAlone() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-16k.xml")) {
      LoggingEvent event = TestEvents.event(capture, Level.INFO, "m");
      Object[] arguments = new Object[40];
      for (int i = 0; i < arguments.length; i++) {
        arguments[i] = StructuredArguments.kv(String.format("s%02d", i), "w".repeat(600));
      }
      event.setArgumentArray(arguments);
      capture.append(event);
      JsonNode line = capture.onlyEvent();
      assertEquals(32, line.get("kv").size());
      assertTrue(line.get("truncated").asBoolean());
    }
  }

  @Test
  void aNullMarkerIsWrittenAsNullInTheMarkersArray() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-plain.xml")) {
      LoggingEvent event =
          new LoggingEvent() {
            @Override
            public List<Marker> getMarkerList() {
              return new ArrayList<>(Arrays.asList(new BasicMarkerFactory().getMarker("A"), null));
            }
          };
      event.setLevel(Level.INFO);
      event.setMessage("m");
      event.setMDCPropertyMap(Map.of());
      event.setCallerData(new StackTraceElement[0]);
      capture.encode(event);
      JsonNode markers = capture.onlyEvent().get("markers");
      assertEquals(2, markers.size());
      assertEquals("A", markers.get(0).asText());
      assertTrue(markers.get(1).isNull());
    }
  }

  @Test
  void anEventWithoutMdcMapOrContextWritesNeither() {
    try (LogCapture capture = LogCapture.configure("logback-logstash-plain.xml")) {
      LoggingEvent event =
          new LoggingEvent() {
            @Override
            public Map<String, String> getMDCPropertyMap() {
              return null;
            }
          };
      event.setLevel(Level.INFO);
      event.setMessage("m");
      event.setCallerData(new StackTraceElement[0]);
      capture.encode(event);
      JsonNode line = capture.onlyEvent();
      assertFalse(line.has("context"));
      assertFalse(line.has("encoder_error"), line.toString());
    }
    try (LogCapture capture = LogCapture.configure("logback-gcp-plain.xml")) {
      LoggingEvent event =
          new LoggingEvent() {
            @Override
            public Map<String, String> getMDCPropertyMap() {
              return null;
            }
          };
      event.setLevel(Level.INFO);
      event.setMessage("m");
      event.setCallerData(new StackTraceElement[0]);
      capture.encode(event);
      assertFalse(capture.onlyEvent().has("encoder_error"), capture.onlyEvent().toString());
    }
  }
}
