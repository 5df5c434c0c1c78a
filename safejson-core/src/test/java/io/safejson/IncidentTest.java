package io.safejson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** An incident's one-line form and its required parts. */
final class IncidentTest {
  private static final Incident CUT =
      new Incident("$[1]", Incident.Kind.TRUNCATED, "java.lang.String", "kept 16 of 17 chars");

  @Test
  void incidentsPrintAsOneLineAndRefuseNulls() {
    assertEquals("$[1] TRUNCATED java.lang.String: kept 16 of 17 chars", CUT.toString());
    assertEquals("path", assertThrows(NullPointerException.class, () -> new Incident(null, Incident.Kind.CYCLE, "t", "d")).getMessage());
    assertEquals("kind", assertThrows(NullPointerException.class, () -> new Incident("$", null, "t", "d")).getMessage());
    assertEquals("type", assertThrows(NullPointerException.class, () -> new Incident("$", Incident.Kind.CYCLE, null, "d")).getMessage());
    assertEquals("detail", assertThrows(NullPointerException.class, () -> new Incident("$", Incident.Kind.CYCLE, "t", null)).getMessage());
  }
}
