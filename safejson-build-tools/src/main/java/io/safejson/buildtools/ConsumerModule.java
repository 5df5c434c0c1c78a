package io.safejson.buildtools;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A service's own named module, written as source in a test, compiled against the module path the tests run on
 * and launched with {@code java --module-path ... -m}: what a modular application sees of a module's
 * {@code module-info}, exports, requires and qualified exports. Needs surefire's module path
 * ({@code useModulePath}), which it reads from {@code jdk.module.path}. Not thread-safe; one per test.
 *
 * <pre>{@code
 * ConsumerModule app = ConsumerModule.named("example.app")
 *     .source("module-info.java", "module example.app { requires io.safejson; }")
 *     .source("example/app/Main.java", "package example.app; ...");
 * assertEquals("", app.compile());
 * assertEquals("{\"a\":1}\n", app.run("example.app.Main"));
 * }</pre>
 */
public final class ConsumerModule {
  private static final long RUN_SECONDS = 60;

  private final String name;
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Path root;

  private ConsumerModule(String name, Path root) {
    this.name = name;
    this.root = root;
  }

  /** A new consumer module in a fresh directory under {@code target/}. */
  public static ConsumerModule named(String name) {
    try {
      Path basedir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
      Path target = Files.createDirectories(basedir.resolve("target"));
      return new ConsumerModule(name, Files.createTempDirectory(target, "consumer-" + name + "-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The module path the tests run on: surefire's, with {@code useModulePath} on; null on the class path. */
  public static String testModulePath() {
    return System.getProperty("jdk.module.path");
  }

  /**
   * Compiles a module {@code example.sneaky} that requires {@code module} and names {@code type}; returns javac's
   * diagnostics, which say the type's package is not exported when the module-info keeps it in.
   */
  public static String compileAgainst(String module, String type) {
    return named("example.sneaky")
        .source("module-info.java", "module example.sneaky {\n  requires " + module + ";\n}\n")
        .source(
            "example/sneaky/Main.java",
            "package example.sneaky;\n\npublic final class Main {\n  Class<?> type = " + type + ".class;\n}\n")
        .compile();
  }

  /** Adds a source file, {@code path} relative to the module's source root. */
  public ConsumerModule source(String path, String text) {
    sources.put(path, text);
    return this;
  }

  /** Compiles the sources against {@link #testModulePath()}; returns javac's diagnostics, empty on success. */
  public String compile() {
    String modulePath = requireModulePath();
    try {
      List<String> arguments = new ArrayList<>(List.of("--module-path", modulePath, "-d", classes().toString()));
      for (Map.Entry<String, String> source : sources.entrySet()) {
        Path file = root.resolve("src").resolve(source.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
        arguments.add(file.toString());
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
      int status = javac.run(null, diagnostics, diagnostics, arguments.toArray(new String[0]));
      String text = diagnostics.toString(StandardCharsets.UTF_8);
      return status == 0 ? "" : (text.isEmpty() ? "javac exit " + status : text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code mainClass} of the compiled module in a new JVM on {@link #testModulePath()} plus the module;
   * returns its standard output, and throws an {@link AssertionError} with its error output when it fails.
   */
  public String run(String mainClass, String... jvmOptions) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(List.of(jvmOptions));
    command.addAll(
        List.of("--module-path", classes() + File.pathSeparator + requireModulePath(), "-m", name + "/" + mainClass));
    try {
      Path stdout = root.resolve("stdout.txt");
      Path stderr = root.resolve("stderr.txt");
      Process process =
          new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
      if (!process.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(name + " did not finish in " + RUN_SECONDS + " s");
      }
      String err = Files.readString(stderr, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + err);
      }
      return Files.readString(stdout, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private Path classes() {
    return root.resolve("classes");
  }

  private static String requireModulePath() {
    String modulePath = testModulePath();
    if (modulePath == null || modulePath.isEmpty()) {
      throw new AssertionError("no module path: run this test in the module-path execution (useModulePath)");
    }
    return modulePath;
  }
}
