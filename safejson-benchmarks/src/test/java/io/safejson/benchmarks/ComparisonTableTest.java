package io.safejson.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.safejson.benchmarks.ResultTable.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ComparisonTableTest {
  private static Result result(String method, double score, double bytesPerOp) {
    return new Result(SerializationBenchmark.class.getName(), method, "", "thrpt", score, 10, "ops/s", bytesPerOp);
  }

  @Test
  void eachCaseGetsAThroughputRowAndAnAllocationRowInTheLayoutsOrder() {
    List<Result> results = List.of(
        result("jacksonBatch", 500, 2000),
        result("jacksonMessage", 1000, 400),
        result("safeJsonBatch", 750, 1000),
        result("safeJsonMessage", 1500, 200),
        result("tunedBatch", 1000, 1600),
        result("tunedMessage", 2000, 300),
        result("floorBatch", 1500, 1500),
        result("floorMessage", 3000, 250));

    String table = ComparisonTable.render(results, ComparisonTable.layoutFor("SerializationBenchmark").orElseThrow());

    assertEquals(String.join("\n",
        "| case | safejson | jackson | tuned | generator only "
            + "| safejson / jackson | safejson / tuned | safejson / generator only |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
        "| message ops/s | 1,500 ± 10.00 | 1,000 ± 10.00 | 2,000 ± 10.00 | 3,000 ± 10.00 | 1.50× | 0.75× | 0.50× |",
        "| message B/op | 200 | 400 | 300 | 250 | 0.50× | 0.67× | 0.80× |",
        "| batch ops/s | 750 ± 10.00 | 500 ± 10.00 | 1,000 ± 10.00 | 1,500 ± 10.00 | 1.50× | 0.75× | 0.50× |",
        "| batch B/op | 1,000 | 2,000 | 1,600 | 1,500 | 0.50× | 0.63× | 0.67× |",
        ""), table);
  }

  @Test
  void theKafkaTableComparesSafejsonWithBothSpringSerializersCaseByCase() {
    String kafka = KafkaSerializerBenchmark.class.getName();
    List<Result> results = List.of(
        new Result(kafka, "springMessage", "", "thrpt", 400, 10, "ops/s", 2500),
        new Result(kafka, "springjacksonBatch", "", "thrpt", 250, 10, "ops/s", 2000),
        new Result(kafka, "safeJsonBatch", "", "thrpt", 300, 10, "ops/s", 1300),
        new Result(kafka, "springBatch", "", "thrpt", 200, 10, "ops/s", 2600),
        new Result(kafka, "springjacksonMessage", "", "thrpt", 1000, 10, "ops/s", 500),
        new Result(kafka, "safeJsonMessage", "", "thrpt", 500, 10, "ops/s", 1000));

    String table = ComparisonTable.render(results, ComparisonTable.layoutFor(kafka).orElseThrow());

    assertEquals(String.join("\n",
        "| case | safejson | Spring `JacksonJsonSerializer` | Spring `JsonSerializer` "
            + "| safejson / JacksonJsonSerializer | safejson / JsonSerializer |",
        "|---|--:|--:|--:|--:|--:|",
        "| message ops/s | 500 ± 10.00 | 1,000 ± 10.00 | 400 ± 10.00 | 0.50× | 1.25× |",
        "| message B/op | 1,000 | 500 | 2,500 | 2.00× | 0.40× |",
        "| batch ops/s | 300 ± 10.00 | 250 ± 10.00 | 200 ± 10.00 | 1.20× | 1.50× |",
        "| batch B/op | 1,300 | 2,000 | 2,600 | 0.65× | 0.50× |",
        ""), table);
  }

  @Test
  void theBootFormatterTableComparesEachSafejsonFormatWithBootsFormatters() {
    List<Result> results = new java.util.ArrayList<>();
    String[] prefixes = {"safeecs", "safelogstash", "bootecs", "bootlogstash"};
    double[] scores = {400, 500, 100, 200};
    double[] bytes = {300, 200, 3000, 4000};
    for (String suffix : List.of("Error", "Args", "Plain")) {
      for (int i = 0; i < prefixes.length; i++) {
        results.add(new Result(BootFormatterBenchmark.class.getName(), prefixes[i] + suffix, "", "thrpt",
            scores[i], 10, "ops/s", bytes[i]));
      }
    }

    String table = ComparisonTable.render(
        results, ComparisonTable.layoutFor(BootFormatterBenchmark.class.getName()).orElseThrow());

    List<String> lines = table.lines().toList();
    assertEquals(2 + 3 * 2, lines.size(), table);
    assertEquals("| case | safejson `ecs` | safejson `logstash` | Boot `ecs` | Boot `logstash` "
        + "| vs Boot ecs (ecs / logstash) | vs Boot logstash (ecs / logstash) |", lines.get(0));
    assertEquals("| plain ops/s | 400 ± 10.00 | 500 ± 10.00 | 100 ± 10.00 | 200 ± 10.00 | 4.00× / 5.00× | 2.00× / 2.50× |",
        lines.get(2));
    assertEquals("| plain B/op | 300 | 200 | 3,000 | 4,000 | 0.10× / 0.07× | 0.08× / 0.05× |", lines.get(3));
    assertEquals("| error B/op | 300 | 200 | 3,000 | 4,000 | 0.10× / 0.07× | 0.08× / 0.05× |", lines.get(7));
  }

  @Test
  void camelCaseCasesReadAsWords() {
    assertEquals("fresh error", ComparisonTable.caseLabel("FreshError"));
  }
}
