package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The line buffer: exactly {@code limit} bytes fit, one more fails and keeps failing until the next reset. */
final class CappedOutputStreamTest {
  @Test
  void exactlyTheLimitFitsAndOneByteMoreFailsForGood() throws Exception {
    CappedOutputStream out = new CappedOutputStream();
    out.reset(20_000);
    byte[] bytes = new byte[19_999];
    Arrays.fill(bytes, (byte) 'x');
    out.write(bytes, 0, bytes.length); // past the initial 8 KiB buffer
    out.write('y');
    assertEquals(20_000, out.size());
    assertFalse(out.overflowed());
    assertThrows(CappedOutputStream.LineTooLongException.class, () -> out.write('z'));
    assertTrue(out.overflowed());
    assertThrows(CappedOutputStream.LineTooLongException.class, () -> out.write(new byte[0], 0, 0),
        "once over, every write fails");
    byte[] line = out.toLine();
    assertEquals(20_001, line.length);
    assertEquals('y', line[19_999]);
    assertEquals('\n', line[20_000]);
    out.reset(5);
    assertFalse(out.overflowed());
    assertEquals(0, out.size());
    out.write(new byte[] {'a', 'b', 'c', 'd', 'e', 'f'}, 1, 5);
    assertArrayEquals(new byte[] {'b', 'c', 'd', 'e', 'f', '\n'}, out.toLine());
  }

  @Test
  void aShrunkBufferStillHoldsTheNextLine() throws Exception {
    CappedOutputStream out = new CappedOutputStream();
    out.reset(100_000);
    out.write(new byte[90_000], 0, 90_000);
    out.shrinkTo(64 * 1024);
    out.reset(100_000);
    out.write(new byte[] {'o', 'k'}, 0, 2);
    assertArrayEquals(new byte[] {'o', 'k', '\n'}, out.toLine());
  }

  @Test
  void theFailureHasNoStackTraceToFill() {
    CappedOutputStream.LineTooLongException e = new CappedOutputStream.LineTooLongException();
    assertEquals("line exceeds maxEventBytes", e.getMessage());
    assertEquals(0, e.getStackTrace().length, "control flow: no stack trace is captured");
  }
}
