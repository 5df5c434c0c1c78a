package io.safejson.kafka;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.SafeResult;
import io.safejson.SafeSerializer;
import io.safejson.buildtools.HostileValues;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Whatever a producer configured by properties sends through a real broker reaches a consumer as strict JSON,
 * the same bytes as {@code toJson} of the value, with an incidents header listing exactly what was fixed.
 */
@StatisticsReport(onFailureOnly = true)
class KafkaDeliveryProperties {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final AtomicLong TRIES = new AtomicLong();

  // One topic, producer and consumer for the whole class, as in production.
  private static KafkaProducer<String, Object> producer;
  private static KafkaConsumer<byte[], byte[]> consumer;
  private static String topic;

  @BeforeContainer
  static void connect() {
    topic = KafkaBroker.newTopic("delivery", 1);
    Map<String, Object> props = new HashMap<>(KafkaBroker.producerProperties());
    props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.StringSerializer");
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "io.safejson.kafka.SafeJsonSerializer");
    producer = new KafkaProducer<>(props);
    consumer = new KafkaConsumer<>(KafkaBroker.consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    TopicPartition partition = new TopicPartition(topic, 0);
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
  }

  @AfterContainer
  static void disconnect() {
    if (producer != null) {
      producer.close();
    }
    if (consumer != null) {
      consumer.close();
    }
  }

  @Provide
  Arbitrary<List<HostileValues.Part>> messages() {
    return HostileValues.messages(10_000, 200_000);
  }

  @Property(tries = 100)
  void whatTheConsumerReceivesParsesStrictlyAndMatchesToJson(@ForAll("messages") List<HostileValues.Part> parts)
      throws Exception {
    String key = "try-" + TRIES.incrementAndGet();
    Map<String, Object> message = HostileValues.message(parts);
    producer.send(new ProducerRecord<>(topic, key, message)).get();
    ConsumerRecord<byte[], byte[]> received = receive(key);

    String json = new String(received.value(), StandardCharsets.UTF_8);
    assertValidJson(json);
    SafeResult expected = SafeSerializer.defaults().serialize(message);
    assertEquals(expected.json(), json, "the record value is toJson of the value");

    Header header = received.headers().lastHeader("safejson-incidents");
    if (expected.isClean()) {
      assertEquals(null, header, "no header for a clean value");
    } else {
      assertNotNull(header, "an incidents header");
      String text = new String(header.value(), StandardCharsets.US_ASCII);
      assertValidJson(text);
      JsonNode listed = PLAIN.readTree(text);
      assertTrue(header.value().length <= 4096, "header bytes " + header.value().length);
      JsonNode first = listed.get(0);
      String path = expected.incidents().get(0).path();
      String listedPath = first.get("path").asText();
      if (path.length() <= 256) {
        assertEquals(path, listedPath);
      } else {
        // Paths and type names are cut to 256 chars in the header, as the core cuts strings.
        assertEquals(256, listedPath.length(), listedPath);
        assertEquals(path.substring(0, 256 - 14) + "...[TRUNCATED]", listedPath);
      }
      assertEquals(expected.incidents().get(0).kind().name(), first.get("kind").asText());
    }
    parts.forEach(part -> Statistics.label("kind").collect(part.kind));
    Statistics.label("clean").collect(expected.isClean());
    Statistics.label("kind").coverage(coverage -> {
      for (HostileValues.Kind kind : HostileValues.Kind.values()) {
        coverage.check(kind).count(count -> count > 0);
      }
    });
    Statistics.label("clean").coverage(coverage -> coverage.check(false).percentage(share -> share > 50));
  }

  private static ConsumerRecord<byte[], byte[]> receive(String key) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
        if (key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
          return record;
        }
      }
    }
    throw new AssertionError("record " + key + " not received within " + TIMEOUT);
  }
}
