package io.safejson.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.benchmarks.ResultTable.Result;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ReadmeTablesTest {
  private static final String README = String.join("\n",
      "# Title",
      "",
      "<!-- benchmark-table -->",
      "### SafeSerializer vs Jackson",
      "",
      "Prose about the serializer.",
      "",
      "<!-- table:SerializationBenchmark -->",
      "| old | serializer |",
      "<!-- /table:SerializationBenchmark -->",
      "",
      "Prose between the tables.",
      "",
      "<!-- table:EncoderBenchmark -->",
      "| old | encoder |",
      "<!-- /table:EncoderBenchmark -->",
      "<!-- /benchmark-table -->",
      "",
      "## Next section",
      "");

  @Test
  void onlyTheNamedTableIsReplacedAndEverythingElseIsKept() {
    String updated = ReadmeTables.update(README, Map.of("EncoderBenchmark", "| new | encoder |\n\nRun line.\n"));

    assertEquals(README.replace("| old | encoder |\n", "| new | encoder |\n\nRun line.\n"), updated);
  }

  @Test
  void replacingATableTwiceGivesTheSameTextAsOnce() {
    Map<String, String> tables = Map.of("SerializationBenchmark", "| new | serializer |\n");
    String once = ReadmeTables.update(README, tables);

    assertEquals(once, ReadmeTables.update(once, tables));
  }

  @Test
  void aTableWithoutMarkersIsAddedUnderItsOwnHeadingAtTheEndOfTheRegion() {
    String updated = ReadmeTables.update(README, Map.of("KafkaBenchmark", "| kafka |\n"));

    assertEquals(README.replace("<!-- /benchmark-table -->",
        "\n### KafkaBenchmark\n\n<!-- table:KafkaBenchmark -->\n| kafka |\n<!-- /table:KafkaBenchmark -->\n"
            + "<!-- /benchmark-table -->"), updated);
  }

  @Test
  void aReadmeWithBrokenMarkersIsRefusedRatherThanGuessedAt() {
    Map<String, String> tables = Map.of("EncoderBenchmark", "| new |\n");

    assertThrows(IllegalArgumentException.class,
        () -> ReadmeTables.update(README.replace("<!-- /benchmark-table -->", ""), tables));
    assertThrows(IllegalArgumentException.class,
        () -> ReadmeTables.update(README.replace("<!-- /table:EncoderBenchmark -->", ""), tables));
    assertThrows(IllegalArgumentException.class,
        () -> ReadmeTables.update(README + "<!-- benchmark-table -->\n", tables));
    String blockOutsideRegion = README.replace("<!-- table:EncoderBenchmark -->\n| old | encoder |\n"
        + "<!-- /table:EncoderBenchmark -->\n", "") + "<!-- table:EncoderBenchmark -->\n<!-- /table:EncoderBenchmark -->\n";
    assertThrows(IllegalArgumentException.class, () -> ReadmeTables.update(blockOutsideRegion, tables));
  }

  @Test
  void theRunLineNamesSpringKafkaKafkaAndJackson3OnlyWhenTheKafkaBenchmarkRan() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode kafka = mapper.readTree("[{\"benchmark\":\"" + KafkaSerializerBenchmark.class.getName()
        + ".springBatch\",\"jdkVersion\":\"17\",\"forks\":2}]");
    JsonNode encoder = mapper.readTree("[{\"benchmark\":\"" + EncoderBenchmark.class.getName()
        + ".safePlain\",\"jdkVersion\":\"17\",\"forks\":2}]");

    String withKafka = ReadmeTables.runLine(kafka, LocalDate.of(2026, 11, 30), "run.sh KafkaSerializerBenchmark");
    String withoutKafka = ReadmeTables.runLine(encoder, LocalDate.of(2026, 11, 30), "run.sh EncoderBenchmark");

    assertTrue(
        withKafka.matches(".*, Spring Kafka \\d+\\.\\d+\\.\\d+, kafka-clients \\d+\\.\\d+\\.\\d+, "
            + "Jackson 3 \\d+\\.\\d+\\.\\d+: `run\\.sh Kafka.*"),
        withKafka);
    assertFalse(withoutKafka.contains("Kafka"), withoutKafka);
    assertFalse(withoutKafka.contains("Jackson 3"), withoutKafka);
  }

  @Test
  void aClassWithABenchmarkMissingFromTheRunKeepsItsTable() {
    List<Result> all = new ArrayList<>();
    for (String method : List.of(
        "safeJsonMessage", "jacksonMessage", "tunedMessage", "floorMessage",
        "safeJsonBatch", "jacksonBatch", "tunedBatch", "floorBatch")) {
      all.add(new Result(SerializationBenchmark.class.getName(), method, "", "thrpt", 1000, 10, "ops/s", 500));
    }

    List<String> reports = new ArrayList<>();
    Map<String, String> full = ReadmeTables.readmeTables(all, "safeJson", "Run line.", reports::add);
    assertEquals(List.of(), reports);
    Map<String, String> partial = ReadmeTables.readmeTables(all.subList(0, 4), "safeJson", "Run line.", reports::add);

    assertEquals(List.of("SerializationBenchmark"), List.copyOf(full.keySet()));
    assertTrue(full.get("SerializationBenchmark").endsWith("\nRun line.\n"), full.get("SerializationBenchmark"));
    assertTrue(partial.isEmpty(), "a run of four of eight benchmarks must not replace the table: " + partial);
    assertEquals(
        List.of("README table SerializationBenchmark kept: no result for [safeJsonBatch, jacksonBatch, tunedBatch, floorBatch]"),
        reports);
  }
}
