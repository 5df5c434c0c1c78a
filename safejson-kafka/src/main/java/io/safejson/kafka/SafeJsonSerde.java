package io.safejson.kafka;

import io.safejson.SafeSerializer;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serde} (for Kafka Streams) pairing {@link SafeJsonSerializer} and {@link SafeJsonDeserializer}.
 *
 * <pre>{@code
 * Serde<OrderPlaced> orders = SafeJsonSerde.of(OrderPlaced.class);
 * builder.stream("orders", Consumed.with(Serdes.String(), orders))
 *     .mapValues(order -> new OrderSummary(order.id(), order.total()))
 *     .to("order-summaries", Produced.with(Serdes.String(), SafeJsonSerde.of(OrderSummary.class)));
 * }</pre>
 *
 * <p>Kafka Streams calls {@code configure} only for its default serdes ({@code default.value.serde=
 * io.safejson.kafka.SafeJsonSerde} with {@code safejson.value.type}); a serde passed to {@code Consumed} or
 * {@code Produced} keeps the core's defaults and a 1 MiB record limit unless you call {@link #configure} or use
 * {@link #of(Class, SafeSerializer)}. Thread-safe once configured.
 *
 * @param <T> the type records are read into and written from
 */
public class SafeJsonSerde<T> implements Serde<T> {
  private final SafeJsonSerializer serializer;
  private final SafeJsonDeserializer<T> deserializer;

  /** Creates a serde configured by {@code configure}; the type comes from {@code safejson.value.type} / {@code key.type}. */
  public SafeJsonSerde() {
    this.serializer = new SafeJsonSerializer();
    this.deserializer = new SafeJsonDeserializer<>();
  }

  /** Creates a serde for {@code type}, with the core's defaults until {@code configure}. */
  public SafeJsonSerde(Class<T> type) {
    this.serializer = new SafeJsonSerializer();
    this.deserializer = new SafeJsonDeserializer<>(Objects.requireNonNull(type, "type"));
  }

  /** Creates a serde for {@code type} writing and reading with {@code serializer}. */
  public SafeJsonSerde(Class<T> type, SafeSerializer serializer) {
    this.serializer = new SafeJsonSerializer(serializer);
    this.deserializer = new SafeJsonDeserializer<>(Objects.requireNonNull(type, "type"), serializer);
  }

  /** Returns a serde for {@code type} with the core's defaults. */
  public static <T> SafeJsonSerde<T> of(Class<T> type) {
    return new SafeJsonSerde<>(type);
  }

  /** Returns a serde for {@code type} writing and reading with {@code serializer}. */
  public static <T> SafeJsonSerde<T> of(Class<T> type, SafeSerializer serializer) {
    return new SafeJsonSerde<>(type, serializer);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Serializer<T> serializer() {
    // SafeJsonSerializer takes any Object, so it is a serializer of every T.
    return (Serializer<T>) (Serializer<?>) serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
