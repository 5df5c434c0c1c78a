package io.safejson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.safejson.buildtools.SourceSizes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core's main classes stay readable in one sitting: at most 400 lines a class, 60 a method. */
final class SourceSizesTest {
  @Test
  void noMainClassIsOver400LinesAndNoMethodOver60() {
    assertEquals(List.of(), SourceSizes.check(Path.of("src/main/java"), 400, 60, file -> true));
  }
}
