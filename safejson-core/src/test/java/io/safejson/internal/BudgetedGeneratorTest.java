package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every way of opening a container or naming a field spends one unit of the budget. */
final class BudgetedGeneratorTest {

  private interface Write {
    void to(JsonGenerator g) throws IOException;
  }

  /** Runs {@code open} on a generator with a budget of one, inside an object: once fine, then over. */
  @SuppressWarnings("deprecation")
  private static final List<Write> SPENDERS =
      List.of(
          g -> g.writeStartArray(),
          g -> g.writeStartArray(2),
          g -> g.writeStartArray((Object) null),
          g -> g.writeStartArray(null, 2),
          g -> g.writeStartObject(),
          g -> g.writeStartObject((Object) null),
          g -> g.writeStartObject(null, 2));

  /** A generator spending from a session that has {@code left} values left. */
  private static BudgetedGenerator budgeted(JsonGenerator target, int left) {
    WriteSession session = new WriteSession(target, null, false);
    session.valuesLeft = left;
    return new BudgetedGenerator(target, session);
  }

  @Test
  void everyContainerOpeningSpendsOneUnit() throws IOException {
    for (int i = 0; i < SPENDERS.size(); i++) {
      Write open = SPENDERS.get(i);
      StringWriter out = new StringWriter();
      try (JsonGenerator target = new JsonFactory().createGenerator(out)) {
        target.writeStartArray();
        BudgetedGenerator budgeted = budgeted(target, 1);
        open.to(budgeted);
        Executable again = () -> open.to(budgeted);
        IOException over = assertThrows(IOException.class, again, "opening #" + i);
        assertTrue(budgeted.spent(), "opening #" + i);
        assertEquals("maxValues reached inside a Jackson serializer", over.getMessage());
      }
    }
  }

  @Test
  void everyFieldNameSpendsOneUnit() throws IOException {
    List<Write> names =
        List.of(
            g -> g.writeFieldName("a"),
            g -> g.writeFieldName(new SerializedString("a")),
            g -> g.writeFieldId(7));
    for (Write name : names) {
      try (JsonGenerator target = new JsonFactory().createGenerator(new StringWriter())) {
        target.writeStartObject();
        BudgetedGenerator budgeted = budgeted(target, 1);
        name.to(budgeted);
        budgeted.writeNumber(1); // values inside a container are counted by the walker, not here
        assertThrows(IOException.class, () -> name.to(budgeted));
      }
    }
  }

  @Test
  void aBudgetOfNoneRefusesTheFirstContainer() throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator target = new JsonFactory().createGenerator(out)) {
      BudgetedGenerator budgeted = budgeted(target, 0);
      budgeted.writeString("scalars are free");
      assertThrows(IOException.class, budgeted::writeStartArray);
    }
    assertEquals("\"scalars are free\"", out.toString());
  }

  @Test
  void theBudgetIsSpentFromTheSessionAndGivenBackByRefund() throws IOException {
    try (JsonGenerator target = new JsonFactory().createGenerator(new StringWriter())) {
      WriteSession session = new WriteSession(target, null, false);
      session.valuesLeft = 2;
      BudgetedGenerator budgeted = new BudgetedGenerator(target, session);
      budgeted.writeStartArray();
      assertEquals(1, session.valuesLeft, "spent from the session's one count");
      assertFalse(budgeted.spent());
      budgeted.writeStartArray();
      assertThrows(IOException.class, budgeted::writeStartArray);
      assertTrue(budgeted.spent(), "known without looking at the exception");
      budgeted.refund();
      assertEquals(2, session.valuesLeft, "the walker counts the replayed values itself");
    }
  }
}
