package io.safejson.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.kafka.SafeJsonKafkaConfig;
import io.safejson.kafka.SafeJsonSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.kafka.support.serializer.JsonSerializer;

/**
 * Serializes one chat message and a batch of {@value ChatMessages#BATCH_SIZE} into Kafka record values with
 * safejson-kafka's {@link SafeJsonSerializer} and with Spring Kafka's two JSON serializers, in the same run.
 *
 * <p>All three are configured through {@code configure(Map, false)} with the same producer properties, as a
 * {@code KafkaProducer} configures its value serializer, and each gets a fresh {@link RecordHeaders} per
 * operation, as every new {@code ProducerRecord} has: safejson-kafka looks for a stale incidents header in it
 * (and would add one if it fixed anything), Spring's serializers add their {@code __TypeId__} type header (their
 * default, kept as a user keeps it).
 *
 * <ul>
 *   <li>{@link JacksonJsonSerializer}: Spring Kafka 4's Jackson 3 serializer, made with its no-arg constructor
 *       as {@code value.serializer=...JacksonJsonSerializer} makes it, over Spring's
 *       {@code JacksonMapperUtils.enhancedJsonMapper()} (its modules found on the classpath). Jackson 3 writes
 *       {@code java.time} and {@code Optional} itself (no JavaTimeModule or Jdk8Module to register) and its
 *       {@code DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS} is off by default, so {@code sentAt} is an ISO-8601
 *       string without any setting; {@link #setUp} checks it.
 *   <li>{@link JsonSerializer}: its Jackson 2 serializer (deprecated in Spring Kafka 4 in favour of the one
 *       above, still shipped), the one a Jackson 2 application uses, with the mapper of
 *       {@link SerializationBenchmark#newJacksonMapper()}: JavaTimeModule, Jdk8Module, ISO dates.
 * </ul>
 *
 * <p>Naming convention (read by {@link ResultTable} and {@link ComparisonTable}): {@code safeJson<Case>},
 * {@code springjackson<Case>} ({@code JacksonJsonSerializer}) and {@code spring<Case>} ({@code JsonSerializer});
 * a baseline prefix is one lower-case word, as {@code bootecs} is.
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
  private JacksonJsonSerializer<Object> springjackson;
  private ChatMessage message;
  private List<ChatMessage> batch;

  /** Builds and configures the three serializers once, and fails fast if one would not do the real work. */
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
    springjackson = new JacksonJsonSerializer<>();
    springjackson.configure(producer, false);
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
    JsonNode expected = reader.readTree(safe);
    if (!expected.equals(reader.readTree(safeJson.serialize(TOPIC, value)))) {
      throw new IllegalStateException("safejson-kafka wrote a different document with headers than without");
    }
    Headers springHeaders = new RecordHeaders();
    requireSameShape("JsonSerializer", expected, reader.readTree(spring.serialize(TOPIC, springHeaders, value)));
    Headers jacksonHeaders = new RecordHeaders();
    JsonNode jackson3 = reader.readTree(springjackson.serialize(TOPIC, jacksonHeaders, value));
    requireSameShape("JacksonJsonSerializer", expected, jackson3);
    if (springHeaders.lastHeader("__TypeId__") == null || jacksonHeaders.lastHeader("__TypeId__") == null) {
      throw new IllegalStateException("a Spring serializer added no type header: not its defaults");
    }
    JsonNode first = jackson3.isArray() ? jackson3.get(0) : jackson3;
    ChatMessage sent = value instanceof List<?> list ? (ChatMessage) list.get(0) : (ChatMessage) value;
    if (!first.path("sentAt").isTextual() || !first.path("sentAt").asText().equals(sent.sentAt().toString())) {
      throw new IllegalStateException("JacksonJsonSerializer did not write sentAt as an ISO-8601 string: " + first);
    }
  }

  /** The same number of items and, in the (first) message, the same fields in the same order. */
  private static void requireSameShape(String name, JsonNode expected, JsonNode actual) {
    if (actual.size() != expected.size() || !fieldNames(actual).equals(fieldNames(expected))) {
      throw new IllegalStateException(name + " did not write the same document shape: " + fieldNames(actual));
    }
  }

  private static List<String> fieldNames(JsonNode document) {
    JsonNode message = document.isArray() ? document.get(0) : document;
    List<String> names = new ArrayList<>();
    message.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** safejson-kafka, one message. */
  @Benchmark
  public void safeJsonMessage(Blackhole blackhole) {
    serialize(safeJson, message, blackhole);
  }

  /** Spring Kafka's Jackson 2 JsonSerializer, one message. */
  @Benchmark
  public void springMessage(Blackhole blackhole) {
    serialize(spring, message, blackhole);
  }

  /** safejson-kafka, a list of {@value ChatMessages#BATCH_SIZE} messages as one record value. */
  @Benchmark
  public void safeJsonBatch(Blackhole blackhole) {
    serialize(safeJson, batch, blackhole);
  }

  /** Spring Kafka's Jackson 2 JsonSerializer, a list of {@value ChatMessages#BATCH_SIZE} messages as one record value. */
  @Benchmark
  public void springBatch(Blackhole blackhole) {
    serialize(spring, batch, blackhole);
  }

  /** Spring Kafka's Jackson 3 JacksonJsonSerializer, one message. */
  @Benchmark
  public void springjacksonMessage(Blackhole blackhole) {
    serialize(springjackson, message, blackhole);
  }

  /** Spring Kafka's Jackson 3 JacksonJsonSerializer, a list of {@value ChatMessages#BATCH_SIZE} messages. */
  @Benchmark
  public void springjacksonBatch(Blackhole blackhole) {
    serialize(springjackson, batch, blackhole);
  }

  /** One record value, as a producer makes it: a fresh {@code RecordHeaders} per record, both consumed. */
  private static void serialize(Serializer<Object> serializer, Object value, Blackhole blackhole) {
    Headers headers = new RecordHeaders();
    blackhole.consume(serializer.serialize(TOPIC, headers, value));
    blackhole.consume(headers);
  }
}
