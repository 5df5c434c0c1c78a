package io.safejson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.safejson.buildtools.SourceSizes;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The core's main classes stay readable in one sitting: at most 400 lines a class, 60 a method. */
final class SourceSizesTest {
  /** The test support that moves to its own artifact (issue 11); it leaves this check with the move. */
  private static final Set<String> MOVING =
      Set.of("io/safejson/internal/StrictJsonChecker.java", "io/safejson/internal/JsonComparison.java");

  @Test
  void noMainClassIsOver400LinesAndNoMethodOver60() {
    List<String> problems =
        SourceSizes.check(
            Path.of("src/main/java"),
            400,
            60,
            file -> !MOVING.contains(file.toString().replace('\\', '/'))
                && !file.startsWith(Path.of("io", "safejson", "testing")));
    assertEquals(List.of(), problems);
  }
}
