package io.safejson.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.kafka.SafeJsonKafkaConfig;
import io.safejson.kafka.SafeJsonSerializer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.kafka.support.serializer.JsonSerializer;

/**
 * Serializes one chat message and a batch of {@value ChatMessages#BATCH_SIZE} into Kafka record values with
 * safejson-kafka's {@link SafeJsonSerializer} and with Spring Kafka's {@link JsonSerializer}, in the same run.
 *
 * <p>Both are configured through {@code configure(Map, false)} with the same producer properties, as a
 * {@code KafkaProducer} configures its value serializer, and both get a fresh {@link RecordHeaders} per
 * operation, as every new {@code ProducerRecord} has: safejson-kafka looks for a stale incidents header in it
 * (and would add one if it fixed anything), Spring's serializer adds its {@code __TypeId__} type header (its
 * default, kept as a user keeps it). Spring's is its Jackson 2 serializer (deprecated in Spring Kafka 4 in favour
 * of the Jackson 3 {@code JacksonJsonSerializer}, still shipped), the one a Jackson 2 application uses, with the
 * mapper of {@link SerializationBenchmark#newJacksonMapper()}: JavaTimeModule, Jdk8Module, ISO dates.
 *
 * <p>Naming convention (read by {@link ComparisonTable}): {@code safeJson<Case>} and {@code spring<Case>}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@SuppressWarnings("removal") // Spring Kafka 4 deprecates its Jackson 2 JsonSerializer for removal
public class KafkaSerializerBenchmark {
  /** The topic both serializers are given. */
  static final String TOPIC = "chat.messages";

  private SafeJsonSerializer safeJson;
  private JsonSerializer<Object> spring;
  private ChatMessage message;
  private List<ChatMessage> batch;

  /** Builds and configures both serializers once, and fails fast if either would not do the real work. */
  @Setup
  public void setUp() throws IOException {
    // What KafkaProducer hands its value serializer: the producer's own properties plus its client.id.
    Map<String, Object> producer = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092",
        ProducerConfig.CLIENT_ID_CONFIG, "producer-1",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, SafeJsonSerializer.class.getName());
    safeJson = new SafeJsonSerializer();
    safeJson.configure(producer, false);
    spring = new JsonSerializer<>(SerializationBenchmark.newJacksonMapper());
    spring.configure(producer, false);
    message = ChatMessages.message(0);
    batch = ChatMessages.batch();
    requireRealWork(message);
    requireRealWork(batch);
  }

  private void requireRealWork(Object value) throws IOException {
    ObjectMapper reader = new ObjectMapper();
    Headers safeHeaders = new RecordHeaders();
    byte[] safe = safeJson.serialize(TOPIC, safeHeaders, value);
    if (safeHeaders.lastHeader(SafeJsonKafkaConfig.INCIDENTS_HEADER) != null) {
      throw new IllegalStateException("safejson-kafka reported incidents for the input: "
          + new String(safeHeaders.lastHeader(SafeJsonKafkaConfig.INCIDENTS_HEADER).value()));
    }
    Headers springHeaders = new RecordHeaders();
    byte[] plain = spring.serialize(TOPIC, springHeaders, value);
    if (springHeaders.lastHeader("__TypeId__") == null) {
      throw new IllegalStateException("Spring's JsonSerializer added no type header: not its defaults");
    }
    if (!reader.readTree(safe).equals(reader.readTree(safeJson.serialize(TOPIC, value)))
        || reader.readTree(plain).size() != reader.readTree(safe).size()) {
      throw new IllegalStateException("the two serializers did not write the same document shape");
    }
  }

  /** safejson-kafka, one message. */
  @Benchmark
  public void safeJsonMessage(Blackhole blackhole) {
    Headers headers = new RecordHeaders();
    blackhole.consume(safeJson.serialize(TOPIC, headers, message));
    blackhole.consume(headers);
  }

  /** Spring Kafka's JsonSerializer, one message. */
  @Benchmark
  public void springMessage(Blackhole blackhole) {
    Headers headers = new RecordHeaders();
    blackhole.consume(spring.serialize(TOPIC, headers, message));
    blackhole.consume(headers);
  }

  /** safejson-kafka, a list of {@value ChatMessages#BATCH_SIZE} messages as one record value. */
  @Benchmark
  public void safeJsonBatch(Blackhole blackhole) {
    Headers headers = new RecordHeaders();
    blackhole.consume(safeJson.serialize(TOPIC, headers, batch));
    blackhole.consume(headers);
  }

  /** Spring Kafka's JsonSerializer, a list of {@value ChatMessages#BATCH_SIZE} messages as one record value. */
  @Benchmark
  public void springBatch(Blackhole blackhole) {
    Headers headers = new RecordHeaders();
    blackhole.consume(spring.serialize(TOPIC, headers, batch));
    blackhole.consume(headers);
  }
}
