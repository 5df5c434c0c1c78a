package io.safejson.nats;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import io.safejson.Incident;
import io.safejson.SafeSerializer;
import io.safejson.buildtools.HostileValues;
import io.safejson.buildtools.HostileValues.Part;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Whatever a publisher sends through a real {@code nats-server} (max_payload 64 KiB) reaches the subscriber
 * as strict JSON: the bytes of {@code toJson} when it fits, cut to fit with a TRUNCATED incident when not.
 */
@StatisticsReport(onFailureOnly = true)
class NatsDeliveryPropertiesIT {
  private static final long MAX_PAYLOAD = 64 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final AtomicLong TRIES = new AtomicLong();

  private static NatsServer server;
  private static Subscription subscription;
  private static SafeNatsPublisher publisher;

  @BeforeContainer
  static void connect() throws Exception {
    server = NatsServer.start("properties", MAX_PAYLOAD);
    Connection subscriber = server.connect();
    subscription = subscriber.subscribe("hostile");
    subscriber.flush(TIMEOUT);
    publisher = SafeNatsPublisher.of(server.connect());
  }

  @AfterContainer
  static void disconnect() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Provide
  Arbitrary<List<Part>> messages() {
    return HostileValues.messages(40_000, 400_000); // about a quarter of the tries need a cut
  }

  @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
  void whatASubscriberReceivesParsesStrictlyAndIsTheBytesOfToJson(@ForAll("messages") List<Part> parts)
      throws Exception {
    long id = TRIES.incrementAndGet();
    Object value = HostileValues.message(id, parts);
    byte[] expected = SafeSerializer.defaults().toJsonBytes(value);

    publisher.publish("hostile", value);
    Message received = receive(id);

    String json = new String(received.getData(), StandardCharsets.UTF_8);
    assertValidJson(json);
    Headers headers = received.getHeaders();
    long size = received.getData().length + (headers == null ? 0 : headers.serializedLength());
    assertTrue(size <= MAX_PAYLOAD, "size " + size);
    List<Incident> incidents = SafeNatsMessages.incidents(received);
    boolean cut = !incidents.isEmpty() && incidents.get(0).path().equals("$");
    if (cut) {
      assertEquals(Incident.Kind.TRUNCATED, incidents.get(0).kind());
      assertTrue(expected.length > MAX_PAYLOAD - 4096 - 100, "only a message near the limit is cut: " + expected.length);
    } else {
      assertArrayEquals(expected, received.getData(), "the same bytes as toJson");
      JsonNode delivered = PLAIN.readTree(json).get("parts");
      assertEquals(parts.size(), delivered.size());
    }
    for (Part part : parts) {
      Statistics.label("kind").collect(part.kind);
    }
    Statistics.label("cut").collect(cut);
    Statistics.label("cut").coverage(checker -> {
      checker.check(true).count(count -> count > 0);
      checker.check(false).count(count -> count > 0);
    });
    Statistics.label("kind")
        .coverage(
            checker -> {
              for (HostileValues.Kind kind : HostileValues.Kind.values()) {
                checker.check(kind).count(count -> count > 0);
              }
            });
  }

  /** Returns this try's message, skipping older ones a failed try left behind (each checked strictly). */
  private static Message receive(long id) throws Exception {
    while (true) {
      Message message = subscription.nextMessage(TIMEOUT);
      assertNotNull(message, "try " + id + " arrives");
      assertValidJson(new String(message.getData(), StandardCharsets.UTF_8));
      JsonNode tryNumber = PLAIN.readTree(message.getData()).get("try");
      if (tryNumber != null && tryNumber.asLong() == id) {
        return message;
      }
      assertTrue(tryNumber == null || tryNumber.asLong() < id, "a later try's message while waiting for " + id);
    }
  }
}
