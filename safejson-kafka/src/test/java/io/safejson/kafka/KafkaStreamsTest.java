package io.safejson.kafka;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Kafka Streams topology with {@link SafeJsonSerde} on both sides maps records end to end on a real broker. */
final class KafkaStreamsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void aTopologyWithSafeJsonSerdeMapsHostileOrdersToSummaries(@TempDir Path state) throws Exception {
    String input = KafkaBroker.newTopic("orders", 1);
    String output = KafkaBroker.newTopic("summaries", 1);
    int count = 20;
    try (KafkaProducer<String, Object> producer =
        new KafkaProducer<>(KafkaBroker.producerProperties(), new StringSerializer(), new SafeJsonSerializer())) {
      for (int i = 0; i < count; i++) {
        Object order = i % 2 == 0 ? Orders.hostileOrder(i) : Orders.cleanOrder(i);
        producer.send(new ProducerRecord<>(input, "k" + i, order)).get();
      }
    }

    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(Serdes.String(), SafeJsonSerde.of(OrderPlaced.class)))
        .mapValues(order -> new OrderSummary(order.id(), order.total(), order.note() + " \uDFFF"))
        .to(output, Produced.with(Serdes.String(), SafeJsonSerde.of(OrderSummary.class)));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "summaries-" + output);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
    props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(state.resolve("streams")).toString());
    props.put("consumer.auto.offset.reset", "earliest");
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");

    List<ConsumerRecord<String, OrderSummary>> records = new ArrayList<>();
    try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
      streams.start();
      try (KafkaConsumer<String, OrderSummary> consumer =
          new KafkaConsumer<>(
              KafkaBroker.consumerProperties(),
              new StringDeserializer(),
              new SafeJsonDeserializer<>(OrderSummary.class))) {
        consumer.subscribe(List.of(output));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
          consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
      }
    }
    assertEquals(count, records.size(), "summaries read");
    for (int i = 0; i < count; i++) {
      ConsumerRecord<String, OrderSummary> record = records.get(i);
      OrderPlaced sent = i % 2 == 0 ? Orders.hostileOrder(i) : Orders.cleanOrder(i);
      String note = (i % 2 == 0 ? "note \uFFFD " + i : sent.note()) + " \uFFFD";
      assertEquals("k" + i, record.key());
      assertEquals(new OrderSummary(sent.id(), sent.total(), note), record.value());
      // The input's incidents header came along with the record; the output's describes the summary alone.
      assertNotNull(record.headers().lastHeader("safejson-incidents"), "record " + i);
      assertEquals(1, count(record, "safejson-incidents"), "one incidents header on record " + i);
      String header = new String(record.headers().lastHeader("safejson-incidents").value(), StandardCharsets.US_ASCII);
      assertValidJson(header);
      assertEquals("[{\"path\":\"$.note\",\"kind\":\"INVALID_STRING\",\"type\":\"java.lang.String\"}]", header);
    }
    assertTrue(records.stream().map(ConsumerRecord::key).distinct().count() == count);
  }

  private static int count(ConsumerRecord<?, ?> record, String header) {
    int found = 0;
    for (var h : record.headers().headers(header)) {
      found += h == null ? 0 : 1;
    }
    return found;
  }
}
