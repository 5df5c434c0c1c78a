package io.safejson.nats;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.safejson.Incident;
import io.safejson.JsonReadException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A publisher and subscribers on real jnats connections to a real {@code nats-server}. */
final class NatsPublisherIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final int THREADS = 8;
  private static final int PER_THREAD = 500;

  private static NatsServer server;
  private static Connection subscriber;
  private static Connection publishing;

  @BeforeAll
  static void startServer() throws Exception {
    server = NatsServer.start("publisher", 1024 * 1024);
    subscriber = server.connect();
    publishing = server.connect();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  // --- the seed event, as in the WebSocket tests ----------------------------------------------------------

  enum ConnectionState {
    CONNECTED,
    DISCONNECTED
  }

  /** A bean a framework might hand over: one property works, the other one's getter throws. */
  public static final class Probe {
    public String getName() {
      return "probe-1";
    }

    public String getStatus() {
      throw new IllegalStateException("status service unavailable");
    }
  }

  record Seed(String type, ConnectionState state, UUID id, Instant at, BigDecimal amount, Path file, Probe probe) {}

  record SeedView(
      String type, ConnectionState state, UUID id, Instant at, BigDecimal amount, String file, Map<String, String> probe) {}

  static Seed seed() {
    return new Seed(
        "agent_started",
        ConnectionState.CONNECTED,
        UUID.fromString("3F2504E0-4F89-41D3-9A0C-0305E82C3301"), // the wire form must be lower case
        Instant.parse("2026-11-24T00:05:30.123Z"),
        new BigDecimal("12.50"),
        Path.of("/var/data/report.txt"),
        new Probe());
  }

  /** Asserts the seed's normalized wire form; the expected values are written by hand. */
  static void assertSeed(byte[] body) throws IOException {
    String json = new String(body, StandardCharsets.UTF_8);
    assertValidJson(json);
    JsonNode node = PLAIN.readTree(json);
    assertEquals("agent_started", node.get("type").asText());
    assertEquals("CONNECTED", node.get("state").asText());
    assertEquals("3f2504e0-4f89-41d3-9a0c-0305e82c3301", node.get("id").asText());
    assertEquals("2026-11-24T00:05:30.123Z", node.get("at").asText());
    assertTrue(node.get("amount").isTextual(), "BigDecimal travels as a string: " + json);
    assertEquals("12.50", node.get("amount").asText());
    assertEquals("/var/data/report.txt", node.get("file").asText());
    assertEquals("probe-1", node.get("probe").get("name").asText());
    assertEquals("[FAILED]", node.get("probe").get("status").asText());
  }

  static void assertSeedIncidentsHeader(Headers headers) {
    assertEquals(
        "[{\"path\":\"$.probe.status\",\"kind\":\"FAILED\",\"type\":\"io.safejson.nats.NatsPublisherIT$Probe\"}]",
        headers.getFirst("safejson-incidents"));
  }

  @Test
  void theSeedEventRoundTripsWithItsIncidentInTheHeader() throws Exception {
    Subscription subscription = subscriber.subscribe("seed");
    subscriber.flush(TIMEOUT);
    List<Incident> reported = new ArrayList<>();
    SafeNatsPublisher publisher = SafeNatsPublisher.builder().onIncident(reported::add).build(publishing);

    publisher.publish("seed", seed());

    Message message = subscription.nextMessage(TIMEOUT);
    assertNotNull(message, "the seed arrives");
    assertSeed(message.getData());
    assertSeedIncidentsHeader(message.getHeaders());
    assertEquals(List.of("$.probe.status"), reported.stream().map(Incident::path).toList());
    Incident fromHeader = SafeNatsMessages.incidents(message).get(0);
    assertEquals(Incident.Kind.FAILED, fromHeader.kind());
    assertEquals("$.probe.status", fromHeader.path());

    SeedView view = SafeNatsMessages.read(message, SeedView.class);
    assertEquals(
        new SeedView(
            "agent_started",
            ConnectionState.CONNECTED,
            UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301"),
            Instant.parse("2026-11-24T00:05:30.123Z"),
            new BigDecimal("12.50"),
            "/var/data/report.txt",
            Map.of("name", "probe-1", "status", "[FAILED]")),
        view);
    subscription.unsubscribe();
  }

  @Test
  void theCallersHeadersTravelWithTheMessage() throws Exception {
    Subscription subscription = subscriber.subscribe("with.headers");
    subscriber.flush(TIMEOUT);
    Headers mine = new Headers().put("trace-id", "0af7651916cd43dd");

    SafeNatsPublisher.of(publishing).publish("with.headers", mine, Map.of("ok", true));

    Message message = subscription.nextMessage(TIMEOUT);
    assertEquals("{\"ok\":true}", new String(message.getData(), StandardCharsets.UTF_8));
    assertEquals("0af7651916cd43dd", message.getHeaders().getFirst("trace-id"));
    assertNull(message.getHeaders().getFirst("safejson-incidents"), "nothing was fixed");
    assertEquals(1, mine.size(), "the caller's headers are not changed");
    subscription.unsubscribe();
  }

  /** A message of the concurrency run: who sent it and in which order. */
  record Tick(int thread, int seq, String note, Instant at) {}

  @Test
  void eightThreadsTimesFiveHundredPublishesThroughOnePublisherArriveCompleteValidAndInOrder() throws Exception {
    ConcurrentLinkedQueue<Message> received = new ConcurrentLinkedQueue<>();
    Dispatcher dispatcher = subscriber.createDispatcher(received::add);
    dispatcher.subscribe("ticks");
    subscriber.flush(TIMEOUT);
    SafeNatsPublisher publisher = SafeNatsPublisher.of(publishing);

    ExecutorService workers = Executors.newFixedThreadPool(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    long started;
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(
            workers.submit(
                () -> {
                  go.await();
                  for (int seq = 0; seq < PER_THREAD; seq++) {
                    publisher.publish(
                        "ticks", new Tick(thread, seq, "tick \u2713 " + thread + "/" + seq, Instant.now()));
                  }
                  return null;
                }));
      }
      started = System.nanoTime();
      go.countDown();
      for (Future<?> future : done) {
        future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } finally {
      workers.shutdownNow();
    }
    publishing.flush(TIMEOUT);
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (received.size() < THREADS * PER_THREAD && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    subscriber.closeDispatcher(dispatcher);

    assertEquals(THREADS * PER_THREAD, received.size(), "every message arrives");
    int[] next = new int[THREADS];
    for (Message message : received) {
      String json = new String(message.getData(), StandardCharsets.UTF_8);
      assertValidJson(json);
      assertNull(message.getHeaders(), "clean messages carry no header");
      Tick tick = SafeNatsMessages.read(message, Tick.class);
      assertEquals(next[tick.thread()], tick.seq(), "thread " + tick.thread() + " out of order at " + json);
      assertEquals("tick \u2713 " + tick.thread() + "/" + tick.seq(), tick.note());
      next[tick.thread()]++;
    }
    for (int count : next) {
      assertEquals(PER_THREAD, count);
    }
    System.out.printf("NatsPublisherIT: %d messages from %d threads delivered in %d ms%n", THREADS * PER_THREAD, THREADS, millis);
  }

  record Question(UUID id, String text) {}

  record Answer(UUID id, String text, Instant at, double score) {}

  @Test
  void aRequestGetsItsReplyAndTheResponderReadsTheTypedRequest() throws Exception {
    SafeNatsPublisher replies = SafeNatsPublisher.of(subscriber);
    Dispatcher responder =
        subscriber.createDispatcher(
            request -> {
              Question question = SafeNatsMessages.read(request, Question.class);
              replies.publish(
                  request.getReplyTo(),
                  new Answer(question.id(), question.text().toUpperCase(java.util.Locale.ROOT), Instant.EPOCH, Double.NaN));
            });
    responder.subscribe("ask");
    subscriber.flush(TIMEOUT);
    UUID id = UUID.randomUUID();

    Message reply =
        SafeNatsPublisher.of(publishing)
            .request("ask", new Question(id, "hello"), TIMEOUT)
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    assertEquals(
        "{\"id\":\"" + id + "\",\"text\":\"HELLO\",\"at\":\"1970-01-01T00:00:00Z\",\"score\":null}",
        new String(reply.getData(), StandardCharsets.UTF_8));
    assertEquals("$.score", SafeNatsMessages.incidents(reply).get(0).path(), "the reply's NaN is reported");
    subscriber.closeDispatcher(responder);
  }

  @Test
  void aRequestNobodyAnswersFailsItsFutureInsteadOfThrowing() throws Exception {
    CompletableFuture<Message> reply =
        SafeNatsPublisher.of(publishing).request("nobody.home", Map.of("q", 1), Duration.ofSeconds(2));
    Throwable failure = reply.handle((message, error) -> error).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertNotNull(failure, "no responders or a timeout, in the future");
  }

  @Test
  void jetStreamAcknowledgesTheSeedAndStoresItWithItsHeader() throws Exception {
    JetStreamManagement management = publishing.jetStreamManagement();
    management.addStream(
        StreamConfiguration.builder().name("EVENTS").subjects("events.>").storageType(StorageType.Memory).build());
    SafeNatsPublisher publisher = SafeNatsPublisher.of(publishing);

    PublishAck first = publisher.publishJetStream("events.seed", seed()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    PublishAck second =
        publisher.publishJetStream("events.seed", Map.of("n", 2)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    assertEquals("EVENTS", first.getStream());
    assertEquals(1, first.getSeqno());
    assertEquals(2, second.getSeqno());
    MessageInfo stored = management.getMessage("EVENTS", 1);
    assertSeed(stored.getData());
    assertSeedIncidentsHeader(stored.getHeaders());
    assertEquals("{\"n\":2}", new String(management.getMessage("EVENTS", 2).getData(), StandardCharsets.UTF_8));
  }

  @Test
  void aJetStreamPublishWithNoStreamFailsItsFuture() throws Exception {
    CompletableFuture<PublishAck> ack = SafeNatsPublisher.of(publishing).publishJetStream("no.stream.here", 1);
    Throwable failure = ack.handle((value, error) -> error).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertNotNull(failure, "no stream: the future fails, nothing is thrown");
  }

  @Test
  void aSubscriberReadingAMalformedPayloadGetsJsonReadExceptionWithItsPath() throws Exception {
    Subscription subscription = subscriber.subscribe("raw");
    subscriber.flush(TIMEOUT);
    publishing.publish("raw", "{\"id\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\",\"text\":".getBytes(StandardCharsets.UTF_8));
    publishing.publish("raw", "{\"id\":\"not-a-uuid\",\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    publishing.publish("raw", new byte[] {'"', (byte) 0xFF, '"'});

    JsonReadException truncated =
        assertThrows(JsonReadException.class, () -> SafeNatsMessages.read(subscription.nextMessage(TIMEOUT), Question.class));
    assertEquals("$.text", truncated.path(), truncated.getMessage());
    JsonReadException wrongType =
        assertThrows(JsonReadException.class, () -> SafeNatsMessages.read(subscription.nextMessage(TIMEOUT), Question.class));
    assertEquals("$.id", wrongType.path(), wrongType.getMessage());
    JsonReadException notUtf8 =
        assertThrows(JsonReadException.class, () -> SafeNatsMessages.read(subscription.nextMessage(TIMEOUT), String.class));
    assertEquals("$", notUtf8.path(), notUtf8.getMessage());
    subscription.unsubscribe();
  }
}
