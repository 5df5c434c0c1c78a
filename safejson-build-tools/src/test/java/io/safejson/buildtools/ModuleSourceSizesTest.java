package io.safejson.buildtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every published module's main code stays readable in one sitting: at most 400 lines a class and 60 a method
 * (issue 11), checked from the repository root over each module that has a committed API dump.
 */
final class ModuleSourceSizesTest {
  @Test
  void noPublishedModuleHasAMainClassOver400LinesOrAMethodOver60() throws IOException {
    List<String> problems = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    try (Stream<Path> modules = Files.list(Path.of("..").toAbsolutePath().normalize())) {
      for (Path module : modules.sorted().toList()) {
        Path sources = module.resolve("src/main/java");
        if (Files.isDirectory(module.resolve("api")) && Files.isDirectory(sources)) {
          checked.add(module.getFileName().toString());
          for (String problem : SourceSizes.check(sources, 400, 60, file -> true)) {
            problems.add(module.getFileName() + ": " + problem);
          }
        }
      }
    }
    assertTrue(checked.contains("safejson-core") && checked.contains("safejson-logging"), "modules found: " + checked);
    assertEquals(List.of(), problems);
  }
}
