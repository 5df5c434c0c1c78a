package io.safejson.logging.internal;

import static io.safejson.logging.internal.EcsSchemaTest.asMap;
import static io.safejson.logging.internal.EcsSchemaTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.safejson.logging.LogCapture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/**
 * The {@code safejson} format as the README's table lists it: {@code ts}, {@code level}, {@code logger},
 * {@code thread}, {@code msg}, {@code context}, {@code service}, {@code caller}, {@code markers}, the
 * {@code kv} and {@code mdc} objects, static fields top level, and {@code error} with its causes and
 * suppressed exceptions.
 */
final class SafeJsonSchemaTest {
  private static final String FRAMELESS = TestEvents.Frameless.class.getName();

  @Test
  void aFullEventCarriesEveryFieldOfTheFormatTableWithItsValue() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-full.xml")) {
      capture.append(TestEvents.full(capture));
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("ts", TestEvents.ISO);
      expected.put("level", "WARN");
      expected.put("logger", "chat.Api");
      expected.put("thread", "worker-1");
      expected.put("msg", "order 42 failed");
      expected.put("context", "test-context");
      expected.put("service", Map.of("name", "chat-backend", "version", "1.2.3", "environment", "prod"));
      expected.put("caller", Map.of("class", "chat.Api", "method", "send", "file", "Api.java", "line", 77));
      expected.put("markers", List.of("AUDIT", "BILLING"));
      expected.put("kv", Map.of("orderId", 42));
      expected.put("mdc", Map.of("requestId", "r-1"));
      expected.put("region", "eu-west-1");
      expected.put("error", Map.of("type", FRAMELESS, "message", "card declined", "stack", FRAMELESS + ": card declined"));
      assertEquals(expected, asMap(capture.onlyEvent()));
    }
  }

  @Test
  void aRealEventWithoutCallerDataOrServiceWritesOnlyItsOwnFields() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-plain.xml")) {
      capture.logger("chat.Api").info("plain");
      assertEquals(new TreeSet<>(Set.of("ts", "level", "logger", "thread", "msg", "context")),
          names(capture.onlyEvent()), "no empty kv or mdc object, no service, no caller");
    }
  }

  @Test
  void theServiceObjectHoldsWhateverPartIsConfigured() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-version-only.xml")) {
      capture.append(TestEvents.event(capture, Level.INFO, "m"));
      assertEquals(Map.of("version", "1.2.3"), asMap(capture.onlyEvent()).get("service"));
    }
    try (LogCapture capture = LogCapture.configure("logback-safejson-environment-only.xml")) {
      capture.append(TestEvents.event(capture, Level.INFO, "m"));
      assertEquals(Map.of("environment", "prod"), asMap(capture.onlyEvent()).get("service"));
    }
  }

  @Test
  void causesAndSuppressedExceptionsAreListedAfterTheStackTrace() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-full.xml")) {
      TestEvents.Frameless top = new TestEvents.Frameless("top", new TestEvents.Frameless("middle",
          new TestEvents.Frameless("root")));
      top.addSuppressed(new TestEvents.Frameless("s1"));
      top.addSuppressed(new TestEvents.Frameless(null));
      capture.append(TestEvents.withError(TestEvents.event(capture, Level.ERROR, "m"), top));
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("type", FRAMELESS);
      error.put("message", "top");
      error.put("stack", FRAMELESS + ": top\n\tSuppressed: " + FRAMELESS + ": s1\n\tSuppressed: " + FRAMELESS
          + "\nCaused by: " + FRAMELESS + ": middle\nCaused by: " + FRAMELESS + ": root");
      error.put("causes", List.of(Map.of("type", FRAMELESS, "message", "middle"), Map.of("type", FRAMELESS, "message", "root")));
      error.put("suppressed", List.of(Map.of("type", FRAMELESS, "message", "s1"), Map.of("type", FRAMELESS)));
      assertEquals(error, asMap(capture.onlyEvent()).get("error"));
    }
  }

  @Test
  void aCauseCycleEndsTheCausesAtTheRepeat() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-full.xml")) {
      RuntimeException a = new RuntimeException("a");
      RuntimeException b = new RuntimeException("b", a);
      a.initCause(b);
      capture.append(TestEvents.withError(TestEvents.event(capture, Level.ERROR, "m"), a));
      JsonNode error = capture.onlyEvent().get("error");
      assertEquals(1, error.get("causes").size(), error.toString());
      assertEquals("b", error.at("/causes/0/message").asText());
    }
  }

  @Test
  void aLongCauseChainListsTheCausesTheStackTraceFollows() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-full.xml")) {
      Throwable chain = new TestEvents.Frameless("c40");
      for (int i = 39; i >= 0; i--) {
        chain = new TestEvents.Frameless("c" + i, chain);
      }
      LoggingEvent event = TestEvents.withError(TestEvents.event(capture, Level.ERROR, "m"), chain);
      capture.append(event);
      JsonNode error = capture.onlyEvent().get("error");
      assertEquals(31, error.get("causes").size(), "causes 1..31 of the 32-long chain StackTraceText follows");
      assertEquals("c31", error.at("/causes/30/message").asText());
    }
  }

  @Test
  void anExceptionWithoutCauseOrSuppressedHasNeitherList() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-full.xml")) {
      capture.append(TestEvents.withError(TestEvents.event(capture, Level.ERROR, "m"), new TestEvents.Frameless("x")));
      JsonNode error = capture.onlyEvent().get("error");
      assertFalse(error.has("causes"));
      assertFalse(error.has("suppressed"));
    }
  }

  @Test
  void aLineTooLongEvenWhenReducedIsWrittenAsTheMinimalLine() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-full.xml")) {
      capture.append(TestEvents.oversized(capture));
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("ts", TestEvents.ISO);
      expected.put("level", "ERROR");
      expected.put("logger", "chat.Api");
      expected.put("thread", "worker-1");
      expected.put("msg", "too big");
      expected.put("error", Map.of("type", FRAMELESS, "message", "card declined"));
      expected.put("truncated", true);
      assertEquals(expected, asMap(capture.onlyEvent()));
    }
  }

  @Test
  void theReducedLineKeepsThirtyTwoSuppressedAndMarkers() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-full.xml")) { // maxEventBytes 16384
      TestEvents.Frameless top = new TestEvents.Frameless("top");
      for (int i = 0; i < 40; i++) {
        top.addSuppressed(new TestEvents.Frameless("s" + i));
      }
      LoggingEvent event = TestEvents.withError(TestEvents.event(capture, Level.ERROR, "m"), top);
      org.slf4j.helpers.BasicMarkerFactory markers = new org.slf4j.helpers.BasicMarkerFactory();
      for (int i = 0; i < 40; i++) {
        event.addMarker(markers.getMarker("M" + i));
      }
      for (int i = 0; i < 100; i++) { // 100 keys of 150 chars push the full line over 16 KiB
        event.addKeyValuePair(new KeyValuePair(String.format("%03d", i) + "k".repeat(147), "v"));
      }
      capture.append(event);
      JsonNode line = capture.onlyEvent();
      assertTrue(line.get("truncated").asBoolean());
      assertEquals(32, line.at("/error/suppressed").size());
      assertEquals(32, line.get("markers").size());
      assertEquals(32, line.get("kv").size());
    }
  }

  @Test
  void aCustomProxyWhoseCausesLoopWithoutBeingMarkedCyclicStopsAtTheRepeat() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-full.xml")) {
      LoopingProxy top = new LoopingProxy("top");
      LoopingProxy middle = new LoopingProxy("middle");
      top.cause = middle;
      middle.cause = top; // back to the top: not flagged by isCyclic, unlike Logback's own proxies
      LoggingEvent event =
          new LoggingEvent() {
            @Override
            public ch.qos.logback.classic.spi.IThrowableProxy getThrowableProxy() {
              return top;
            }
          };
      event.setLevel(Level.ERROR);
      event.setMessage("m");
      event.setMDCPropertyMap(Map.of());
      event.setCallerData(new StackTraceElement[0]);
      capture.append(event);
      JsonNode error = capture.onlyEvent().get("error");
      assertEquals(1, error.get("causes").size(), error.toString());
      assertEquals("middle", error.at("/causes/0/message").asText());
    }
  }

  @Test
  void aProxyThatIsItsOwnCauseHasNoCauses() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-full.xml")) {
      LoopingProxy self = new LoopingProxy("self");
      self.cause = self;
      LoggingEvent event =
          new LoggingEvent() {
            @Override
            public ch.qos.logback.classic.spi.IThrowableProxy getThrowableProxy() {
              return self;
            }
          };
      event.setLevel(Level.ERROR);
      event.setMessage("m");
      event.setMDCPropertyMap(Map.of());
      event.setCallerData(new StackTraceElement[0]);
      capture.append(event);
      JsonNode error = capture.onlyEvent().get("error");
      assertFalse(error.has("causes"), error.toString());
      assertEquals("self", error.get("message").asText());
    }
  }

  @Test
  void aStaticFieldNamedLikeAFormatFieldIsRenamed() {
    try (LogCapture capture = LogCapture.configure("logback-safejson-static-level.xml")) {
      capture.append(TestEvents.event(capture, Level.INFO, "m"));
      JsonNode line = capture.onlyEvent();
      assertEquals("INFO", line.get("level").asText());
      assertEquals("static-level", line.get("static_level").asText());
      assertEquals("static-kv", line.get("static_kv").asText(), "kv is the format's, even on a line without one");
    }
  }

  /** An {@code IThrowableProxy} from outside Logback whose cause chain may loop. */
  static final class LoopingProxy implements ch.qos.logback.classic.spi.IThrowableProxy {
    private final String message;
    ch.qos.logback.classic.spi.IThrowableProxy cause;

    LoopingProxy(String message) {
      this.message = message;
    }

    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public String getClassName() {
      return "custom.Failure";
    }

    @Override
    public ch.qos.logback.classic.spi.StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return new ch.qos.logback.classic.spi.StackTraceElementProxy[0];
    }

    @Override
    public int getCommonFrames() {
      return 0;
    }

    @Override
    public ch.qos.logback.classic.spi.IThrowableProxy getCause() {
      return cause;
    }

    @Override
    public ch.qos.logback.classic.spi.IThrowableProxy[] getSuppressed() {
      return new ch.qos.logback.classic.spi.IThrowableProxy[0];
    }

    @Override
    public boolean isCyclic() {
      return false;
    }
  }
}
