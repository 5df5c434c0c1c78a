package io.safejson.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.safejson.Incident;
import io.safejson.testing.SafeJsonAssertions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ordering, bounding and failure semantics of {@link SafeWebSocketSender}, against sinks that enforce the real rules. */
final class SafeWebSocketSenderTest {
  private final ScheduledExecutorService network = Executors.newScheduledThreadPool(2);

  @AfterEach
  void stopNetwork() {
    network.shutdownNow();
  }

  /**
   * A sink that behaves like Tomcat's async remote and the JDK client: a send that starts while another is
   * in flight fails ("TEXT_FULL_WRITING" / "Send pending"); sends complete later on another thread.
   */
  private final class StrictSink implements Function<String, CompletionStage<?>> {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger overlaps = new AtomicInteger();
    final ConcurrentLinkedQueue<String> delivered = new ConcurrentLinkedQueue<>();

    @Override
    public CompletionStage<?> apply(String text) {
      if (inFlight.incrementAndGet() > 1) {
        overlaps.incrementAndGet();
        inFlight.decrementAndGet();
        throw new IllegalStateException("The remote endpoint was in state [TEXT_FULL_WRITING]");
      }
      CompletableFuture<Void> done = new CompletableFuture<>();
      Runnable finish = () -> {
        delivered.add(text);
        inFlight.decrementAndGet();
        done.complete(null);
      };
      if (ThreadLocalRandom.current().nextBoolean()) {
        finish.run(); // completes inline, as an in-memory transport does
      } else {
        network.schedule(finish, ThreadLocalRandom.current().nextInt(50), TimeUnit.MICROSECONDS);
      }
      return done;
    }
  }

  record Numbered(int thread, int sequence, Instant at, UUID id) {}

  @Test
  void eightThreadsSendingConcurrentlyNeverOverlapAndKeepEachThreadsOrder() throws Exception {
    StrictSink sink = new StrictSink();
    SafeWebSocketSender sender = SafeWebSocketSender.forSink(sink);
    ConcurrentLinkedQueue<CompletableFuture<Void>> all = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      Thread worker = new Thread(() -> {
        awaitQuietly(start);
        for (int i = 0; i < 250; i++) {
          all.add(sender.send(new Numbered(thread, i, Instant.now(), UUID.randomUUID())));
        }
      });
      worker.start();
      threads.add(worker);
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join(30_000);
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    assertEquals(0, sink.overlaps.get(), "no send started while another was in flight");
    assertEquals(2_000, sink.delivered.size());
    int[] next = new int[8];
    Pattern fields = Pattern.compile("\"thread\":(\\d+),\"sequence\":(\\d+)");
    for (String json : sink.delivered) {
      SafeJsonAssertions.assertValidJson(json);
      Matcher matcher = fields.matcher(json);
      assertTrue(matcher.find(), json);
      int thread = Integer.parseInt(matcher.group(1));
      assertEquals(next[thread]++, Integer.parseInt(matcher.group(2)), "order of thread " + thread);
    }
  }

  /** A consumer that accepts sends but finishes them only when the test says so. */
  private static final class SlowSink implements Function<String, CompletionStage<?>> {
    final ConcurrentLinkedQueue<CompletableFuture<Void>> open = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> started = new ConcurrentLinkedQueue<>();

    @Override
    public CompletionStage<?> apply(String text) {
      started.add(text);
      CompletableFuture<Void> done = new CompletableFuture<>();
      open.add(done);
      return done;
    }

    void finishAll() {
      CompletableFuture<Void> next;
      while ((next = open.poll()) != null) {
        next.complete(null);
      }
    }
  }

  private static SendFailedException.Reason reasonOf(CompletableFuture<Void> future) throws Exception {
    ExecutionException error = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    return assertInstanceOf(SendFailedException.class, error.getCause()).reason();
  }

