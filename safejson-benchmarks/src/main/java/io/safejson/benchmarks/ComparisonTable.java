package io.safejson.benchmarks;

import io.safejson.benchmarks.ResultTable.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The README's table for one benchmark class: one column per implementation, an ops/s row and a B/op row per
 * case, and each candidate's ratio to each baseline.
 *
 * <p>Which method prefix is which implementation is data ({@link #LAYOUTS}): a class without a layout gets
 * {@link ResultTable}'s generic table instead. Stateless; thread-safe.
 */
final class ComparisonTable {
  /** One implementation: its method prefix, its column header, its short name in ratio headers. */
  record Column(String prefix, String label, String shortLabel, boolean candidate) {}

  /** The columns of one benchmark class (by simple name) and the order of its cases (method suffixes). */
  record Layout(String className, List<Column> columns, List<String> caseOrder) {}

  static final List<Layout> LAYOUTS = List.of(
      new Layout(
          "SerializationBenchmark",
          List.of(
              new Column("safeJson", "safejson", "safejson", true),
              new Column("jackson", "jackson", "jackson", false),
              new Column("tuned", "tuned", "tuned", false),
              new Column("floor", "generator only", "generator only", false)),
          List.of("Message", "Batch")),
      new Layout(
          "KafkaSerializerBenchmark",
          List.of(
              new Column("safeJson", "safejson", "safejson", true),
              new Column("springjackson", "Spring `JacksonJsonSerializer`", "JacksonJsonSerializer", false),
              new Column("spring", "Spring `JsonSerializer`", "JsonSerializer", false)),
          List.of("Message", "Batch")),
      new Layout(
          "Jackson3WriterBenchmark",
          List.of(
              new Column("jackson3", "Jackson 3 `writerFor`", "jackson3", true),
              new Column("jackson2", "Jackson 2 `writerFor`", "jackson2", false)),
          List.of("Message")),
      new Layout(
          "EncoderBenchmark",
          List.of(
              new Column("safe", "format `safejson`", "safejson", true),
              new Column("safelogstash", "format `logstash`", "logstash", true),
              new Column("safeecs", "format `ecs`", "ecs", true),
              new Column("logstash", "LogstashEncoder", "LogstashEncoder", false),
              new Column("logback", "Logback JsonEncoder", "JsonEncoder", false)),
          List.of("Plain", "Args", "Error", "FreshError")),
      new Layout(
          "BootFormatterBenchmark",
          List.of(
              new Column("safeecs", "safejson `ecs`", "ecs", true),
              new Column("safelogstash", "safejson `logstash`", "logstash", true),
              new Column("bootecs", "Boot `ecs`", "Boot ecs", false),
              new Column("bootlogstash", "Boot `logstash`", "Boot logstash", false)),
          List.of("Plain", "Args", "Error")));

  private ComparisonTable() {}

  /** The layout for a benchmark class (fully qualified or simple name), if it has one. */
  static Optional<Layout> layoutFor(String className) {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    return LAYOUTS.stream().filter(layout -> layout.className().equals(simple)).findFirst();
  }

  /** Renders the results of one benchmark class as a Markdown table in the layout's shape. */
  static String render(List<Result> results, Layout layout) {
    // case key (suffix + params + unit) -> column prefix -> result, cases in the layout's order first
    Map<String, Map<String, Result>> cases = new LinkedHashMap<>();
    for (String suffix : layout.caseOrder()) {
      for (Result result : results) {
        Column column = columnOf(result, layout);
        if (column != null && suffixOf(result, column).equals(suffix)) {
          cases.computeIfAbsent(caseKey(result, column), k -> new LinkedHashMap<>()).put(column.prefix(), result);
        }
      }
    }
    for (Result result : results) {
      Column column = columnOf(result, layout);
      if (column != null) {
        cases.computeIfAbsent(caseKey(result, column), k -> new LinkedHashMap<>()).put(column.prefix(), result);
      }
    }

    List<Column> candidates = layout.columns().stream().filter(Column::candidate).toList();
    List<Column> baselines = layout.columns().stream().filter(c -> !c.candidate()).toList();
    List<String> header = new ArrayList<>();
    header.add("case");
    layout.columns().forEach(column -> header.add(column.label()));
    for (Column baseline : baselines) {
      if (candidates.size() == 1) {
        header.add(candidates.get(0).shortLabel() + " / " + baseline.shortLabel());
      } else {
        StringJoiner names = new StringJoiner(" / ", "vs " + baseline.shortLabel() + " (", ")");
        candidates.forEach(candidate -> names.add(candidate.shortLabel()));
        header.add(names.toString());
      }
    }

    StringBuilder out = new StringBuilder();
    row(out, header);
    out.append("|---|").append("--:|".repeat(header.size() - 1)).append('\n');
    for (Map<String, Result> byColumn : cases.values()) {
      Result any = byColumn.values().iterator().next();
      String label = caseLabel(suffixOf(any, columnOf(any, layout))) + any.params();
      List<String> speed = new ArrayList<>(List.of(label + " " + any.unit()));
      List<String> alloc = new ArrayList<>(List.of(label + " B/op"));
      for (Column column : layout.columns()) {
        Result result = byColumn.get(column.prefix());
        speed.add(result == null ? "-" : ResultTable.decimal(result.score()) + " ± " + ResultTable.decimal(result.error()));
        alloc.add(result == null ? "-" : ResultTable.decimal(result.bytesPerOp()));
      }
      for (Column baseline : baselines) {
        StringJoiner speedRatios = new StringJoiner(" / ");
        StringJoiner allocRatios = new StringJoiner(" / ");
        for (Column candidate : candidates) {
          Result c = byColumn.get(candidate.prefix());
          Result b = byColumn.get(baseline.prefix());
          speedRatios.add(c == null || b == null ? "-" : ratio(ResultTable.speedRatio(c, b)));
          allocRatios.add(c == null || b == null ? "-" : ratio(c.bytesPerOp() / b.bytesPerOp()));
        }
        speed.add(speedRatios.toString());
        alloc.add(allocRatios.toString());
      }
      row(out, speed);
      row(out, alloc);
    }
    return out.toString();
  }

  /** The column whose prefix is the longest one that the method name starts with, followed by a capital. */
  private static Column columnOf(Result result, Layout layout) {
    Column best = null;
    for (Column column : layout.columns()) {
      String method = result.method();
      String prefix = column.prefix();
      if (method.length() > prefix.length()
          && method.startsWith(prefix)
          && Character.isUpperCase(method.charAt(prefix.length()))
          && (best == null || prefix.length() > best.prefix().length())) {
        best = column;
      }
    }
    return best;
  }

  private static String suffixOf(Result result, Column column) {
    return result.method().substring(column.prefix().length());
  }

  private static String caseKey(Result result, Column column) {
    return suffixOf(result, column) + result.params() + "#" + result.unit();
  }

  /** {@code FreshError} becomes {@code fresh error}. */
  static String caseLabel(String suffix) {
    return suffix.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
  }

  private static void row(StringBuilder out, List<String> cells) {
    out.append('|');
    cells.forEach(cell -> out.append(' ').append(cell).append(" |"));
    out.append('\n');
  }

  private static String ratio(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : String.format(Locale.ROOT, "%.2f×", value);
  }
}
