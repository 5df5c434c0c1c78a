package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The per-object name set: add reports repeats, it grows past its first size, clear empties it for reuse. */
final class NameTableTest {
  @Test
  void repeatsAreReportedBeforeAndAfterGrowing() {
    NameTable table = new NameTable();
    for (int i = 0; i < 200; i++) {
      assertTrue(table.add("name" + i), "first time: name" + i);
      assertFalse(table.add("name" + i), "second time: name" + i);
    }
    for (int i = 0; i < 200; i++) {
      assertTrue(table.contains("name" + i), "kept after growing: name" + i);
      assertFalse(table.add("name" + i));
    }
    assertFalse(table.contains("name200"));
  }

  @Test
  void clearEmptiesTheTableForTheNextLine() {
    NameTable table = new NameTable();
    for (int i = 0; i < 100; i++) {
      table.add("k" + i);
    }
    table.clear();
    for (int i = 0; i < 100; i++) {
      assertFalse(table.contains("k" + i), "cleared: k" + i);
    }
    for (int i = 0; i < 100; i++) {
      assertTrue(table.add("k" + i), "added again: k" + i);
    }
  }

  @Test
  void namesWithTheSameHashAreToldApart() {
    NameTable table = new NameTable();
    assertTrue(table.add("Aa"));
    assertTrue(table.add("BB"), "\"Aa\" and \"BB\" share a hash code");
    assertTrue(table.contains("Aa") && table.contains("BB"));
    assertFalse(table.add("BB"));
  }
}