  @Test
  void failNewRejectsTheOverflowingMessageAndKeepsTheRestFlowing() throws Exception {
    SlowSink sink = new SlowSink();
    SafeWebSocketSender sender =
        SafeWebSocketSender.builder().maxPendingMessages(2).overflowPolicy(OverflowPolicy.FAIL_NEW).forSink(sink);
    CompletableFuture<Void> inFlight = sender.send("m0");
    CompletableFuture<Void> q1 = sender.send("m1");
    CompletableFuture<Void> q2 = sender.send("m2");
    CompletableFuture<Void> rejected = sender.send("m3");
    assertEquals(SendFailedException.Reason.OVERFLOW, reasonOf(rejected));
    for (int i = 0; i < 3; i++) {
      sink.finishAll();
    }
    CompletableFuture.allOf(inFlight, q1, q2).get(5, TimeUnit.SECONDS);
    assertEquals(List.of("\"m0\"", "\"m1\"", "\"m2\""), List.copyOf(sink.started));
    sender.send("m4");
    sink.finishAll();
    assertEquals(4, sink.started.size(), "the sender keeps working after an overflow");
  }

  @Test
  void dropOldestFailsTheOldestQueuedMessagesToMakeRoom() throws Exception {
    SlowSink sink = new SlowSink();
    SafeWebSocketSender sender =
        SafeWebSocketSender.builder().maxPendingMessages(2).overflowPolicy(OverflowPolicy.DROP_OLDEST).forSink(sink);
    CompletableFuture<Void> inFlight = sender.send("m0");
    CompletableFuture<Void> oldest = sender.send("m1");
    CompletableFuture<Void> kept = sender.send("m2");
    CompletableFuture<Void> newest = sender.send("m3");
    assertEquals(SendFailedException.Reason.DROPPED, reasonOf(oldest));
    for (int i = 0; i < 3; i++) {
      sink.finishAll();
    }
    CompletableFuture.allOf(inFlight, kept, newest).get(5, TimeUnit.SECONDS);
    assertEquals(List.of("\"m0\"", "\"m2\"", "\"m3\""), List.copyOf(sink.started));
  }

  @Test
  void closeSessionFailsEverythingPendingAndClosesTheConnection() throws Exception {
    SlowSink sink = new SlowSink();
    SafeWebSocketSender sender =
        SafeWebSocketSender.builder().maxPendingMessages(1).overflowPolicy(OverflowPolicy.CLOSE_SESSION).forSink(sink);
    sender.send("m0");
    CompletableFuture<Void> queued = sender.send("m1");
    CompletableFuture<Void> overflow = sender.send("m2");
    assertEquals(SendFailedException.Reason.OVERFLOW, reasonOf(queued));
    assertEquals(SendFailedException.Reason.OVERFLOW, reasonOf(overflow));
    assertEquals(SendFailedException.Reason.CLOSED, reasonOf(sender.send("after close")));
  }

