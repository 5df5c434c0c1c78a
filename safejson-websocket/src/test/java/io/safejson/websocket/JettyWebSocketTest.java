package io.safejson.websocket;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.LargeIntegerStyle;
import io.safejson.SafeSerializer;
import io.safejson.websocket.JettyServerFixture.Collector;
import io.safejson.websocket.JettyServerFixture.JdkClient;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** End to end on a real Jetty 12 server, with the JDK's own WebSocket client on the other side. */
final class JettyWebSocketTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int THREADS = 8;
  private static final int PER_THREAD = 250;
  private static final int TOTAL = THREADS * PER_THREAD;
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private final ExecutorService workers = Executors.newFixedThreadPool(THREADS);
  private final SendingEndpoint sending = new SendingEndpoint();
  private final Collector collector = new Collector();
  private final ErrorCapturingEndpoint capturing = new ErrorCapturingEndpoint();
  private final List<JdkClient> clients = new ArrayList<>();
  private JettyServerFixture server;

  @BeforeEach
  void startServer() throws Exception {
    SafeSerializer unsafeIntegersAsStrings =
        SafeSerializer.builder().largeIntegers(LargeIntegerStyle.STRING_WHEN_UNSAFE).build();
    server =
        JettyServerFixture.start(
            container -> {
              container.addEndpoint(JettyServerFixture.serving("/send", sending).build());
              container.addEndpoint(JettyServerFixture.serving("/collect", collector).build());
              ServerEndpointConfig configured =
                  JettyServerFixture.serving("/configured", new ConfiguredEncodingEndpoint())
                      .encoders(List.of(SafeJsonTextEncoder.class))
                      .build();
              configured.getUserProperties().put(SafeJsonTextEncoder.SERIALIZER_PROPERTY, unsafeIntegersAsStrings);
              container.addEndpoint(configured);
              container.addEndpoint(EncodingEndpoint.class);
              container.addEndpoint(DecodingEndpoint.class);
              container.addEndpoint(
                  JettyServerFixture.serving("/decoded-programmatic", capturing)
                      .decoders(List.of(ChatRequestDecoder.class))
                      .build());
            });
  }

  @AfterEach
  void stopEverything() throws Exception {
    workers.shutdownNow();
    try {
      for (JdkClient client : clients) {
        client.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  private JdkClient connect(String path) throws Exception {
    JdkClient client = JdkClient.connect(server.uri(path));
    clients.add(client);
    return client;
  }

  // --- (a) the seed message -------------------------------------------------------------------------------

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

  record Seed(
      String type, ConnectionState state, UUID id, Instant at, BigDecimal amount, Path file, Probe probe) {}

  static Seed seed() {
    return new Seed(
        "agent_started",
        ConnectionState.CONNECTED,
        // Upper case on purpose: the wire form must be the canonical lower-case one.
        UUID.fromString("3F2504E0-4F89-41D3-9A0C-0305E82C3301"),
        Instant.parse("2026-11-24T00:05:30.123Z"),
        new BigDecimal("12.50"),
        Path.of("/var/data/report.txt"),
        new Probe());
  }

  /** Asserts the seed's normalized wire form; the expected values are written by hand. */
  static void assertSeed(String json) throws IOException {
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

  /** A message of the concurrency runs: who sent it and in which order. */
  record Tick(int thread, int seq, String note) {}

  /**
   * Asserts {@code messages} are {@code threads} × {@code perThread} valid ticks, each thread's in its own
   * sending order.
   */
  static void assertTicksInOrder(List<String> messages, int threads, int perThread) throws IOException {
    assertEquals(threads * perThread, messages.size());
    int[] next = new int[threads];
    for (String message : messages) {
      assertValidJson(message);
      JsonNode node = PLAIN.readTree(message);
      int thread = node.get("thread").asInt();
      int seq = node.get("seq").asInt();
      assertEquals(next[thread], seq, "thread " + thread + " out of order at " + message);
      next[thread]++;
    }
    for (int thread = 0; thread < threads; thread++) {
      assertEquals(perThread, next[thread], "messages of thread " + thread);
    }
  }

  /** Sends on command: the seed through the default sender, or a burst from many threads through one sender. */
  // Public: Jetty refuses to deploy a non-public endpoint class, even one served from a given instance.
  public final class SendingEndpoint extends Endpoint {
    final ConcurrentLinkedQueue<CompletableFuture<Void>> sent = new ConcurrentLinkedQueue<>();
    final CompletableFuture<SafeWebSocketSender> opened = new CompletableFuture<>();
    final CompletableFuture<Session> closed = new CompletableFuture<>();

    @Override
    public void onOpen(Session session, EndpointConfig config) {
      // Defaults only: the burst submits faster than the network drains, and a healthy client must still get
      // every message (issue 9: a default cap of 1,000 messages failed part of this burst).
      SafeWebSocketSender sender = SafeWebSocketSender.forJakarta(session);
      opened.complete(sender);
      session.addMessageHandler(
          String.class,
          (MessageHandler.Whole<String>)
              command -> {
                if (command.equals("seed")) {
                  sent.add(sender.send(seed()));
                } else if (command.equals("burst")) {
                  burst(sender);
                }
              });
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
      closed.complete(session);
    }

    private void burst(SafeWebSocketSender sender) {
      // Off the container's thread, and all threads released at once so they really contend.
      CountDownLatch go = new CountDownLatch(1);
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        workers.execute(
            () -> {
              try {
                go.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              for (int seq = 0; seq < PER_THREAD; seq++) {
                sent.add(sender.send(new Tick(thread, seq, "tick ✓ " + thread + "/" + seq)));
              }
            });
      }
      go.countDown();
    }
  }

  @Test
  void theSeedMessageArrivesAsValidJsonWithNormalizedValues() throws Exception {
    JdkClient client = connect("/send");

    client.sendText("seed");

    assertSeed(client.next(TIMEOUT));
    // The endpoint records the send's future after send() returns, which can be after the frame arrived.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (sending.sent.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(1, sending.sent.size());
    sending.sent.peek().get(10, TimeUnit.SECONDS);
  }

  // --- (b) concurrent sends through one server-side sender ------------------------------------------------

  @Test
  void eightThreadsSendingThroughOneDefaultJakartaSenderDeliverEveryMessageInPerThreadOrder() throws Exception {
    JdkClient client = connect("/send");

    client.sendText("burst");
    List<String> received = client.next(TOTAL, TIMEOUT);

    assertTicksInOrder(received, THREADS, PER_THREAD);
    assertEquals(TOTAL, sending.sent.size());
    CompletableFuture.allOf(sending.sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
  }

  /**
   * Waits until Jetty has finished closing {@code session}. Jetty calls {@code onClose} before it sends its
   * own close frame, and the session reports open until then: a send in that window is written ahead of the
   * close frame and succeeds (measured: 10 sends in 100 on Java 17 and on Java 25), so "after the client
   * left" starts when the session says so.
   */
  private static void awaitClosed(Session session) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (session.isOpen()) {
      assertTrue(System.nanoTime() < deadline, "Jetty did not finish closing the session within 10 s");
      Thread.sleep(5);
    }
  }

  @Test
  void aSendAfterTheClientLeftFailsAsClosedInsteadOfHanging() throws Exception {
    JdkClient client = connect("/send");
    SafeWebSocketSender sender = sending.opened.get(10, TimeUnit.SECONDS);

    client.close();
    awaitClosed(sending.closed.get(10, TimeUnit.SECONDS));
    CompletableFuture<Void> late = sender.send(seed());

    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> late.get(10, TimeUnit.SECONDS));
    SendFailedException cause = assertInstanceOf(SendFailedException.class, failure.getCause());
    assertEquals(SendFailedException.Reason.CLOSED, cause.reason());
  }

  // --- (c) the encoder ------------------------------------------------------------------------------------

  /** The encoder's documented use: an annotated endpoint that sends objects through the basic remote. */
  @ServerEndpoint(value = "/encoded", encoders = SafeJsonTextEncoder.class)
  public static final class EncodingEndpoint {
    @OnMessage
    public void onMessage(Session session, String command) throws IOException, EncodeException {
      session.getBasicRemote().sendObject(hostile(command));
    }
  }

  /** The same, programmatic, with a configured serializer in its endpoint configuration. */
  public static final class ConfiguredEncodingEndpoint extends Endpoint {
    @Override
    public void onOpen(Session session, EndpointConfig config) {
      session.addMessageHandler(
          String.class,
          (MessageHandler.Whole<String>)
              command -> {
                try {
                  session.getBasicRemote().sendObject(hostile(command));
                } catch (IOException | EncodeException e) {
                  // The client then times out waiting, and the test names the command.
                  throw new IllegalStateException(e);
                }
              });
    }
  }

  static Object hostile(String command) {
    switch (command) {
      case "nan":
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("nan", Double.NaN);
        numbers.put("infinity", Float.POSITIVE_INFINITY);
        numbers.put("fine", 1.5);
        return numbers;
      case "cycle":
        Map<String, Object> self = new HashMap<>();
        self.put("name", "loop");
        self.put("self", self);
        return self;
      case "big":
        Map<String, Object> big = new LinkedHashMap<>();
        big.put("id", 9007199254740993L); // 2^53 + 1: a double cannot hold it
        big.put("small", 42L);
        return big;
      default:
        throw new IllegalArgumentException(command);
    }
  }

  @Test
  void theEncoderTurnsNanIntoValidJsonOnTheBasicRemote() throws Exception {
    JdkClient client = connect("/encoded");

    client.sendText("nan");
    String json = client.next(TIMEOUT);

    assertValidJson(json);
    JsonNode node = PLAIN.readTree(json);
    assertTrue(node.get("nan").isNull(), json);
    assertTrue(node.get("infinity").isNull(), json);
    assertEquals(1.5, node.get("fine").asDouble());
  }

  @Test
  void theEncoderCutsACycleAndTheRestOfTheMessageArrives() throws Exception {
    JdkClient client = connect("/encoded");

    client.sendText("cycle");
    String json = client.next(TIMEOUT);

    assertValidJson(json);
    JsonNode node = PLAIN.readTree(json);
    assertEquals("loop", node.get("name").asText());
    assertEquals("[CYCLE]", node.get("self").asText());
  }

  @Test
  void theEncoderUsesTheSerializerFromTheEndpointUserProperties() throws Exception {
    JdkClient configured = connect("/configured");
    JdkClient defaults = connect("/encoded");

    configured.sendText("big");
    defaults.sendText("big");
    String configuredJson = configured.next(TIMEOUT);
    String defaultJson = defaults.next(TIMEOUT);

    assertValidJson(configuredJson);
    JsonNode node = PLAIN.readTree(configuredJson);
    assertTrue(node.get("id").isTextual(), configuredJson);
    assertEquals("9007199254740993", node.get("id").asText());
    assertTrue(node.get("small").isNumber(), "safe integers stay numbers: " + configuredJson);
    // Without the property the same value stays a number, so the string above came from the configuration.
    assertValidJson(defaultJson);
    assertTrue(PLAIN.readTree(defaultJson).get("id").isIntegralNumber(), defaultJson);
  }

  // --- (d) the decoder ------------------------------------------------------------------------------------

  record ChatRequest(String text, int priority) {}

  /** The decoder as users write it: a subclass naming the type. */
  public static final class ChatRequestDecoder extends SafeJsonTextDecoder<ChatRequest> {
    public ChatRequestDecoder() {
      super(ChatRequest.class);
    }
  }

  /** The decoder's documented use: an annotated endpoint that receives typed messages. */
  @ServerEndpoint(value = "/decoded", decoders = ChatRequestDecoder.class)
  public static final class DecodingEndpoint {
    @OnMessage
    public String onMessage(ChatRequest request) {
      return "echo:" + request.text() + ":" + request.priority();
    }
  }

  /** The same decoder on a programmatic endpoint, keeping what {@code onError} receives for the test. */
  public static final class ErrorCapturingEndpoint extends Endpoint {
    final CompletableFuture<Throwable> error = new CompletableFuture<>();

    @Override
    public void onOpen(Session session, EndpointConfig config) {
      session.addMessageHandler(
          ChatRequest.class,
          (MessageHandler.Whole<ChatRequest>)
              request -> session.getAsyncRemote().sendText("echo:" + request.text() + ":" + request.priority()));
    }

    @Override
    public void onError(Session session, Throwable thrown) {
      error.complete(thrown);
    }
  }

  /**
   * Returns the {@link DecodeException} that {@code onError} received. Jetty 12 delivers it wrapped in its own
   * {@code CloseException} (it closes the session on a decode failure), so one Jetty wrapper is accepted; any
   * other exception, from the decoder or elsewhere, fails.
   */
  static DecodeException decodeExceptionFrom(Throwable error) {
    if (error instanceof DecodeException) {
      return (DecodeException) error;
    }
    assertTrue(error.getClass().getName().startsWith("org.eclipse.jetty."), "unexpected " + error);
    assertInstanceOf(DecodeException.class, error.getCause(), "the cause of " + error);
    return (DecodeException) error.getCause();
  }

  @Test
  void aValidMessageDecodesToTheRecord() throws Exception {
    JdkClient client = connect("/decoded");

    client.sendText("{\"text\":\"héllo 👋\",\"priority\":3,\"unknown\":true}");

    assertEquals("echo:héllo 👋:3", client.next(TIMEOUT));
  }

  @Test
  void aValidMessageDecodesToTheRecordOnAProgrammaticEndpoint() throws Exception {
    JdkClient client = connect("/decoded-programmatic");

    client.sendText("{\"text\":\"hi\",\"priority\":1}");

    assertEquals("echo:hi:1", client.next(TIMEOUT));
    assertFalse(capturing.error.isDone(), "no error for a valid message");
  }

  @Test
  void aMismatchedMessageReachesOnErrorAsADecodeExceptionNamingThePath() throws Exception {
    JdkClient client = connect("/decoded-programmatic");

    client.sendText("{\"text\":\"hi\",\"priority\":\"urgent\"}");
    Throwable error = capturing.error.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    DecodeException decode = decodeExceptionFrom(error);
    assertTrue(decode.getMessage().startsWith("Cannot read JSON at $.priority: "), decode.getMessage());
    assertEquals("{\"text\":\"hi\",\"priority\":\"urgent\"}", decode.getText(), "the offending message");
  }

  @Test
  void truncatedJsonReachesOnErrorAsADecodeExceptionNamingTheProblem() throws Exception {
    JdkClient client = connect("/decoded-programmatic");

    client.sendText("{\"text\":\"hi\",");
    Throwable error = capturing.error.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    DecodeException decode = decodeExceptionFrom(error);
    assertTrue(decode.getMessage().startsWith("Cannot read JSON at "), decode.getMessage());
    assertTrue(decode.getMessage().contains("end-of-input"), decode.getMessage());
  }

  @Test
  void aMalformedMessageOnTheAnnotatedEndpointClosesTheConnectionInsteadOfCrashing() throws Exception {
    JdkClient client = connect("/decoded");

    client.sendText("[1, 2");

    // Jetty's reaction to a DecodeException: close with 1003 (cannot accept); the JVM and the server live on.
    assertEquals(1003, client.closeCode(TIMEOUT));
    JdkClient next = connect("/decoded");
    next.sendText("{\"text\":\"still here\",\"priority\":2}");
    assertEquals("echo:still here:2", next.next(TIMEOUT));
  }

  // --- (e) the JDK client sending -------------------------------------------------------------------------

  @Test
  void eightThreadsSendingThroughOneDefaultJdkSenderDeliverEveryMessageWithoutSendPending() throws Exception {
    JdkClient client = connect("/collect");
    // Defaults only: a healthy server must get the whole burst, without "Send pending" and in order.
    SafeWebSocketSender sender = SafeWebSocketSender.forJdk(client.webSocket());
    ConcurrentLinkedQueue<CompletableFuture<Void>> sent = new ConcurrentLinkedQueue<>();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      threads.add(
          workers.submit(
              () -> {
                go.await();
                for (int seq = 0; seq < PER_THREAD; seq++) {
                  sent.add(sender.send(new Tick(thread, seq, "from the JDK client " + thread + "/" + seq)));
                }
                return null;
              }));
    }

    go.countDown();
    for (Future<?> thread : threads) {
      thread.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
    // Every future completing normally means no send ever failed, "Send pending" included.
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    List<String> received = collector.next(TOTAL, TIMEOUT);

    assertEquals(TOTAL, sent.size());
    assertTicksInOrder(received, THREADS, PER_THREAD);
  }
}
