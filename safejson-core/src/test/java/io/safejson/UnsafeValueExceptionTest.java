package io.safejson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict mode's exception: its message, its incidents and the JSON it still carries. */
final class UnsafeValueExceptionTest {
  private static final Incident NAN =
      new Incident("$[0]", Incident.Kind.NON_FINITE, "java.lang.Double", "NaN written as null");
  private static final Incident CUT =
      new Incident("$[1]", Incident.Kind.TRUNCATED, "java.lang.String", "kept 16 of 17 chars");

  @Test
  void theMessageCountsAndListsEveryIncident() {
    assertEquals(
        "1 incident while serializing to JSON:\n  $[0] NON_FINITE java.lang.Double: NaN written as null",
        new UnsafeValueException(List.of(NAN), "[null]").getMessage());
    assertEquals(
        "2 incidents while serializing to JSON:\n"
            + "  $[0] NON_FINITE java.lang.Double: NaN written as null\n"
            + "  $[1] TRUNCATED java.lang.String: kept 16 of 17 chars",
        new UnsafeValueException(List.of(NAN, CUT), "[]").getMessage());
  }

  @Test
  void itKeepsACopyOfTheIncidentsAndTheJson() {
    List<Incident> incidents = new ArrayList<>(List.of(NAN));
    UnsafeValueException exception = new UnsafeValueException(incidents, "[null]");
    incidents.add(CUT);
    assertEquals(List.of(NAN), exception.incidents());
    assertEquals("[null]", exception.json());
  }

  @Test
  void strictSerializationThrowsItWithTheLenientJson() {
    SafeSerializer json = SafeSerializer.builder().maxStringLength(16).build();
    UnsafeValueException exception =
        assertThrows(
            UnsafeValueException.class, () -> json.toJsonStrict(List.of(Double.NaN, "abcdefghijklmnopq")));
    assertEquals(List.of(NAN, CUT), exception.incidents());
    assertEquals("[null,\"abcdefghijklmnop...[TRUNCATED]\"]", exception.json());
    assertTrue(exception.getMessage().startsWith("2 incidents"), exception.getMessage());
    assertEquals("[1]", json.toJsonStrict(List.of(1)));
  }
}
