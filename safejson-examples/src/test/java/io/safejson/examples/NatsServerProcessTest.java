package io.safejson.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class NatsServerProcessTest {
  @TempDir Path dir;

  @Test
  void anOverrideThatIsNotAProgramFindsNothingRatherThanSearchingElsewhere() throws Exception {
    Path onPath = executable(dir.resolve("bin"));
    assertEquals(
        Optional.empty(), NatsServerProcess.find(dir.resolve("missing").toString(), onPath.getParent().toString()));
  }

  @Test
  void theProgramIsFoundOnPathBeforeDebiansLocation() throws Exception {
    Path onPath = executable(dir.resolve("bin"));
    String path = dir.resolve("empty") + File.pathSeparator + onPath.getParent();
    assertEquals(Optional.of(onPath), NatsServerProcess.find(null, path));
    assertEquals(Optional.of(onPath), NatsServerProcess.find(" ", path));
  }

  @Test
  void anOverrideNamingAProgramIsUsed() throws Exception {
    Path given = executable(dir.resolve("elsewhere"));
    assertEquals(Optional.of(given), NatsServerProcess.find(given.toString(), ""));
  }

  @Test
  void theInstallHintNamesDebiansPackage() {
    assertTrue(NatsServerProcess.INSTALL_HINT.contains("apt-get install nats-server"), NatsServerProcess.INSTALL_HINT);
  }

  private static Path executable(Path directory) throws Exception {
    Files.createDirectories(directory);
    Path program = Files.writeString(directory.resolve("nats-server"), "#!/bin/sh\n");
    assertTrue(program.toFile().setExecutable(true), "chmod +x " + program);
    return program;
  }
}
