package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.safejson.Incident;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One call's state: where depth counts from, the budget, and where incidents go. */
final class WriteSessionTest {
  private static final Incident INCIDENT =
      new Incident("$", Incident.Kind.CYCLE, "t", "repeats an enclosing value");

  private static JsonGenerator generator() throws IOException {
    return new JsonFactory().createGenerator(new StringWriter());
  }

  @Test
  void incidentsAreKeptOnlyWhenAskedAndAlwaysGoToTheListener() throws IOException {
    List<Incident> heard = new ArrayList<>();
    WriteSession keeping = new WriteSession(generator(), heard::add, true);
    assertEquals(List.of(), keeping.incidents());
    keeping.report(INCIDENT);
    keeping.report(INCIDENT);
    assertEquals(List.of(INCIDENT, INCIDENT), keeping.incidents());
    WriteSession passing = new WriteSession(generator(), heard::add, false);
    passing.report(INCIDENT);
    assertEquals(List.of(), passing.incidents());
    assertEquals(3, heard.size());
    new WriteSession(generator(), null, false).report(INCIDENT);
  }

  @Test
  void aListenerFailureIsIgnoredUnlessTheJvmIsInDistress() throws IOException {
    WriteSession buggy =
        new WriteSession(
            generator(),
            incident -> {
              throw new AssertionError("listener bug");
            },
            true);
    buggy.report(INCIDENT);
    assertEquals(List.of(INCIDENT), buggy.incidents(), "kept although the listener failed");
    OutOfMemoryError oom = new OutOfMemoryError();
    WriteSession starving =
        new WriteSession(
            generator(),
            incident -> {
              throw oom;
            },
            false);
    assertSame(oom, assertThrows(OutOfMemoryError.class, () -> starving.report(INCIDENT)));
  }

  @Test
  void restartCountsDepthFromTheGeneratorsPositionWithAFreshBudget() throws IOException {
    JsonGenerator g = generator();
    WriteSession session = new WriteSession(g, null, false);
    assertEquals(0, session.baseDepth);
    assertFalse(session.exhausted());
    g.writeStartArray();
    g.writeStartArray();
    session.valuesLeft = -1;
    session.overBudgetReported = true;
    assertTrue(session.exhausted());
    session.restart(5);
    assertEquals(2, session.baseDepth);
    assertEquals(5, session.valuesLeft);
    assertFalse(session.overBudgetReported);
    session.valuesLeft = 0;
    assertFalse(session.exhausted(), "the last value may still be written");
    assertEquals(2, new WriteSession(g, null, false).baseDepth);
  }

  @Test
  void theScratchBufferIsMadeOnceAndFitsEveryFormatAndShortStrings() throws IOException {
    WriteSession session = new WriteSession(generator(), null, false);
    char[] scratch = session.scratch();
    assertEquals(WriteSession.SCRATCH_CHARS, scratch.length);
    assertTrue(scratch.length >= CharFormats.MAX_CHARS);
    assertSame(scratch, session.scratch());
  }
}
