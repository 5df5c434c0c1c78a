package io.safejson.kafka;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.SafeSerializer;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** Producers and consumers configured like services configure them, against a real in-process KRaft broker. */
final class KafkaRoundTripTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private static Map<String, Object> propertiesProducer() {
    Map<String, Object> props = KafkaBroker.producerProperties();
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.StringSerializer");
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "io.safejson.kafka.SafeJsonSerializer");
    return props;
  }

  private static Map<String, Object> typedConsumer() {
    Map<String, Object> props = KafkaBroker.consumerProperties();
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.StringDeserializer");
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "io.safejson.kafka.SafeJsonDeserializer");
    props.put("safejson.value.type", "io.safejson.kafka.OrderPlaced");
    return props;
  }

  /** Reads {@code count} records, skipping poison records; returns the good ones and the skipped offsets. */
  private static <V> List<ConsumerRecord<String, V>> readSkippingPoison(
      KafkaConsumer<String, V> consumer, int count, List<RecordDeserializationException> poison) {
    List<ConsumerRecord<String, V>> records = new ArrayList<>();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (records.size() < count && System.nanoTime() < deadline) {
      try {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      } catch (RecordDeserializationException e) {
        poison.add(e);
        consumer.seek(e.topicPartition(), e.offset() + 1);
      }
    }
    return records;
  }

  private static List<JsonNode> incidents(ConsumerRecord<?, ?> record, String header) throws Exception {
    Header found = record.headers().lastHeader(header);
    if (found == null) {
      return List.of();
    }
    assertTrue(found.value().length <= 4096, "header bytes: " + found.value().length);
    String text = new String(found.value(), StandardCharsets.US_ASCII);
    assertValidJson(text);
    List<JsonNode> entries = new ArrayList<>();
    PLAIN.readTree(text).forEach(entries::add);
    return entries;
  }

  private static String kindAt(List<JsonNode> incidents, String path) {
    for (JsonNode incident : incidents) {
      if (incident.path("path").asText().equals(path)) {
        return incident.path("kind").asText();
      }
    }
    return "none at " + path + " in " + incidents;
  }

  @Test
  void aProducerConfiguredOnlyByPropertiesSendsHostileValuesThatAConsumerReadsBackTyped() throws Exception {
    String topic = KafkaBroker.newTopic("hostile", 1);
    Map<String, Object> producerProps = propertiesProducer();
    producerProps.put("safejson.redact", "secret");
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerProps)) {
      producer.send(new ProducerRecord<>(topic, "hostile", Orders.hostileOrder(1))).get();
      producer.send(new ProducerRecord<>(topic, "clean", Orders.cleanOrder(2))).get();
      OrderPlaced secretive = Orders.cleanOrder(3);
      producer.send(new ProducerRecord<>(topic, "redacted", new OrderPlaced(
          secretive.id(), secretive.at(), secretive.total(), secretive.status(), secretive.note(), null,
          Map.of("secret", "hunter2", "kept", "yes")))).get();
    }
    try (KafkaConsumer<String, OrderPlaced> consumer = new KafkaConsumer<>(typedConsumer())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, OrderPlaced>> records = readSkippingPoison(consumer, 3, new ArrayList<>());
      assertEquals(3, records.size(), "records read");

      OrderPlaced hostile = records.get(0).value();
      OrderPlaced sent = Orders.hostileOrder(1);
      assertEquals(sent.id(), hostile.id());
      assertEquals(sent.at(), hostile.at());
      assertEquals(sent.total(), hostile.total());
      assertEquals(OrderPlaced.Status.PAID, hostile.status());
      assertEquals("note \uFFFD 1", hostile.note(), "the lone surrogate is replaced");
      assertNull(hostile.score(), "NaN is written as null");
      assertEquals("[CYCLE]", ((List<?>) ((Map<?, ?>) hostile.details()).get("loop")).get(1));
      List<JsonNode> incidents = incidents(records.get(0), "safejson-incidents");
      assertEquals("INVALID_STRING", kindAt(incidents, "$.note"));
      assertEquals("NON_FINITE", kindAt(incidents, "$.score"));
      assertEquals("CYCLE", kindAt(incidents, "$.details.loop[1]"));

      assertEquals(Orders.cleanOrder(2), records.get(1).value());
      assertNull(records.get(1).headers().lastHeader("safejson-incidents"), "a clean value adds no header");

      assertEquals(Map.of("secret", "[REDACTED]", "kept", "yes"), records.get(2).value().details());
    }
  }

  @Test
  void eightProducerThreadsOf500RecordsEachLoseNothing() throws Exception {
    String topic = KafkaBroker.newTopic("threads", 3);
    int threads = 8;
    int perThread = 500;
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(propertiesProducer())) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<List<Future<RecordMetadata>>>> sends = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        sends.add(pool.submit(() -> {
          List<Future<RecordMetadata>> acks = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            int number = thread * perThread + i;
            Object value = i % 2 == 0 ? Orders.hostileOrder(number) : Orders.cleanOrder(number);
            acks.add(producer.send(new ProducerRecord<>(topic, "t" + thread, value)));
          }
          return acks;
        }));
      }
      for (Future<List<Future<RecordMetadata>>> send : sends) {
        for (Future<RecordMetadata> ack : send.get(60, TimeUnit.SECONDS)) {
          assertNotNull(ack.get(60, TimeUnit.SECONDS));
        }
      }
      pool.shutdown();
    }
    try (KafkaConsumer<String, OrderPlaced> consumer = new KafkaConsumer<>(typedConsumer())) {
      consumer.subscribe(List.of(topic));
      List<RecordDeserializationException> poison = new ArrayList<>();
      List<ConsumerRecord<String, OrderPlaced>> records = readSkippingPoison(consumer, threads * perThread, poison);
      assertEquals(List.of(), poison, "no record is poison");
      Set<Long> numbers = new TreeSet<>();
      for (ConsumerRecord<String, OrderPlaced> record : records) {
        numbers.add(record.value().id().getLeastSignificantBits());
      }
      assertEquals(threads * perThread, records.size(), "records read");
      assertEquals(threads * perThread, numbers.size(), "distinct records read");
    }
  }

  @Test
  void aPoisonRecordBetweenGoodOnesIsSkippedAndEveryGoodOneIsRead() throws Exception {
    String topic = KafkaBroker.newTopic("poison", 1);
    List<byte[]> poisons = List.of(
        "{\"id\": not json".getBytes(StandardCharsets.UTF_8),
        new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"'},
        "{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"total\":{\"nested\":true}}".getBytes(StandardCharsets.UTF_8),
        "{\"note\":\"a\",\"note\":\"b\"}".getBytes(StandardCharsets.UTF_8),
        "{} {}".getBytes(StandardCharsets.UTF_8),
        new byte[0]);
    SafeJsonSerializer good = new SafeJsonSerializer();
    Map<String, Object> props = KafkaBroker.producerProperties();
    int goods = 0;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new org.apache.kafka.common.serialization.StringSerializer(), new ByteArraySerializer())) {
      for (byte[] poison : poisons) {
        producer.send(new ProducerRecord<>(topic, "good", good.serialize(topic, Orders.cleanOrder(goods++)))).get();
        producer.send(new ProducerRecord<>(topic, "poison", poison)).get();
      }
      producer.send(new ProducerRecord<>(topic, "good", good.serialize(topic, Orders.cleanOrder(goods++)))).get();
    }
    try (KafkaConsumer<String, OrderPlaced> consumer = new KafkaConsumer<>(typedConsumer())) {
      consumer.subscribe(List.of(topic));
      List<RecordDeserializationException> poison = new ArrayList<>();
      List<ConsumerRecord<String, OrderPlaced>> records = readSkippingPoison(consumer, goods, poison);
      List<OrderPlaced> expected = new ArrayList<>();
      for (int i = 0; i < goods; i++) {
        expected.add(Orders.cleanOrder(i));
      }
      List<OrderPlaced> read = new ArrayList<>();
      records.forEach(record -> read.add(record.value()));
      assertEquals(expected, read, "every good record, in order");
      assertEquals(poisons.size(), poison.size(), "every poison record reported once");
      for (int i = 0; i < poison.size(); i++) {
        RecordDeserializationException e = poison.get(i);
        assertEquals(2L * i + 1, e.offset(), "offset of poison record " + i);
        Throwable cause = e.getCause();
        assertTrue(cause instanceof SerializationException, String.valueOf(cause));
        String message = cause.getMessage();
        assertTrue(message.contains(topic) && message.contains("io.safejson.kafka.OrderPlaced"), message);
      }
      assertTrue(poison.get(1).getCause().getMessage().contains("not valid UTF-8 at byte 1"), poison.get(1).getCause().getMessage());
      assertTrue(poison.get(2).getCause().getMessage().contains("$.total"), poison.get(2).getCause().getMessage());
    }
  }

  @Test
  void anOversizeValueIsCutToFitTheProducersLimitAndDelivered() throws Exception {
    String topic = KafkaBroker.newTopic("oversize", 1);
    Map<String, Object> props = propertiesProducer();
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "20000");
    OrderPlaced big = new OrderPlaced(null, null, null, null, "x".repeat(1_000_000), null, List.of("y".repeat(50_000)));
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(props)) {
      assertNotNull(producer.send(new ProducerRecord<>(topic, "big", big)).get());
    }
    List<ConsumerRecord<byte[], byte[]>> records = KafkaBroker.readRaw(topic, 1, TIMEOUT);
    assertEquals(1, records.size());
    byte[] value = records.get(0).value();
    assertTrue(value.length <= 20000 - 1024, "value bytes: " + value.length);
    String json = new String(value, StandardCharsets.UTF_8);
    assertValidJson(json);
    // The null properties come first and are written as null, as Jackson writes them; then the cut note.
    assertTrue(
        json.startsWith("{\"id\":null,\"at\":null,\"total\":null,\"status\":null,\"note\":\"xxx"),
        json.substring(0, 80));
    List<JsonNode> incidents = incidents(records.get(0), "safejson-incidents");
    assertEquals("TRUNCATED", kindAt(incidents, "$"));
    assertEquals("TRUNCATED", kindAt(incidents, "$.note"));
  }

  @Test
  void underTheFailPolicyOnlyTheOversizeSendFails() throws Exception {
    String topic = KafkaBroker.newTopic("fail", 1);
    Map<String, Object> props = propertiesProducer();
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "20000");
    props.put("safejson.oversize.policy", "FAIL");
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(props)) {
      SerializationException e = assertThrows(
          SerializationException.class,
          () -> producer.send(new ProducerRecord<>(topic, "big", Map.of("blob", "x".repeat(30_000)))));
      assertTrue(e.getMessage().contains(topic) && e.getMessage().contains("is 30011 bytes,")
          && e.getMessage().contains("max.request.size 20000"), e.getMessage());
      assertNotNull(producer.send(new ProducerRecord<>(topic, "small", Map.of("blob", "fits"))).get());
    }
    List<ConsumerRecord<byte[], byte[]>> records = KafkaBroker.readRaw(topic, 1, TIMEOUT);
    assertEquals(1, records.size());
    assertEquals("{\"blob\":\"fits\"}", new String(records.get(0).value(), StandardCharsets.UTF_8));
  }

  @Test
  void recordsAtTheEdgeOfTheBudgetFitWithAKeyAndHeaders() throws Exception {
    String topic = KafkaBroker.newTopic("edge", 1);
    int limit = 8192;
    Map<String, Object> props = propertiesProducer();
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(limit));
    String key = "k".repeat(800);
    byte[] trace = "t".repeat(100).getBytes(StandardCharsets.UTF_8);
    List<Integer> sizes = new ArrayList<>();
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(props)) {
      // The value plus the trace header (name 5 + value 100 + 10) and an incidents header may take 8192 - 1024.
      for (int length = limit - 1024 - 115 - 200; length < limit - 1024; length += 7) {
        ProducerRecord<String, Object> record =
            new ProducerRecord<>(topic, key, Map.of("s", "x".repeat(length - 8) + "\uD800"));
        record.headers().add("trace", trace);
        assertNotNull(producer.send(record).get(), "length " + length);
        sizes.add(length);
      }
    }
    List<ConsumerRecord<byte[], byte[]>> records = KafkaBroker.readRaw(topic, sizes.size(), TIMEOUT);
    assertEquals(sizes.size(), records.size());
    for (ConsumerRecord<byte[], byte[]> record : records) {
      assertValidJson(new String(record.value(), StandardCharsets.UTF_8));
      assertNotNull(record.headers().lastHeader("safejson-incidents"));
    }
  }

  @Test
  void aSerializerOfYourOwnWinsAndKeysGetTheirOwnHeader() throws Exception {
    String topic = KafkaBroker.newTopic("own", 1);
    SafeSerializer own = SafeSerializer.builder().redact("token").sortKeys(true).build();
    Map<String, Object> props = KafkaBroker.producerProperties();
    props.put("safejson.sort.keys", "false");
    // Kafka configures only the serializers it creates from class names: an instance learns its role (key or
    // value) and the producer's limits from a configure call of its own.
    SafeJsonSerializer keys = new SafeJsonSerializer(own);
    keys.configure(props, true);
    SafeJsonSerializer values = new SafeJsonSerializer(own);
    values.configure(props, false);
    try (KafkaProducer<Object, Object> producer = new KafkaProducer<>(props, keys, values)) {
      producer.send(new ProducerRecord<>(topic, Map.of("k", Double.NaN), Map.of("z", 1, "token", "abc", "a", 2))).get();
    }
    List<ConsumerRecord<byte[], byte[]>> records = KafkaBroker.readRaw(topic, 1, TIMEOUT);
    assertEquals("{\"k\":null}", new String(records.get(0).key(), StandardCharsets.UTF_8));
    assertEquals("{\"a\":2,\"token\":\"[REDACTED]\",\"z\":1}", new String(records.get(0).value(), StandardCharsets.UTF_8));
    assertEquals("NON_FINITE", kindAt(incidents(records.get(0), "safejson-key-incidents"), "$.k"));
    assertEquals(List.of(), incidents(records.get(0), "safejson-incidents"));
  }

  @Test
  void listenersModulesAndCustomizersNamedInAPropertiesFileReachTheProducersSerializer() throws Exception {
    String topic = KafkaBroker.newTopic("classes", 1);
    String recorder = "producer-" + topic;
    Properties file = new Properties();
    file.load(new StringReader(String.join("\n",
        "key.serializer=org.apache.kafka.common.serialization.StringSerializer",
        "value.serializer=io.safejson.kafka.SafeJsonSerializer",
        "safejson.incident.listener=io.safejson.kafka.BuilderParts$RecordingListener,"
            + " io.safejson.kafka.BuilderParts$OtherRecordingListener",
        "safejson.modules=io.safejson.kafka.BuilderParts$MoneyModule",
        "safejson.builder.customizers=io.safejson.kafka.BuilderParts$MoneyAsText",
        BuilderParts.RECORDER + "=" + recorder)));
    file.putAll(KafkaBroker.producerProperties());
    BuilderParts.Money price = new BuilderParts.Money(new BigDecimal("12.50"), "EUR");
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(file)) {
      producer.send(new ProducerRecord<>(topic, "a", Map.of("price", price, "score", Double.NaN))).get();
    }

    Map<String, Object> consumerProps = KafkaBroker.consumerProperties();
    consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.StringDeserializer");
    consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "io.safejson.kafka.SafeJsonDeserializer");
    consumerProps.put("safejson.value.type", "java.lang.Object");
    try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerProps)) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, Object>> records = readSkippingPoison(consumer, 1, new ArrayList<>());
      assertEquals(1, records.size(), "records read");
      Map<?, ?> value = (Map<?, ?>) records.get(0).value();
      assertEquals("12.50 EUR", value.get("price"), "the customizer's converter is tried before the module");
      assertTrue(value.containsKey("score") && value.get("score") == null, value.toString());
      assertEquals("NON_FINITE", kindAt(incidents(records.get(0), "safejson-incidents"), "$.score"));
    }
    assertEquals(
        List.of("RecordingListener:$.score:NON_FINITE", "OtherRecordingListener:$.score:NON_FINITE"),
        BuilderParts.heard(recorder));
  }
}
