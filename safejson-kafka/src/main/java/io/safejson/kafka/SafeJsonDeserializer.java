package io.safejson.kafka;

import io.safejson.JsonReadException;
import io.safejson.SafeSerializer;
import io.safejson.kafka.internal.ClientSettings;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka deserializer reading JSON records into a type with {@link SafeSerializer}'s hardened reader (no
 * polymorphic typing; depth, string and input length limits; duplicate keys and trailing tokens rejected;
 * strict UTF-8).
 *
 * <p>A record it cannot read (a poison record) gives a {@link SerializationException} naming the topic, the
 * type, the JSON path and what was wrong; the consumer wraps it in a {@code RecordDeserializationException}
 * carrying the partition and offset, after handing out every good record before it, so the application can
 * {@code seek(offset + 1)} past it and lose nothing else.
 *
 * <pre>{@code
 * value.deserializer=io.safejson.kafka.SafeJsonDeserializer
 * safejson.value.type=com.example.OrderPlaced
 * }</pre>
 *
 * <p>Or {@code new SafeJsonDeserializer<>(OrderPlaced.class)}, or a subclass whose no-arg constructor passes the
 * type. A type given to a constructor wins over {@code safejson.value.type} / {@code safejson.key.type}; so does
 * a serializer over the {@code safejson.*} reader keys ({@code max.depth}, {@code max.string.length},
 * {@code max.input.length}). A {@code null} record stays {@code null}, and so does the JSON document
 * {@code null}. Thread-safe once configured.
 *
 * @param <T> the type records are read into
 */
public class SafeJsonDeserializer<T> implements Deserializer<T> {
  private final SafeSerializer given;
  private volatile Class<T> type;
  private volatile SafeSerializer reader;

  /** Creates a deserializer whose type comes from {@code safejson.value.type} or {@code safejson.key.type}. */
  public SafeJsonDeserializer() {
    this.given = null;
    this.reader = SafeSerializer.defaults();
  }

  /** Creates a deserializer reading into {@code type}; {@code configure} may still set the reader's limits. */
  public SafeJsonDeserializer(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
    this.given = null;
    this.reader = SafeSerializer.defaults();
  }

  /** Creates a deserializer reading into {@code type} with {@code reader}'s limits and modules. */
  public SafeJsonDeserializer(Class<T> type, SafeSerializer reader) {
    this.type = Objects.requireNonNull(type, "type");
    this.given = Objects.requireNonNull(reader, "reader");
    this.reader = reader;
  }

  /**
   * Reads the {@code safejson.*} keys, and the target type when none was given to the constructor.
   *
   * @throws ConfigException naming the key, for a bad value, or when there is no target type at all
   */
  @Override
  @SuppressWarnings("unchecked")
  public void configure(Map<String, ?> configs, boolean isKey) {
    ClientSettings settings = ClientSettings.read(configs, isKey);
    if (type == null) {
      String key = isKey ? SafeJsonKafkaConfig.KEY_TYPE : SafeJsonKafkaConfig.VALUE_TYPE;
      if (settings.type() == null) {
        throw new ConfigException(
            key, null, "SafeJsonDeserializer needs the class to read records into (java.lang.Object for maps and lists)");
      }
      type = (Class<T>) settings.type();
    }
    if (given == null) {
      reader = settings.serializer();
    }
  }

  /**
   * Reads one record.
   *
   * @throws SerializationException for a record that is not valid UTF-8, not JSON, too large or too deep, or
   *     that does not fit the type; the message names the topic, the type and the JSON path
   */
  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    Class<T> target = type;
    if (target == null) {
      throw new SerializationException(
          "SafeJsonDeserializer has no target type: pass it to the constructor or set "
              + SafeJsonKafkaConfig.VALUE_TYPE + " / " + SafeJsonKafkaConfig.KEY_TYPE);
    }
    String what = "a record of topic " + topic + " (" + data.length + " bytes) as " + target.getName();
    try {
      return reader.fromJson(data, target);
    } catch (JsonReadException e) {
      throw new SerializationException("Cannot read " + what + ": " + e.getMessage(), e);
    } catch (RuntimeException | StackOverflowError e) {
      throw new SerializationException("Cannot read " + what + ": " + e, e);
    }
  }

  @Override
  public void close() {}
}
