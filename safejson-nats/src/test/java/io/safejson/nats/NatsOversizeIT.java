package io.safejson.nats;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.safejson.Incident;
import io.safejson.SafeSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A server with a small {@code max_payload} (8 KiB): each oversize policy, and the limit as the server counts it. */
final class NatsOversizeIT {
  private static final long MAX_PAYLOAD = 8192;
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private static NatsServer server;
  private static Connection subscriber;
  private static Connection publishing;

  @BeforeAll
  static void startServer() throws Exception {
    server = NatsServer.start("oversize", MAX_PAYLOAD);
    subscriber = server.connect();
    publishing = server.connect();
    assertEquals(MAX_PAYLOAD, publishing.getServerInfo().getMaxPayload(), "the config file sets the limit");
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static Map<String, Object> withText(String text) {
    return Map.of("id", 42, "text", text);
  }

  private static long size(Message message) {
    Headers headers = message.getHeaders();
    return message.getData().length + (headers == null || headers.isEmpty() ? 0 : headers.serializedLength());
  }

  private static void assertStillConnected(Connection connection, String subject) throws Exception {
    Subscription subscription = subscriber.subscribe(subject);
    subscriber.flush(TIMEOUT);
    SafeNatsPublisher.of(connection).publish(subject, Map.of("after", true));
    Message after = subscription.nextMessage(TIMEOUT);
    assertNotNull(after, "the connection still delivers: " + connection.getStatus() + "\n" + server.log());
    assertEquals(Connection.Status.CONNECTED, connection.getStatus());
    subscription.unsubscribe();
  }

  @Test
  void truncateCutsAnOversizeMessageToFitAndSaysSoInTheHeader() throws Exception {
    Subscription subscription = subscriber.subscribe("big");
    subscriber.flush(TIMEOUT);
    String text = "\u00e9\"".repeat(10_000); // 30,000 UTF-8 bytes before escaping
    SafeNatsPublisher.of(publishing).publish("big", withText(text));

    Message message = subscription.nextMessage(TIMEOUT);
    assertNotNull(message, server.log());
    assertTrue(size(message) <= MAX_PAYLOAD, "size " + size(message));
    assertTrue(size(message) > MAX_PAYLOAD / 2, "keeps what fits: " + size(message));
    assertValidJson(new String(message.getData(), StandardCharsets.UTF_8));
    JsonNode node = PLAIN.readTree(message.getData());
    assertEquals(42, node.get("id").asInt());
    assertTrue(node.get("text").asText().startsWith("\u00e9\"\u00e9\""));
    assertTrue(node.get("text").asText().endsWith("...[TRUNCATED]"));
    List<Incident> incidents = SafeNatsMessages.incidents(message);
    assertEquals(List.of("$", "$.text"), incidents.stream().map(Incident::path).toList());
    assertTrue(incidents.stream().allMatch(incident -> incident.kind() == Incident.Kind.TRUNCATED));
    subscription.unsubscribe();
    assertStillConnected(publishing, "after.truncate");
  }

  @Test
  void aMessageOfExactlyMaxPayloadWithHeadersIsDeliveredWholeAndOneByteMoreIsCut() throws Exception {
    Subscription subscription = subscriber.subscribe("boundary");
    subscriber.flush(TIMEOUT);
    Headers mine = new Headers().put("trace-id", "0af7651916cd43dd8448eb211c80319c");
    int bodyWithoutText = SafeSerializer.defaults().toJsonBytes(withText("")).length;
    int exact = (int) MAX_PAYLOAD - mine.serializedLength() - bodyWithoutText;
    SafeNatsPublisher publisher = SafeNatsPublisher.of(publishing);

    publisher.publish("boundary", mine, withText("a".repeat(exact)));
    publisher.publish("boundary", mine, withText("a".repeat(exact + 1)));

    Message whole = subscription.nextMessage(TIMEOUT);
    assertNotNull(whole, server.log());
    assertEquals(MAX_PAYLOAD, size(whole), "exactly the limit, as the server counts it");
    assertArrayEquals(SafeSerializer.defaults().toJsonBytes(withText("a".repeat(exact))), whole.getData());
    Message cut = subscription.nextMessage(TIMEOUT);
    assertNotNull(cut, server.log());
    assertTrue(size(cut) <= MAX_PAYLOAD, "size " + size(cut));
    assertEquals("0af7651916cd43dd8448eb211c80319c", cut.getHeaders().getFirst("trace-id"));
    assertEquals("$", SafeNatsMessages.incidents(cut).get(0).path());
    subscription.unsubscribe();
    assertStillConnected(publishing, "after.boundary");
  }

  @Test
  void withoutSafejsonHeadersPushingABodyOverTheLimitCostTheConnection() throws Exception {
    // Why headers must count: jnats checks the body alone, the server checks body plus headers and closes
    // the connection of a client that sends more.
    Connection raw = server.connect();
    Headers headers = new Headers().put("trace-id", "0af7651916cd43dd8448eb211c80319c");
    byte[] body = new byte[(int) MAX_PAYLOAD - 10];
    java.util.Arrays.fill(body, (byte) '1');
    raw.publish("raw.over", headers, body); // accepted by jnats's own check
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (raw.getStatus() == Connection.Status.CONNECTED && System.nanoTime() < deadline) {
      try {
        raw.flush(Duration.ofSeconds(1));
      } catch (Exception e) {
        // The flush fails once the server has closed the connection.
      }
      Thread.sleep(50);
    }
    assertNotEquals(Connection.Status.CONNECTED, raw.getStatus(), "the server drops the connection");
    assertTrue(server.log().contains("maximum payload exceeded"), server.log());
  }

  @Test
  void failThrowsOurExceptionFromPublishAndFailsTheFuturesOfRequestAndJetStream() throws Exception {
    JetStreamManagement management = publishing.jetStreamManagement();
    management.addStream(
        StreamConfiguration.builder().name("OVERSIZE").subjects("oversize.>").storageType(StorageType.Memory).build());
    SafeNatsPublisher publisher = SafeNatsPublisher.builder().oversizePolicy(OversizePolicy.FAIL).build(publishing);
    Map<String, Object> big = withText("x".repeat(10_000));
    long size = SafeSerializer.defaults().toJsonBytes(big).length;

    PayloadTooLargeException thrown =
        assertThrows(PayloadTooLargeException.class, () -> publisher.publish("orders.created", big));
    assertEquals("orders.created", thrown.subject());
    assertEquals(size, thrown.size());
    assertEquals(MAX_PAYLOAD, thrown.maxPayload());
    assertTrue(thrown.getMessage().contains("'orders.created'") && thrown.getMessage().contains("8192"), thrown.getMessage());

    ExecutionException request =
        assertThrows(
            ExecutionException.class,
            () -> publisher.request("ask", big, TIMEOUT).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    assertInstanceOf(PayloadTooLargeException.class, request.getCause());
    ExecutionException jetStream =
        assertThrows(
            ExecutionException.class,
            () -> publisher.publishJetStream("oversize.one", big).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    assertInstanceOf(PayloadTooLargeException.class, jetStream.getCause());
    assertEquals(0, management.getStreamInfo("OVERSIZE").getStreamState().getMsgCount(), "nothing was stored");

    assertEquals(1, publisher.publishJetStream("oversize.two", Map.of("small", true)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).getSeqno());
    assertStillConnected(publishing, "after.fail");
  }

  @Test
  void truncateAlsoAppliesToJetStreamAndRequests() throws Exception {
    JetStreamManagement management = publishing.jetStreamManagement();
    management.addStream(
        StreamConfiguration.builder().name("CUT").subjects("cut.>").storageType(StorageType.Memory).build());
    SafeNatsPublisher publisher = SafeNatsPublisher.of(publishing);

    long seq = publisher.publishJetStream("cut.one", withText("y".repeat(50_000))).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).getSeqno();

    var stored = management.getMessage("CUT", seq);
    assertTrue(stored.getData().length <= MAX_PAYLOAD);
    assertValidJson(new String(stored.getData(), StandardCharsets.UTF_8));
    assertTrue(stored.getHeaders().getFirst("safejson-incidents").startsWith("[{\"path\":\"$\",\"kind\":\"TRUNCATED\""));
  }
}
