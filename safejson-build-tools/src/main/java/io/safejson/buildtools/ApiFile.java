package io.safejson.buildtools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A module's committed API dump, {@code api/<module>.api}: compared with the dump of the module's compiled
 * classes in every build, and rewritten instead when the build runs with {@code -Dapi.update=true}.
 * Stateless; thread-safe.
 *
 * <pre>{@code
 * final class PublicApiTest {
 *   @Test
 *   void publicApiMatchesTheCommittedDump() {
 *     ApiFile.check("safejson-core", "io.safejson", "io.safejson.testing");
 *   }
 * }
 * }</pre>
 */
public final class ApiFile {

  /** The system property that makes {@link #check} rewrite the file instead of comparing. */
  public static final String UPDATE_PROPERTY = "api.update";

  private ApiFile() {}

  /**
   * Compares the dump of {@code target/classes} of the module the tests run in (surefire's {@code basedir})
   * with {@code api/<module>.api}; throws an {@link AssertionError} showing the diff and the update command
   * when they differ.
   */
  public static void check(String module, String... packages) {
    Path basedir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    String dump = PublicApi.dump(basedir.resolve("target/classes"), loader, Arrays.asList(packages));
    Path file = basedir.resolve("api").resolve(module + ".api");
    Optional<String> failure = compare(module, file, header(module) + dump, Boolean.getBoolean(UPDATE_PROPERTY));
    if (failure.isPresent()) {
      throw new AssertionError(failure.get());
    }
  }

  /**
   * Writes {@code dump} to {@code file} when {@code update}; otherwise the failure message if the file is
   * missing or differs.
   */
  static Optional<String> compare(String module, Path file, String dump, boolean update) {
    try {
      if (update) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, dump, StandardCharsets.UTF_8);
        return Optional.empty();
      }
      if (!Files.exists(file)) {
        return Optional.of("No committed API dump for " + module + " at " + file + ".\n"
            + "Write it, review it and commit it:\n" + updateCommand(module));
      }
      // Tolerates a checkout with Windows line ends.
      String committed = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
      if (committed.equals(dump)) {
        return Optional.empty();
      }
      String diff = LineDiff.of(lines(committed), lines(dump));
      return Optional.of("The public API of " + module + " differs from the committed " + file
          + " (- committed, + built):\n" + diff
          + "If the change is intended, rewrite the file and commit it with the change:\n" + updateCommand(module));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write " + file, e);
    }
  }

  private static List<String> lines(String text) {
    return Arrays.asList(text.split("\n", -1));
  }

  private static String header(String module) {
    return "# The public API of " + module + ", checked by its PublicApiTest in every build. Do not edit:\n"
        + "# after an intended change, regenerate with -D" + UPDATE_PROPERTY + "=true and commit it with the change.\n"
        + "\n";
  }

  private static String updateCommand(String module) {
    return "  ./mvnw -pl " + module + " -am test -Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false -D"
        + UPDATE_PROPERTY + "=true\n"
        + "(or add -D" + UPDATE_PROPERTY + "=true to any build that runs the tests).\n";
  }
}
