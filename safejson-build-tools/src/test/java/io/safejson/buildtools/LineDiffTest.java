package io.safejson.buildtools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

final class LineDiffTest {

  @Test
  void equalTextsHaveAnEmptyDiff() {
    assertEquals("", LineDiff.of(List.of("a", "b"), List.of("a", "b")));
  }

  @Test
  void changedLineShowsAsRemovedThenAddedWithTwoLinesOfContext() {
    List<String> before = List.of("1", "2", "3", "old", "4", "5", "6");
    List<String> after = List.of("1", "2", "3", "new", "4", "5", "6");

    assertEquals("  2\n  3\n- old\n+ new\n  4\n  5\n", LineDiff.of(before, after));
  }

  @Test
  void distantChangesAreSeparatedByAnEllipsis() {
    List<String> before = List.of("a", "1", "2", "3", "4", "5", "6");
    List<String> after = List.of("1", "2", "3", "4", "5", "6", "z");

    assertEquals("- a\n  1\n  2\n  ...\n  5\n  6\n+ z\n", LineDiff.of(before, after));
  }
}
