package io.safejson.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.safejson.buildtools.FuzzInput;
import io.safejson.testing.internal.StrictJsonChecker;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link SafeJsonAssertions#assertValidJson}: it throws nothing but {@link AssertionError}, and that
 * exactly when the strict checker refuses the text (whose agreement with Jackson is fuzzed by {@code
 * StrictJsonCheckerFuzzTest}).
 */
final class SafeJsonAssertionsFuzzTest {
  @FuzzTest
  @Timeout(10)
  void assertValidJsonFailsOnlyWithAnAssertionErrorAndOnlyOnInvalidText(byte[] input) {
    String text = FuzzInput.text(input);
    boolean valid = StrictJsonChecker.check(text) == null;
    AssertionError failure = null;
    try {
      SafeJsonAssertions.assertValidJson(text);
    } catch (AssertionError e) {
      failure = e;
    }
    assertEquals(valid, failure == null, () -> "checker says valid=" + valid + " for " + text);
    if (failure != null) {
      String message = failure.getMessage();
      assertTrue(message.startsWith("Invalid JSON: $"), message);
      assertTrue(message.contains("\n  input: "), message);
      assertTrue(!FuzzInput.hasLoneSurrogate(message), () -> "the report carries a lone surrogate: " + message);
    }
  }
}
