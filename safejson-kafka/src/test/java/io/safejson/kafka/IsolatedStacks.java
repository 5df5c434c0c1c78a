package io.safejson.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;

/**
 * A service that uses only kafka-clients and this module; {@link ClasspathIsolationTest} loads it through a
 * class loader without Kafka Streams, the broker, Spring or Scala, so it must never touch them.
 */
final class IsolatedStacks {
  private IsolatedStacks() {}

  /** Serializes, deserializes and round-trips through the serde, as a plain producer and consumer would. */
  public static final class ClientsOnlyService implements Callable<List<String>> {
    @Override
    public List<String> call() {
      List<String> out = new ArrayList<>();
      SafeJsonSerializer serializer = new SafeJsonSerializer();
      serializer.configure(Map.of("safejson.sort.keys", "true", "max.request.size", "4096"), false);
      RecordHeaders headers = new RecordHeaders();
      byte[] bytes = serializer.serialize("t", headers, Map.of("b", Double.NaN, "a", "x"));
      out.add(new String(bytes, StandardCharsets.UTF_8));
      out.add(new String(headers.lastHeader("safejson-incidents").value(), StandardCharsets.US_ASCII));

      SafeJsonDeserializer<Object> deserializer = new SafeJsonDeserializer<>();
      deserializer.configure(Map.of("safejson.value.type", "java.util.Map"), false);
      out.add(String.valueOf(deserializer.deserialize("t", bytes)));

      Serde<Object> serde = SafeJsonSerde.of(Object.class);
      out.add(String.valueOf(serde.deserializer().deserialize("t", serde.serializer().serialize("t", Map.of("c", 1)))));
      return out;
    }
  }
}
