package io.safejson.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.safejson.websocket.JettyServerFixture.JdkClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end on a real Jetty 12 server: a JDK client that stops reading makes the server's sends stop
 * completing, and the sender's byte bound and overflow policy take over exactly at the limit.
 */
final class JettyStalledClientTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** Every message is exactly this many UTF-8 bytes on the wire: a quoted string of ASCII. */
  private static final int MESSAGE_BYTES = 64 * 1024;
  /** Sixteen messages: small, so a test reaches it in milliseconds once the socket is full. */
  private static final long MAX_BYTES = 16L * MESSAGE_BYTES;
  private static final int QUEUE_ROOM = (int) (MAX_BYTES / MESSAGE_BYTES);
  /** A send not finished after this long counts as stalled; a healthy loopback send takes microseconds. */
  private static final Duration STALL = Duration.ofSeconds(1);
  /** Far more than the loopback socket buffers hold: failing to stall within it means the client kept reading. */
  private static final int MAX_MESSAGES_TO_STALL = 2_000;

  private final JettyServerFixture.Sessions endpoint = new JettyServerFixture.Sessions();
  private JettyServerFixture server;
  private JdkClient client;

  @BeforeEach
  void startServer() throws Exception {
    server =
        JettyServerFixture.start(
            container -> container.addEndpoint(JettyServerFixture.serving("/stall", endpoint).build()));
    client = JdkClient.connectPaused(server.uri("/stall"));
  }

  @AfterEach
  void stopEverything() throws Exception {
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      server.close();
    }
  }


  /** The text of message {@code seq}: its number in six digits, padded so its JSON is {@link #MESSAGE_BYTES}. */
  private static String message(int seq) {
    return String.format("%06d", seq) + "x".repeat(MESSAGE_BYTES - 2 - 6);
  }

  /** The number of a received message, read from its first digits. */
  private static int seqOf(String json) {
    assertEquals(MESSAGE_BYTES, json.length(), "every message arrives whole");
    return Integer.parseInt(json.substring(1, 7));
  }

  private SafeWebSocketSender sender(SafeWebSocketSender.Builder builder) throws Exception {
    return builder.forJakarta(endpoint.next());
  }

  /**
   * Sends one message at a time, each after the previous one completed, until one does not complete within
   * {@link #STALL}: from then on the connection is stalled and nothing the sender queues moves. Returns the
   * futures of every message sent, the last one being the one stuck in flight.
   */
  private static List<CompletableFuture<Void>> sendUntilStalled(SafeWebSocketSender sender) throws Exception {
    List<CompletableFuture<Void>> sent = new ArrayList<>();
    for (int seq = 0; seq < MAX_MESSAGES_TO_STALL; seq++) {
      CompletableFuture<Void> future = sender.send(message(seq));
      sent.add(future);
      try {
        future.get(STALL.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException stalled) {
        return sent;
      }
    }
    throw new AssertionError("the paused client never stalled the server within " + MAX_MESSAGES_TO_STALL + " messages");
  }

  /** Queues messages behind the stuck one until the queue holds exactly {@code room} of them. */
  private static List<CompletableFuture<Void>> fillQueue(SafeWebSocketSender sender, int firstSeq, int room) {
    List<CompletableFuture<Void>> queued = new ArrayList<>();
    for (int i = 0; i < room; i++) {
      queued.add(sender.send(message(firstSeq + i)));
    }
    for (CompletableFuture<Void> future : queued) {
      assertFalse(future.isDone(), "a message within the limit waits in the queue");
    }
    return queued;
  }

  private static SendFailedException.Reason reasonOf(CompletableFuture<Void> future) throws Exception {
    ExecutionException error = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    return assertInstanceOf(SendFailedException.class, error.getCause()).reason();
  }

  /** Asserts the connection is still stalled: the message in flight has not finished and nothing drained. */
  private static void assertStillStalled(SafeWebSocketSender sender, CompletableFuture<Void> inFlight, long bytes)
      throws InterruptedException {
    Thread.sleep(200);
    assertFalse(inFlight.isDone(), "the stalled send is still in flight");
    assertEquals(bytes, sender.pendingBytes(), "nothing drained while the client reads nothing");
  }

  private List<Integer> receive(int count) throws InterruptedException {
    List<Integer> seqs = new ArrayList<>();
    for (String json : client.next(count, TIMEOUT)) {
      seqs.add(seqOf(json));
    }
    return seqs;
  }

  private static List<Integer> range(int from, int toExclusive) {
    List<Integer> seqs = new ArrayList<>();
    for (int seq = from; seq < toExclusive; seq++) {
      seqs.add(seq);
    }
    return seqs;
  }

  @Test
  void failNewRejectsTheMessageThatWouldPassTheByteLimitAndTheRestArriveOnceTheClientReads() throws Exception {
    SafeWebSocketSender sender =
        sender(SafeWebSocketSender.builder().maxPendingBytes(MAX_BYTES).overflowPolicy(OverflowPolicy.FAIL_NEW));

    assertFailNewAtTheByteLimit(sender, MAX_BYTES);
  }

  /**
   * Stalls the connection, queues messages until {@code maxBytes} wait behind the stalled one, and asserts that
   * the next is rejected as OVERFLOW, that every accepted message arrives in order once the client reads, and
   * that the sender keeps working.
   */
  private void assertFailNewAtTheByteLimit(SafeWebSocketSender sender, long maxBytes) throws Exception {
    int room = (int) (maxBytes / MESSAGE_BYTES);
    List<CompletableFuture<Void>> sent = sendUntilStalled(sender);
    CompletableFuture<Void> inFlight = sent.get(sent.size() - 1);
    int next = sent.size();

    List<CompletableFuture<Void>> queued = fillQueue(sender, next, room);
    assertEquals(maxBytes, sender.pendingBytes(), "the queue is full to the byte, and nothing was refused");
    CompletableFuture<Void> rejected = sender.send(message(next + room));

    assertEquals(SendFailedException.Reason.OVERFLOW, reasonOf(rejected));
    assertStillStalled(sender, inFlight, maxBytes);
    client.resume();
    assertEquals(range(0, next + room), receive(next + room), "every accepted message, in order");
    CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    sender.send(message(999_999)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertEquals(List.of(999_999), receive(1), "the sender keeps working, and the rejected message never came");
  }

  @Test
  void dropOldestFailsTheOldestQueuedMessageAtTheByteLimitAndTheNewestArrives() throws Exception {
    SafeWebSocketSender sender =
        sender(SafeWebSocketSender.builder().maxPendingBytes(MAX_BYTES).overflowPolicy(OverflowPolicy.DROP_OLDEST));
    List<CompletableFuture<Void>> sent = sendUntilStalled(sender);
    CompletableFuture<Void> inFlight = sent.get(sent.size() - 1);
    int next = sent.size();

    List<CompletableFuture<Void>> queued = fillQueue(sender, next, QUEUE_ROOM);
    CompletableFuture<Void> newest = sender.send(message(next + QUEUE_ROOM));

    assertEquals(SendFailedException.Reason.DROPPED, reasonOf(queued.get(0)));
    assertFalse(newest.isDone(), "the newest message took the dropped one's place");
    assertStillStalled(sender, inFlight, MAX_BYTES);
    client.resume();
    List<Integer> expected = range(0, next);
    expected.addAll(range(next + 1, next + QUEUE_ROOM + 1));
    assertEquals(expected, receive(expected.size()), "everything but the dropped message, in order");
    newest.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void closeSessionFailsEverythingPendingAtTheByteLimitAndClosesWith1013() throws Exception {
    SafeWebSocketSender sender =
        sender(
            SafeWebSocketSender.builder().maxPendingBytes(MAX_BYTES).overflowPolicy(OverflowPolicy.CLOSE_SESSION));
    List<CompletableFuture<Void>> sent = sendUntilStalled(sender);
    int next = sent.size();

    List<CompletableFuture<Void>> queued = fillQueue(sender, next, QUEUE_ROOM);
    CompletableFuture<Void> overflowing = sender.send(message(next + QUEUE_ROOM));

    assertEquals(SendFailedException.Reason.OVERFLOW, reasonOf(overflowing));
    for (CompletableFuture<Void> future : queued) {
      assertEquals(SendFailedException.Reason.OVERFLOW, reasonOf(future));
    }
    assertEquals(0, sender.pendingBytes());
    assertEquals(SendFailedException.Reason.CLOSED, reasonOf(sender.send("after the overflow")));
    client.resume();
    assertEquals(range(0, next), receive(next), "what was sent or in flight before the overflow, in order");
    assertEquals(SafeWebSocketSender.OVERFLOW_CLOSE_CODE, client.closeCode(TIMEOUT));
  }

  @Test
  void aDefaultSenderFailsNewSendsOnlyOnceSixteenMebibytesWaitBehindTheStalledOne() throws Exception {
    // No builder: the default byte bound and overflow policy (FAIL_NEW) are what this test is about.
    SafeWebSocketSender sender = SafeWebSocketSender.forJakarta(endpoint.next());

    // 256 messages of 64 KiB wait before the first one is refused.
    assertFailNewAtTheByteLimit(sender, 16L * 1024 * 1024);
  }

  @Test
  void aConfiguredMessageCountCapStillRejectsAtItsCountOnAStalledConnection() throws Exception {
    int maxMessages = 4;
    SafeWebSocketSender sender =
        sender(SafeWebSocketSender.builder().maxPendingMessages(maxMessages).overflowPolicy(OverflowPolicy.FAIL_NEW));
    List<CompletableFuture<Void>> sent = sendUntilStalled(sender);
    CompletableFuture<Void> inFlight = sent.get(sent.size() - 1);
    int next = sent.size();

    fillQueue(sender, next, maxMessages);
    CompletableFuture<Void> rejected = sender.send(message(next + maxMessages));

    assertEquals(SendFailedException.Reason.OVERFLOW, reasonOf(rejected));
    assertTrue(sender.pendingBytes() < SafeWebSocketSender.DEFAULT_MAX_PENDING_BYTES, "the count, not the bytes");
    assertStillStalled(sender, inFlight, (long) maxMessages * MESSAGE_BYTES);
    client.resume();
    assertEquals(range(0, next + maxMessages), receive(next + maxMessages));
  }
}
