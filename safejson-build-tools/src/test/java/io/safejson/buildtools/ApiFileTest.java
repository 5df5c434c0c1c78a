package io.safejson.buildtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ApiFileTest {

  @TempDir Path dir;

  @Test
  void matchingFilePasses() throws IOException {
    Path file = dir.resolve("m.api");
    Files.writeString(file, "class A {\n}\n");

    assertEquals(Optional.empty(), ApiFile.compare("m", file, "class A {\n}\n", false));
  }

  @Test
  void fileWithWindowsLineEndsStillMatches() throws IOException {
    Path file = dir.resolve("m.api");
    Files.writeString(file, "class A {\r\n}\r\n");

    assertEquals(Optional.empty(), ApiFile.compare("m", file, "class A {\n}\n", false));
  }

  @Test
  void differenceFailsWithTheDiffAndTheUpdateCommand() throws IOException {
    Path file = dir.resolve("m.api");
    Files.writeString(file, "class A {\n  void a()\n}\n");

    String message = ApiFile.compare("m", file, "class A {\n  void b()\n}\n", false).orElseThrow();

    assertTrue(message.contains("The public API of m differs from the committed " + file), message);
    assertTrue(message.contains("\n  class A {\n-   void a()\n+   void b()\n  }\n"), message);
    assertTrue(message.contains("./mvnw -pl m -am test -Dtest=PublicApiTest"
        + " -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true"), message);
    assertEquals("class A {\n  void a()\n}\n", Files.readString(file), "a failed check leaves the file");
  }

  @Test
  void missingFileFailsWithTheUpdateCommand() {
    Path file = dir.resolve("api/m.api");

    String message = ApiFile.compare("m", file, "class A {\n}\n", false).orElseThrow();

    assertTrue(message.startsWith("No committed API dump for m at " + file), message);
    assertTrue(message.contains("-Dapi.update=true"), message);
  }

  @Test
  void updateWritesTheDumpCreatingTheDirectory() throws IOException {
    Path file = dir.resolve("api/m.api");

    assertEquals(Optional.empty(), ApiFile.compare("m", file, "class A {\n}\n", true));
    assertEquals("class A {\n}\n", Files.readString(file));
  }
}
