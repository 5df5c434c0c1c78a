package io.safejson.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints a Markdown table from a JMH JSON result file: score, allocation per operation and, for paired
 * benchmarks, the candidate's throughput and allocation relative to each baseline.
 *
 * <p>Pairing is by method name within one benchmark class (and the same mode and {@code @Param} values): the
 * candidate is {@code <candidate><Case>} (prefix {@value #DEFAULT_CANDIDATE} unless {@code --candidate=PREFIX}
 * is given) and every other method named {@code <baseline><Case>}, where the baseline prefix is a lower-case
 * word such as {@code jackson}, {@code gson}, {@code logstash} or {@code logback}, is a baseline for it.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.safejson.benchmarks.ResultTable [--candidate=PREFIX] result.json}
 */
public final class ResultTable {
  /** The candidate prefix used when none is given. */
  public static final String DEFAULT_CANDIDATE = "safeJson";

  private static final Pattern BASELINE_NAME = Pattern.compile("([a-z][a-z0-9]*)([A-Z].*)");
  private static final String ALLOC_NORM = "gc.alloc.rate.norm";

  private ResultTable() {}

  /**
   * Reads the JMH JSON file named by the last argument and prints the table to standard output; with
   * {@code --readme=README.md} also writes each fully run benchmark class's table between the README's markers
   * (see {@link ReadmeTables}), with a line naming the date, JDK, libraries and {@code --command=TEXT}.
   */
  public static void main(String[] args) throws IOException {
    String candidate = DEFAULT_CANDIDATE;
    Path file = null;
    Path readme = null;
    String command = "java -jar safejson-benchmarks/target/benchmarks.jar";
    for (String arg : args) {
      if (arg.startsWith("--candidate=")) {
        candidate = arg.substring("--candidate=".length());
      } else if (arg.startsWith("--readme=")) {
        readme = Path.of(arg.substring("--readme=".length()));
      } else if (arg.startsWith("--command=")) {
        command = arg.substring("--command=".length());
      } else {
        file = Path.of(arg);
      }
    }
    if (file == null || !Files.isRegularFile(file)) {
      System.err.println("usage: ResultTable [--candidate=PREFIX] [--readme=README.md [--command=TEXT]] jmh-result.json"
          + (file == null ? "" : " (no such file: " + file + ")"));
      System.exit(2);
      return;
    }
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    List<Result> results = read(root);
    // UTF-8 regardless of the platform locale, for the "±" in scores.
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    out.print(render(results, candidate));
    out.flush();
    if (readme != null && !ReadmeTables.write(readme, root, results, candidate, command)) {
      System.exit(1);
    }
  }

  /** One benchmark result: where it came from, its primary score and its normalized allocation rate. */
  record Result(
      String className,
      String method,
      String params,
      String mode,
      double score,
      double error,
      String unit,
      double bytesPerOp) {}

  /** Converts JMH's JSON array into results, in file order. */
  static List<Result> read(JsonNode root) {
    List<Result> results = new ArrayList<>();
    for (JsonNode node : root) {
      String name = node.path("benchmark").asText();
      int dot = name.lastIndexOf('.');
      StringJoiner params = new StringJoiner(", ", "[", "]").setEmptyValue("");
      for (Map.Entry<String, JsonNode> param : node.path("params").properties()) {
        params.add(param.getKey() + "=" + param.getValue().asText());
      }
      JsonNode primary = node.path("primaryMetric");
      double bytesPerOp = Double.NaN;
      for (Map.Entry<String, JsonNode> metric : node.path("secondaryMetrics").properties()) {
        // Older JMH versions prefix secondary metric names with a middle dot.
        if (metric.getKey().replace("\u00b7", "").equals(ALLOC_NORM)) {
          bytesPerOp = number(metric.getValue().path("score"));
        }
      }
      results.add(new Result(
          dot < 0 ? "" : name.substring(0, dot),
          name.substring(dot + 1),
          params.toString(),
          node.path("mode").asText(),
          number(primary.path("score")),
          number(primary.path("scoreError")),
          primary.path("scoreUnit").asText(),
          bytesPerOp));
    }
    return results;
  }

