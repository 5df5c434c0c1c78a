package io.safejson.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Writes benchmark tables into the README between its markers, so that no table is ever pasted by hand.
 *
 * <p>The README holds one region, {@value #BEGIN} ... {@value #END}, and inside it one block per benchmark
 * class, {@code <!-- table:EncoderBenchmark -->} ... {@code <!-- /table:EncoderBenchmark -->}. Updating a class
 * replaces only the text between its own two markers; prose between the blocks and the other classes' tables
 * stay as they are. A class without a block yet gets one, under a {@code ###} heading, at the end of the
 * region. Stateless; thread-safe.
 */
final class ReadmeTables {
  static final String BEGIN = "<!-- benchmark-table -->";
  static final String END = "<!-- /benchmark-table -->";

  private ReadmeTables() {}

  static String beginOf(String table) {
    return "<!-- table:" + table + " -->";
  }

  static String endOf(String table) {
    return "<!-- /table:" + table + " -->";
  }

  /**
   * Writes the tables of every fully run class in {@code results} into the README file (through a temporary
   * file, so a failure leaves the old README whole) and says what it did on standard error.
   *
   * @return false if the README's markers are broken (it is then left as it was)
   */
  static boolean write(Path readme, JsonNode root, List<ResultTable.Result> results, String candidate, String command)
      throws IOException {
    Map<String, String> tables = readmeTables(
        results, candidate, runLine(root, LocalDate.now(ZoneOffset.UTC), command), System.err::println);
    if (tables.isEmpty()) {
      System.err.println(readme + ": not updated (no benchmark class ran completely)");
      return true;
    }
    String after;
    try {
      after = update(Files.readString(readme, StandardCharsets.UTF_8), tables);
    } catch (IllegalArgumentException e) {
      System.err.println(readme + ": not updated: " + e.getMessage());
      return false;
    }
    Path temporary = readme.resolveSibling(readme.getFileName() + ".tmp");
    Files.writeString(temporary, after, StandardCharsets.UTF_8);
    Files.move(temporary, readme, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.err.println(readme + ": wrote the table of " + String.join(", ", tables.keySet()));
    return true;
  }

  /**
   * The README table of each benchmark class whose every {@code @Benchmark} method has a result (a run of part
   * of a class would otherwise replace its full table with a partial one), by simple class name; each class left
   * out is named to {@code report}.
   */
  static Map<String, String> readmeTables(
      List<ResultTable.Result> results, String candidate, String runLine, Consumer<String> report) {
    Map<String, List<ResultTable.Result>> byClass = new LinkedHashMap<>();
    for (ResultTable.Result result : results) {
      byClass.computeIfAbsent(result.className(), c -> new ArrayList<>()).add(result);
    }
    Map<String, String> tables = new LinkedHashMap<>();
    for (Map.Entry<String, List<ResultTable.Result>> entry : byClass.entrySet()) {
      String simpleName = entry.getKey().substring(entry.getKey().lastIndexOf('.') + 1);
      Set<String> missing = benchmarkMethods(entry.getKey());
      entry.getValue().forEach(result -> missing.remove(result.method()));
      if (!missing.isEmpty()) {
        report.accept("README table " + simpleName + " kept: no result for " + missing);
        continue;
      }
      String table = ComparisonTable.layoutFor(entry.getKey())
          .map(layout -> ComparisonTable.render(entry.getValue(), layout))
          .orElseGet(() -> ResultTable.render(entry.getValue(), candidate));
      tables.put(simpleName, table + "\n" + runLine + "\n");
    }
    return tables;
  }

  /** The names of a class's {@code @Benchmark} methods, or none if the class is not on the class path. */
  private static Set<String> benchmarkMethods(String className) {
    Set<String> names = new LinkedHashSet<>();
    try {
      for (Method method : Class.forName(className, false, ReadmeTables.class.getClassLoader()).getMethods()) {
        if (method.isAnnotationPresent(Benchmark.class)) {
          names.add(method.getName());
        }
      }
    } catch (ClassNotFoundException e) {
      // a result file from another build: nothing to check against
    }
    return names;
  }

  /** "Run 2026-11-30, OpenJDK ... 17.0.15, Jackson ...: `command`, 2 forks, ..." from the first result's settings. */
  static String runLine(JsonNode root, LocalDate date, String command) {
    JsonNode first = root.path(0);
    return "Run " + date + ", " + first.path("vmName").asText("JVM") + " " + first.path("jdkVersion").asText("?")
        + ", Jackson " + version("com.fasterxml.jackson.core", "jackson-databind")
        + ", Logback " + version("ch.qos.logback", "logback-classic")
        + ", logstash-logback-encoder " + version("net.logstash.logback", "logstash-logback-encoder")
        + (ran(root, KafkaSerializerBenchmark.class)
            ? ", Spring Kafka " + builtWith("spring-kafka") + ", kafka-clients " + builtWith("kafka-clients")
            : "")
        + (ran(root, BootFormatterBenchmark.class) ? ", Spring Boot " + builtWith("spring-boot") : "")
        + (ran(root, Jackson3WriterBenchmark.class) || ran(root, KafkaSerializerBenchmark.class)
            ? ", Jackson 3 " + version("tools.jackson.core", "jackson-databind")
            : "")
        + ": `" + command + "` (JMH " + first.path("jmhVersion").asText("?") + ", "
        + first.path("forks").asText("?") + " forks, "
        + first.path("warmupIterations").asText("?") + " × " + first.path("warmupTime").asText("?") + " warm-up, "
        + first.path("measurementIterations").asText("?") + " × " + first.path("measurementTime").asText("?")
        + " measured, `-prof gc`).";
  }

  /** Whether any result in the JMH output is a benchmark of {@code type}. */
  private static boolean ran(JsonNode root, Class<?> type) {
    for (JsonNode node : root) {
      if (node.path("benchmark").asText().startsWith(type.getName() + ".")) {
        return true;
      }
    }
    return false;
  }

  /** A version the build wrote into {@code versions.properties} (for jars without Maven metadata), or "?". */
  private static String builtWith(String library) {
    try (InputStream in = ReadmeTables.class.getResourceAsStream("versions.properties")) {
      if (in == null) {
        return "?";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty(library, "?");
    } catch (IOException e) {
      return "?";
    }
  }

  /** A dependency's version from the Maven metadata the shaded jar keeps, or "?". */
  private static String version(String groupId, String artifactId) {
    String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    try (InputStream in = ReadmeTables.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "?";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "?");
    } catch (IOException e) {
      return "?";
    }
  }

  /**
   * Returns {@code readme} with the block of each table named in {@code tables} (simple class name to Markdown)
   * replaced by that Markdown; all other text is kept character for character.
   *
   * @throws IllegalArgumentException if the region's markers are missing or repeated, or a table's markers are
   *     unpaired or outside the region; the README must then be fixed by hand, and nothing is written
   */
  static String update(String readme, Map<String, String> tables) {
    String text = readme;
    for (Map.Entry<String, String> table : tables.entrySet()) {
      text = update(text, table.getKey(), table.getValue());
    }
    return text;
  }

  private static String update(String readme, String table, String markdown) {
    int regionStart = single(readme, BEGIN);
    int regionEnd = single(readme, END);
    if (regionEnd < regionStart) {
      throw new IllegalArgumentException(END + " comes before " + BEGIN);
    }
    String content = "\n" + (markdown.endsWith("\n") ? markdown : markdown + "\n");
    String begin = beginOf(table);
    String end = endOf(table);
    int blockStart = readme.indexOf(begin);
    int blockEnd = readme.indexOf(end);
    if (blockStart < 0 && blockEnd < 0) {
      String before = readme.substring(0, regionEnd);
      String gap = before.endsWith("\n\n") || before.endsWith(BEGIN + "\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
      return before + gap + "### " + table + "\n\n" + begin + content + end + "\n" + readme.substring(regionEnd);
    }
    if (blockStart < 0 || blockEnd < blockStart
        || readme.indexOf(begin, blockStart + 1) >= 0 || readme.indexOf(end, blockEnd + 1) >= 0) {
      throw new IllegalArgumentException("the README needs exactly one " + begin + " followed by one " + end);
    }
    if (blockStart < regionStart || blockEnd > regionEnd) {
      throw new IllegalArgumentException(begin + " ... " + end + " must lie between " + BEGIN + " and " + END);
    }
    return readme.substring(0, blockStart + begin.length()) + content + readme.substring(blockEnd);
  }

  private static int single(String readme, String marker) {
    int at = readme.indexOf(marker);
    if (at < 0 || readme.indexOf(marker, at + 1) >= 0) {
      throw new IllegalArgumentException("the README needs exactly one " + marker);
    }
    return at;
  }
}
