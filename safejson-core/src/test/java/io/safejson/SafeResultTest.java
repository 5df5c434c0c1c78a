package io.safejson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A result's copy of its incidents and what clean means. */
final class SafeResultTest {
  private static final Incident NAN =
      new Incident("$[0]", Incident.Kind.NON_FINITE, "java.lang.Double", "NaN written as null");

  @Test
  void aResultIsCleanOnlyWithoutIncidentsAndKeepsItsOwnCopy() {
    List<Incident> incidents = new ArrayList<>();
    SafeResult clean = new SafeResult("1", incidents);
    incidents.add(NAN);
    assertTrue(clean.isClean());
    assertEquals(List.of(), clean.incidents());
    SafeResult fixed = new SafeResult("[null]", incidents);
    assertEquals(false, fixed.isClean());
    assertEquals("json", assertThrows(NullPointerException.class, () -> new SafeResult(null, List.of())).getMessage());
  }
}