  /** Renders the results as a Markdown table followed by a one-line legend. */
  static String render(List<Result> results, String candidate) {
    Map<Result, String> caseOf = new LinkedHashMap<>();
    Map<Result, String> prefixOf = new LinkedHashMap<>();
    Set<String> candidateCases = new LinkedHashSet<>();
    for (Result result : results) {
      String method = result.method();
      if (method.length() > candidate.length()
          && method.startsWith(candidate)
          && Character.isUpperCase(method.charAt(candidate.length()))) {
        prefixOf.put(result, candidate);
        caseOf.put(result, caseKey(result, method.substring(candidate.length())));
        candidateCases.add(caseOf.get(result));
      } else {
        Matcher matcher = BASELINE_NAME.matcher(method);
        if (matcher.matches()) {
          prefixOf.put(result, matcher.group(1));
          caseOf.put(result, caseKey(result, matcher.group(2)));
        } else {
          prefixOf.put(result, "");
          caseOf.put(result, caseKey(result, method));
        }
      }
    }

    Map<String, Map<String, Result>> baselines = new LinkedHashMap<>();
    for (Result result : results) {
      String prefix = prefixOf.get(result);
      if (!prefix.isEmpty() && !prefix.equals(candidate) && candidateCases.contains(caseOf.get(result))) {
        baselines.computeIfAbsent(prefix, p -> new LinkedHashMap<>()).put(caseOf.get(result), result);
      }
    }

    List<Result> ordered = new ArrayList<>(results);
    ordered.sort(Comparator.comparing((Result r) -> caseOf.get(r))
        .thenComparing(r -> prefixOf.get(r).equals(candidate) ? 0 : 1)
        .thenComparing(prefixOf::get));
    boolean severalClasses = results.stream().map(Result::className).distinct().count() > 1;

    List<String> header = new ArrayList<>(List.of("Benchmark", "Score", "Units", "Alloc (B/op)"));
    for (String baseline : baselines.keySet()) {
      header.add(candidate + "/" + baseline + " thrpt");
      header.add(candidate + "/" + baseline + " alloc");
    }
    List<List<String>> rows = new ArrayList<>();
    for (Result result : ordered) {
      String className = result.className().substring(result.className().lastIndexOf('.') + 1);
      List<String> row = new ArrayList<>();
      row.add((severalClasses ? className + "." : "") + result.method() + result.params());
      row.add(decimal(result.score()) + " ± " + decimal(result.error()));
      row.add(result.unit());
      row.add(Double.isNaN(result.bytesPerOp()) ? "-" : decimal(result.bytesPerOp()));
      boolean isCandidate = prefixOf.get(result).equals(candidate);
      for (Map<String, Result> byCase : baselines.values()) {
        Result baseline = isCandidate ? byCase.get(caseOf.get(result)) : null;
        row.add(baseline == null ? "" : ratio(speedRatio(result, baseline)));
        row.add(baseline == null ? "" : ratio(result.bytesPerOp() / baseline.bytesPerOp()));
      }
      rows.add(row);
    }

    StringBuilder out = new StringBuilder();
    appendTable(out, header, rows);
    if (!baselines.isEmpty()) {
      out.append('\n')
          .append("thrpt = ").append(candidate).append(" throughput / baseline throughput (> 1: ")
          .append(candidate).append(" is faster); alloc = ").append(candidate)
          .append(" B/op / baseline B/op (< 1: ").append(candidate).append(" allocates less).\n");
    }
    return out.toString();
  }

  private static String caseKey(Result result, String suffix) {
    return result.className() + "#" + suffix + result.params() + "#" + result.mode();
  }

  /** Candidate speed relative to the baseline: a score ratio for throughput, inverted for time-per-op modes. */
  static double speedRatio(Result candidate, Result baseline) {
    if (!candidate.unit().equals(baseline.unit())) {
      return Double.NaN;
    }
    return candidate.mode().equals("thrpt")
        ? candidate.score() / baseline.score()
        : baseline.score() / candidate.score();
  }

  private static void appendTable(StringBuilder out, List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Math.max(3, header.get(i).length());
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    appendRow(out, header, widths);
    List<String> rule = new ArrayList<>();
    for (int i = 0; i < widths.length; i++) {
      rule.add(i == 0 ? "-".repeat(widths[i]) : "-".repeat(widths[i] - 1) + ":");
    }
    appendRow(out, rule, widths);
    for (List<String> row : rows) {
      appendRow(out, row, widths);
    }
  }

  private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
    out.append('|');
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      String padding = " ".repeat(widths[i] - cell.length());
      out.append(' ').append(i == 0 ? cell + padding : padding + cell).append(" |");
    }
    out.append('\n');
  }

  private static double number(JsonNode node) {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    try {
      return Double.parseDouble(node.asText());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  static String decimal(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "n/a";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 100 || magnitude == 0) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, magnitude >= 1 ? "%.2f" : "%.3g", value);
  }

  private static String ratio(double value) {
    return Double.isNaN(value) || Double.isInfinite(value)
        ? "n/a"
        : String.format(Locale.ROOT, "%.2fx", value);
  }
}