  @Test
  void aSlowConsumerNeverMakesTheQueueExceedItsByteLimit() throws Exception {
    SlowSink sink = new SlowSink();
    long maxBytes = 10_000;
    SafeWebSocketSender sender =
        SafeWebSocketSender.builder()
            .maxPendingBytes(maxBytes)
            .overflowPolicy(OverflowPolicy.DROP_OLDEST)
            .forSink(sink);
    String payload = "x".repeat(500);
    int rejectedOrDropped = 0;
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      futures.add(sender.send(Map.of("n", i, "payload", payload)));
      assertTrue(sender.pendingBytes() <= maxBytes, "pending bytes " + sender.pendingBytes());
    }
    for (CompletableFuture<Void> future : futures) {
      if (future.isCompletedExceptionally()) {
        rejectedOrDropped++;
      }
    }
    assertTrue(rejectedOrDropped > 4_900, "dropped " + rejectedOrDropped);
    assertTrue(sender.pendingMessages() <= 21, "pending " + sender.pendingMessages());
  }

  @Test
  void byDefaultTheQueueHoldsSixteenMebibytesOfSmallMessagesWithNoCountCap() throws Exception {
    SlowSink sink = new SlowSink();
    SafeWebSocketSender sender = SafeWebSocketSender.forSink(sink);
    String text = "s".repeat(126); // 128 bytes once quoted
    int fits = 16 * 1024 * 1024 / 128; // 131,072 small messages: far past any count cap
    CompletableFuture<Void> inFlight = sender.send(text);
    List<CompletableFuture<Void>> queued = new ArrayList<>();
    for (int i = 0; i < fits; i++) {
      queued.add(sender.send(text));
    }
    assertTrue(queued.stream().noneMatch(CompletableFuture::isDone), "every message within 16 MiB waits");
    assertEquals(16L * 1024 * 1024, sender.pendingBytes());
    assertEquals(fits + 1, sender.pendingMessages());
    assertEquals(SendFailedException.Reason.OVERFLOW, reasonOf(sender.send(text)), "one byte more overflows");
    assertEquals(16L * 1024 * 1024, SafeWebSocketSender.DEFAULT_MAX_PENDING_BYTES);
    assertEquals(Integer.MAX_VALUE, SafeWebSocketSender.DEFAULT_MAX_PENDING_MESSAGES);
    sink.finishAll();
    inFlight.get(5, TimeUnit.SECONDS);
    CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    assertEquals(fits + 1, sink.started.size(), "every queued message was sent");
  }

  @Test
  void aMessageLargerThanTheByteLimitFailsAloneWithOverflow() throws Exception {
    SafeWebSocketSender sender =
        SafeWebSocketSender.builder().maxPendingBytes(100).forSink(text -> CompletableFuture.completedFuture(null));
    assertEquals(SendFailedException.Reason.OVERFLOW, reasonOf(sender.send("y".repeat(200))));
    sender.send("small").get(5, TimeUnit.SECONDS);
  }

  @Test
  void aSendThatNeverCompletesTimesOutInsteadOfHanging() throws Exception {
    SlowSink sink = new SlowSink();
    SafeWebSocketSender sender =
        SafeWebSocketSender.builder().sendTimeout(Duration.ofMillis(100)).forSink(sink);
    CompletableFuture<Void> stuck = sender.send("m0");
    CompletableFuture<Void> behind = sender.send("m1");
    assertEquals(SendFailedException.Reason.TIMEOUT, reasonOf(stuck));
    assertEquals(SendFailedException.Reason.CLOSED, reasonOf(behind));
  }

  @Test
  void aTransportFailureFailsThatMessageOnly() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    SafeWebSocketSender sender =
        SafeWebSocketSender.forSink(
            text -> calls.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new java.io.IOException("broken pipe"))
                : CompletableFuture.completedFuture(null));
    assertEquals(SendFailedException.Reason.TRANSPORT, reasonOf(sender.send("first")));
    sender.send("second").get(5, TimeUnit.SECONDS);
  }

  @Test
  void closingTheSenderFailsQueuedMessagesPromptly() throws Exception {
    SlowSink sink = new SlowSink();
    SafeWebSocketSender sender = SafeWebSocketSender.forSink(sink);
    sender.send("in flight");
    CompletableFuture<Void> queued = sender.send("queued");
    sender.close();
    assertEquals(SendFailedException.Reason.CLOSED, reasonOf(queued));
    assertEquals(SendFailedException.Reason.CLOSED, reasonOf(sender.send("late")));
  }

  @Test
  void hostileMessagesAreSentAsValidJsonAndTheirIncidentsReported() throws Exception {
    ConcurrentLinkedQueue<String> delivered = new ConcurrentLinkedQueue<>();
    List<Incident> incidents = new ArrayList<>();
    SafeWebSocketSender sender =
        SafeWebSocketSender.builder()
            .onIncident(incidents::add)
            .forSink(text -> {
              delivered.add(text);
              return CompletableFuture.completedFuture(null);
            });
    Map<String, Object> cyclic = new java.util.HashMap<>();
    cyclic.put("self", cyclic);
    cyclic.put("score", Double.NaN);
    sender.send(cyclic).get(5, TimeUnit.SECONDS);
    SafeJsonAssertions.assertValidJson(delivered.peek());
    assertEquals(2, incidents.size());
  }

  @Test
  void builderRejectsNonsenseLimits() {
    assertEquals(
        "maxPendingMessages must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> SafeWebSocketSender.builder().maxPendingMessages(0))
            .getMessage());
    assertEquals(
        "maxPendingBytes must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> SafeWebSocketSender.builder().maxPendingBytes(0))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> SafeWebSocketSender.builder().sendTimeout(Duration.ZERO));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
