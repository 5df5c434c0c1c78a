package io.safejson.kafka;

import io.safejson.SafeSerializer;
import io.safejson.kafka.internal.ClientSettings;
import io.safejson.kafka.internal.RecordEncoder;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serializer for any value, through {@link SafeSerializer}: it never throws for a value, writes what it
 * had to fix into a {@value SafeJsonKafkaConfig#INCIDENTS_HEADER} record header, and keeps each record under the
 * producer's {@code max.request.size} by an {@link OversizePolicy}.
 *
 * <p>From properties alone (every {@code safejson.*} key is listed in {@link SafeJsonKafkaConfig}):
 *
 * <pre>{@code
 * value.serializer=io.safejson.kafka.SafeJsonSerializer
 * safejson.redact=password,token
 * safejson.oversize.policy=TRUNCATE
 * safejson.incident.listener=com.example.IncidentCounter
 * safejson.builder.customizers=com.example.MoneyAsText
 * }</pre>
 *
 * <p>Or with a serializer of your own:
 * {@code new KafkaProducer<>(props, new StringSerializer(), new SafeJsonSerializer(mySafeSerializer))}; a
 * subclass whose no-arg constructor passes one works by class name too. A serializer given to a constructor
 * wins over the {@code safejson.*} serializer keys; a policy given to a constructor wins over
 * {@code safejson.oversize.policy}. Kafka configures only the serializers it creates from class names: call
 * {@link #configure} on an instance yourself, with the producer's properties, so that it learns the producer's
 * {@code max.request.size} and whether it writes keys or values.
 *
 * <p>A {@code null} value stays {@code null} (a tombstone). Incidents of a key go to the
 * {@value SafeJsonKafkaConfig#KEY_INCIDENTS_HEADER} header. Before {@code configure} the core's defaults and
 * Kafka's default 1 MiB {@code max.request.size} apply. Thread-safe, as the producer requires.
 */
public class SafeJsonSerializer implements Serializer<Object> {
  private final SafeSerializer given;
  private final OversizePolicy givenPolicy;
  private volatile RecordEncoder encoder;

  /** Creates a serializer configured by {@code configure}: the {@code safejson.*} keys and the producer's limits. */
  public SafeJsonSerializer() {
    this.given = null;
    this.givenPolicy = null;
    this.encoder = encoderFor(ClientSettings.defaults(), false);
  }

  /** Creates a serializer writing with {@code serializer}; {@code configure} still reads the policy and limits. */
  public SafeJsonSerializer(SafeSerializer serializer) {
    this.given = Objects.requireNonNull(serializer, "serializer");
    this.givenPolicy = null;
    this.encoder = encoderFor(ClientSettings.defaults(), false);
  }

  /** Creates a serializer writing with {@code serializer} and handling oversize records by {@code policy}. */
  public SafeJsonSerializer(SafeSerializer serializer, OversizePolicy policy) {
    this.given = Objects.requireNonNull(serializer, "serializer");
    this.givenPolicy = Objects.requireNonNull(policy, "policy");
    this.encoder = encoderFor(ClientSettings.defaults(), false);
  }

  /**
   * Reads the {@code safejson.*} keys and the producer's {@code max.request.size} (Kafka Streams:
   * {@code producer.max.request.size}) and {@code buffer.memory}.
   *
   * @throws org.apache.kafka.common.config.ConfigException naming the key, for a bad {@code safejson.*} value
   */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    encoder = encoderFor(ClientSettings.read(configs, isKey), isKey);
  }

  private RecordEncoder encoderFor(ClientSettings settings, boolean isKey) {
    SafeSerializer serializer = given != null ? given : settings.serializer();
    OversizePolicy policy =
        givenPolicy != null ? givenPolicy : settings.policy() != null ? settings.policy() : OversizePolicy.TRUNCATE;
    return new RecordEncoder(serializer, policy, settings.recordLimit(), isKey);
  }

  /** Serializes {@code data} without headers, so without incidents header; never throws for a value. */
  @Override
  public byte[] serialize(String topic, Object data) {
    return serialize(topic, null, data);
  }

  /**
   * Serializes {@code data} and sets the incidents header when anything was fixed; never throws for a value.
   *
   * @throws SerializationException only under {@link OversizePolicy#FAIL}, naming the topic, size and limit
   */
  @Override
  public byte[] serialize(String topic, Headers headers, Object data) {
    return encoder.encode(topic, headers, data);
  }

  @Override
  public void close() {}
}
