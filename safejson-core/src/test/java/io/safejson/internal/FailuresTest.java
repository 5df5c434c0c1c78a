package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

/** Which throwables are absorbed, and the one line an incident says about them. */
final class FailuresTest {

  @Test
  void aDescriptionIsTheClassAndTheMessage() {
    assertEquals("java.lang.IllegalStateException: m", Failures.describe(new IllegalStateException("m")));
    assertEquals("java.lang.IllegalStateException", Failures.describe(new IllegalStateException()));
  }

  @Test
  void reflectionWrappersAreUnwrappedToWhatTheCodeThrew() {
    Throwable twice =
        new InvocationTargetException(new InvocationTargetException(new ArithmeticException("zero")));
    assertEquals("java.lang.ArithmeticException: zero", Failures.describe(twice));
    assertEquals(
        "java.lang.reflect.InvocationTargetException", Failures.describe(new InvocationTargetException(null)));
  }

  @Test
  void aMessageThatThrowsIsLeftOut() {
    RuntimeException rude =
        new RuntimeException() {
          private static final long serialVersionUID = 1L;

          @Override
          public String getMessage() {
            throw new IllegalStateException("no");
          }
        };
    assertEquals(rude.getClass().getName(), Failures.describe(rude));
  }

  @Test
  void longDescriptionsAreCutAtThreeHundredCharsWithoutSplittingAPair() {
    String prefix = "java.lang.RuntimeException: "; // 28 chars
    String exact = "x".repeat(300 - prefix.length());
    assertEquals(prefix + exact, Failures.describe(new RuntimeException(exact)));
    String longer = exact + "y";
    assertEquals(prefix + exact + "...", Failures.describe(new RuntimeException(longer)));
    String pairAtTheCut = "x".repeat(299 - prefix.length()) + "\uD83D\uDE00z";
    assertEquals(
        prefix + "x".repeat(299 - prefix.length()) + "...",
        Failures.describe(new RuntimeException(pairAtTheCut)));
  }

  @Test
  void loneSurrogatesInMessagesAreReplaced() {
    assertEquals(
        "java.lang.RuntimeException: a\uFFFDb", Failures.describe(new RuntimeException("a\uD800b")));
  }

  @Test
  void onlyAJvmInDistressIsRethrown() {
    OutOfMemoryError oom = new OutOfMemoryError("heap");
    assertSame(oom, assertThrows(OutOfMemoryError.class, () -> Failures.rethrowIfFatal(oom)));
    InternalError internal = new InternalError("jvm");
    assertSame(internal, assertThrows(InternalError.class, () -> Failures.rethrowIfFatal(internal)));
    assertDoesNotThrow(() -> Failures.rethrowIfFatal(new StackOverflowError()));
    assertDoesNotThrow(() -> Failures.rethrowIfFatal(new AssertionError("bug")));
    assertDoesNotThrow(() -> Failures.rethrowIfFatal(new IllegalStateException()));
  }
}
