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
  void changedLineShowsAsRemovedThenAddedWithTwoLinesOfContextUnderItsType() {
    List<String> before = List.of("class A {", "  a()", "  b()", "  c()", "  old()", "  d()", "  e()", "  f()", "}");
    List<String> after = List.of("class A {", "  a()", "  b()", "  c()", "  new()", "  d()", "  e()", "  f()", "}");

    assertEquals("@@ class A {\n    b()\n    c()\n-   old()\n+   new()\n    d()\n    e()\n",
        LineDiff.of(before, after));
  }

  @Test
  void distantChangesAreSeparateHunks() {
    List<String> before = List.of("gone", "class A {", "  1", "  2", "  3", "  4", "}");
    List<String> after = List.of("class A {", "  1", "  2", "  3", "  4", "}", "class B {");

    assertEquals("@@\n- gone\n  class A {\n    1\n@@ class A {\n    4\n  }\n+ class B {\n",
        LineDiff.of(before, after));
  }
}
