package io.safejson.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One in-process KRaft broker for every test class of the module (started on first use, stopped when the JVM
 * exits): starting one per class would cost about 2 s each.
 */
final class KafkaBroker {
  private static EmbeddedKafkaKraftBroker broker;

  private KafkaBroker() {}

  /** Returns the bootstrap servers, starting the broker on first use. */
  static synchronized String bootstrapServers() {
    if (broker == null) {
      EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
      // Kafka's storage formatter prints its bootstrap metadata to System.out: keep a passing build quiet.
      PrintStream out = System.out;
      System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
      try {
        started.afterPropertiesSet();
      } finally {
        System.setOut(out);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "kafka-broker-stop"));
      broker = started;
    }
    return broker.getBrokersAsString();
  }

  /** Creates a new topic with a unique name and returns the name. */
  static String newTopic(String prefix, int partitions) {
    bootstrapServers();
    String name = prefix + "-" + UUID.randomUUID();
    broker.addTopics(new NewTopic(name, partitions, (short) 1));
    return name;
  }

  /** Producer properties with only the bootstrap servers and string settings, as a properties file has them. */
  static Map<String, Object> producerProperties() {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    return props;
  }

  /** Consumer properties reading a topic from the start in a group of its own. */
  static Map<String, Object> consumerProperties() {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return props;
  }

  /** Reads {@code count} raw records of {@code topic} from the start, failing after {@code timeout}. */
  static List<ConsumerRecord<byte[], byte[]>> readRaw(String topic, int count, Duration timeout) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
