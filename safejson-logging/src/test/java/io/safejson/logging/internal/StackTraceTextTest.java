package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import io.safejson.logging.LogCapture;
import org.junit.jupiter.api.Test;

/**
 * Stack traces of exceptions Logback's own proxy never produces (hand-built proxies: repeats not flagged
 * cyclic, null frames, very long chains), printed as Logback prints repeats:
 * {@code [CIRCULAR REFERENCE: type: message]}. The {@code safejson} format's {@code error.stack} shows them.
 */
final class StackTraceTextTest {
  private static final String F = "custom.Failure: ";

  @Test
  void aRepeatedSuppressedExceptionIsPrintedAsACircularReferenceEvenPastTheFirstSixteen() {
    TestEvents.CustomProxy top = new TestEvents.CustomProxy("top");
    IThrowableProxy[] suppressed = new IThrowableProxy[20];
    for (int i = 0; i < 18; i++) {
      suppressed[i] = new TestEvents.CustomProxy("s" + i);
    }
    suppressed[18] = suppressed[15]; // the last one remembered in the small array
    suppressed[19] = suppressed[16]; // the first one remembered in the spill set
    top.suppressed = suppressed;
    StringBuilder expected = new StringBuilder(F + "top");
    for (int i = 0; i < 18; i++) {
      expected.append("\n\tSuppressed: ").append(F).append("s").append(i);
    }
    expected.append("\n\tSuppressed: [CIRCULAR REFERENCE: ").append(F).append("s15]");
    expected.append("\n\tSuppressed: [CIRCULAR REFERENCE: ").append(F).append("s16]");
    assertEquals(expected.toString(), stack(top));
  }

  @Test
  void aCauseThatRepeatsAnEarlierOneIsPrintedAsACircularReference() {
    TestEvents.CustomProxy top = new TestEvents.CustomProxy("top");
    TestEvents.CustomProxy middle = new TestEvents.CustomProxy("middle");
    top.cause = middle;
    middle.cause = top;
    assertEquals(F + "top\nCaused by: " + F + "middle\nCaused by: [CIRCULAR REFERENCE: " + F + "top]", stack(top));
  }

  @Test
  void aNullFrameIsPrintedAsAtNull() {
    TestEvents.CustomProxy top = new TestEvents.CustomProxy("top");
    top.frames = new StackTraceElementProxy[] {
      null, new StackTraceElementProxy(new StackTraceElement("chat.Api", "send", "Api.java", 77))
    };
    assertEquals(F + "top\n\tat null\n\tat chat.Api.send(Api.java:77)", stack(top));
  }

  @Test
  void aChainLongerThanThirtyTwoEndsWithACircularMarkerAtTheLimit() {
    TestEvents.CustomProxy top = new TestEvents.CustomProxy("c0");
    TestEvents.CustomProxy last = top;
    for (int i = 1; i < 40; i++) {
      TestEvents.CustomProxy next = new TestEvents.CustomProxy("c" + i);
      last.cause = next;
      last = next;
    }
    String stack = stack(top);
    assertTrue(stack.contains("\nCaused by: " + F + "c31\n"), stack);
    assertTrue(stack.endsWith("\nCaused by: [CIRCULAR REFERENCE: " + F + "c32]"), stack);
    assertFalse(stack.contains("c33"), stack);
  }

  @Test
  void rootCauseFirstStopsAtARepeatedCause() {
    TestEvents.CustomProxy top = new TestEvents.CustomProxy("top");
    TestEvents.CustomProxy root = new TestEvents.CustomProxy("root");
    top.cause = root;
    root.cause = top;
    try (LogCapture capture = LogCapture.configure("logback-safejson-root-first.xml")) {
      capture.append(TestEvents.withProxy(capture, top));
      assertEquals(F + "root\nWrapped by: " + F + "top", capture.onlyEvent().at("/error/stack").asText());
    }
  }

  @Test
  void rootCauseFirstFollowsAtMostThirtyTwoCauses() {
    TestEvents.CustomProxy top = new TestEvents.CustomProxy("c0");
    TestEvents.CustomProxy last = top;
    for (int i = 1; i < 40; i++) {
      TestEvents.CustomProxy next = new TestEvents.CustomProxy("c" + i);
      last.cause = next;
      last = next;
    }
    try (LogCapture capture = LogCapture.configure("logback-safejson-root-first.xml")) {
      capture.append(TestEvents.withProxy(capture, top));
      String stack = capture.onlyEvent().at("/error/stack").asText();
      assertTrue(stack.startsWith(F + "c31\nWrapped by: " + F + "c30\n"), stack);
      assertTrue(stack.endsWith("\nWrapped by: " + F + "c0"), stack);
      assertFalse(stack.contains("c32"), stack);
    }
  }

  @Test
  void suppressedExceptionsNestThirtyTwoLevelsDeepAtMost() {
    TestEvents.CustomProxy top = new TestEvents.CustomProxy("s0");
    TestEvents.CustomProxy outer = top;
    for (int i = 1; i < 40; i++) {
      TestEvents.CustomProxy inner = new TestEvents.CustomProxy("s" + i);
      outer.suppressed = new IThrowableProxy[] {inner};
      outer = inner;
    }
    String stack = stack(top);
    assertTrue(stack.contains("\t".repeat(32) + "Suppressed: " + F + "s32"), stack);
    assertFalse(stack.contains("s33"), stack);
  }

  private static String stack(IThrowableProxy proxy) {
    try (LogCapture capture = LogCapture.configure("logback-safejson-plain.xml")) {
      capture.append(TestEvents.withProxy(capture, proxy));
      return capture.onlyEvent().at("/error/stack").asText();
    }
  }
}
