package io.safejson.buildtools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SourceSizesTest {

  private static String method(String name, int bodyLines) {
    return "  void " + name + "() {\n" + "    call();\n".repeat(bodyLines) + "  }\n";
  }

  @Test
  void aMethodOverTheLimitIsNamedWithItsLineAndSize(@TempDir Path root) throws IOException {
    String source =
        "package p;\n/** A { brace in a comment. */\nfinal class A {\n"
            + method("small", 3)
            + "  String s = \"}{\";\n  char c = '{';\n"
            + method("large", 8)
            + "}\n";
    Files.writeString(root.resolve("A.java"), source);
    assertEquals(
        List.of("A.java:11 method large has 10 lines (at most 9)"),
        SourceSizes.check(root, 100, 9, file -> true));
    assertEquals(List.of(), SourceSizes.check(root, 100, 10, file -> true));
  }

  @Test
  void aNestedClassCountsForItselfNotForItsEnclosingClass(@TempDir Path root) throws IOException {
    String source =
        "final class Outer {\n" // 1
            + "  static final class Inner {\n" // 2
            + method("a", 4) // 3-8
            + "  }\n" // 9
            + "  void lambdas() {\n    run(() -> {\n      x();\n    });\n    if (y) {\n      z();\n    }\n  }\n"
            + "}\n";
    Files.writeString(root.resolve("Outer.java"), source);
    assertEquals(
        List.of("Outer.java:1 class Outer has 10 lines (at most 7)", "Outer.java:2 class Inner has 8 lines (at most 7)"),
        SourceSizes.check(root, 7, 100, file -> true),
        "Outer spans 18 lines, 8 of them Inner's");
    assertEquals(List.of("Outer.java:10 method lambdas has 8 lines (at most 7)"),
        SourceSizes.check(root, 100, 7, file -> true));
  }

  @Test
  void enumConstantBodiesAndFieldInitializersAreNotMethods(@TempDir Path root) throws IOException {
    String source =
        "enum E {\n  A {\n    @Override\n    void m() {\n      x();\n    }\n  },\n  B {\n    void m() {\n      x();\n      y();\n    }\n  };\n"
            + "  static final int[] VALUES = {1,\n    2};\n  void m() {\n  }\n}\n";
    Files.writeString(root.resolve("E.java"), source);
    assertEquals(
        List.of("E.java:9 method m has 4 lines (at most 3)"),
        SourceSizes.check(root, 100, 3, file -> true),
        "the second constant's body is a class too");
    assertEquals(
        List.of("E.java:1 class E has 6 lines (at most 5)"),
        SourceSizes.check(root, 5, 4, file -> true).stream().filter(p -> p.contains("class E ")).toList(),
        "E spans 18 lines, 6 of them the body of constant A and 6 that of B");
  }
}
