package io.safejson.websocket;

import io.safejson.buildtools.VirtualThreads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.safejson.websocket.JettyServerFixture.JdkClient;
import io.safejson.websocket.JettyWebSocketTest.Tick;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/** One default sender on a real Jetty 12 server, fed by a thousand virtual threads at once. */
@EnabledForJreRange(
    min = JRE.JAVA_21,
    disabledReason = "virtual threads and the jdk.VirtualThreadPinned JFR event exist from Java 21 on")
final class VirtualThreadSendTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int THREADS = 1_000;
  private static final int PER_THREAD = 20;

  private final SenderEndpoint endpoint = new SenderEndpoint();
  private JettyServerFixture server;
  private JdkClient client;

  @BeforeEach
  void startServer() throws Exception {
    server =
        JettyServerFixture.start(
            container -> container.addEndpoint(JettyServerFixture.serving("/vt", endpoint).build()));
    client = JdkClient.connect(server.uri("/vt"));
  }

  @AfterEach
  void stopEverything() throws Exception {
    try {
      client.close();
    } finally {
      server.close();
    }
  }

  /** Builds a default sender for each connection and hands it to the test. */
  // Public: Jetty refuses to deploy a non-public endpoint class, even one served from a given instance.
  public static final class SenderEndpoint extends Endpoint {
    final CompletableFuture<SafeWebSocketSender> opened = new CompletableFuture<>();

    @Override
    public void onOpen(Session session, EndpointConfig config) {
      opened.complete(SafeWebSocketSender.forJakarta(session));
    }
  }

  /** Blocks in its class initializer, which pins a virtual thread on every JDK: proof that the recording sees pins. */
  static final class PinsWhileInitializing {
    static {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    static void touch() {}
  }

  @Test
  void aThousandVirtualThreadsSendThroughOneSenderAndEveryMessageArrivesInEachThreadsOrderWithoutPinning()
      throws Exception {
    SafeWebSocketSender sender = endpoint.opened.get(10, TimeUnit.SECONDS);
    ConcurrentLinkedQueue<CompletableFuture<Void>> sent = new ConcurrentLinkedQueue<>();
    AtomicInteger virtual = new AtomicInteger();
    ExecutorService threads = VirtualThreads.newPerTaskExecutor();
    // The JVM loads and initializes classes with the carrier pinned (Java 25 reports each as
    // jdk.VirtualThreadPinned); one virtual thread sending first keeps that one-time cost out of the recording.
    threads.submit(() -> sender.send(new Tick(0, -1, "warm-up")).get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
    assertTrue(client.next(TIMEOUT).contains("warm-up"));

    List<RecordedEvent> pinned =
        VirtualThreads.pinnedEventsDuring(
            () -> {
              try {
                threads.submit(PinsWhileInitializing::touch).get(10, TimeUnit.SECONDS);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> tasks = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                  int thread = t;
                  tasks.add(
                      threads.submit(
                          () -> {
                            if (VirtualThreads.isVirtual(Thread.currentThread())) {
                              virtual.incrementAndGet();
                            }
                            go.await();
                            for (int seq = 0; seq < PER_THREAD; seq++) {
                              sent.add(sender.send(new Tick(thread, seq, "virtual " + thread + "/" + seq)));
                            }
                            return null;
                          }));
                }
                go.countDown();
                for (Future<?> task : tasks) {
                  task.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                }
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
              } finally {
                threads.shutdown();
                assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
              }
              return null;
            });
    List<String> received = client.next(THREADS * PER_THREAD, TIMEOUT);

    assertEquals(THREADS, virtual.get(), "every sender ran on a virtual thread");
    JettyWebSocketTest.assertTicksInOrder(received, THREADS, PER_THREAD);
    assertTrue(
        pinned.stream().anyMatch(event -> VirtualThreads.hasFrameOf(event, PinsWhileInitializing.class.getName())),
        "the recording caught the deliberate pin; events:" + VirtualThreads.describe(pinned));
    List<RecordedEvent> ours = new ArrayList<>();
    for (RecordedEvent event : pinned) {
      if (VirtualThreads.libraryFrame(event) != null) {
        ours.add(event);
      }
    }
    System.out.println(
        "jdk.VirtualThreadPinned on Java " + Runtime.version().feature() + ": " + pinned.size()
            + " event(s), " + ours.size() + " with a safejson frame" + VirtualThreads.describe(pinned));
    assertEquals(List.of(), ours, "pinned inside safejson:" + VirtualThreads.describe(ours));
  }
}
