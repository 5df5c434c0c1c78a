package io.safejson.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.safejson.websocket.JettyServerFixture.Collector;
import io.safejson.websocket.JettyWebSocketTest.Tick;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.component.LifeCycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** End to end through a real Spring {@code WebSocketSession} (Spring's standard client on Jetty's Jakarta client). */
final class SpringWebSocketTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int THREADS = 8;
  private static final int PER_THREAD = 100;

  private final ExecutorService workers = Executors.newFixedThreadPool(THREADS);
  private final Collector collector = new Collector();
  private final Handler handler = new Handler();
  private JettyServerFixture server;
  private WebSocketContainer container;
  private WebSocketSession session;

  /** Spring's side of the connection; remembers transport errors so a test cannot miss them. */
  private static final class Handler extends TextWebSocketHandler {
    final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
      errors.add(exception);
    }
  }

  @BeforeEach
  void connect() throws Exception {
    server =
        JettyServerFixture.start(
            deployed -> deployed.addEndpoint(JettyServerFixture.serving("/collect", collector).build()));
    // Found through ServiceLoader: Jetty's Jakarta client, the one on the test classpath.
    container = ContainerProvider.getWebSocketContainer();
    StandardWebSocketClient client = new StandardWebSocketClient(container);
    session = client.execute(handler, server.uri("/collect").toString()).get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void disconnect() throws Exception {
    workers.shutdownNow();
    try {
      if (session != null && session.isOpen()) {
        session.close(CloseStatus.NORMAL);
      }
    } finally {
      try {
        // The provider's container owns an HTTP client and threads: stop them, not just the session.
        LifeCycle.stop(container);
      } finally {
        if (server != null) {
          server.close();
        }
      }
    }
  }

  @Test
  void theSeedMessageSentThroughASpringSessionArrivesWithNormalizedValues() throws Exception {
    SafeWebSocketSender sender = SafeWebSocketSender.forSpring(session);

    sender.send(JettyWebSocketTest.seed()).get(10, TimeUnit.SECONDS);

    JettyWebSocketTest.assertSeed(collector.next(1, TIMEOUT).get(0));
    assertTrue(handler.errors.isEmpty(), handler.errors.toString());
  }

  @Test
  void eightThreadsSendingThroughOneSpringSenderDeliverEveryMessageInPerThreadOrder() throws Exception {
    // Spring's sendMessage is blocking and not thread-safe: the sender is what makes this run legal.
    SafeWebSocketSender sender = SafeWebSocketSender.forSpring(session);
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
                  sent.add(sender.send(new Tick(thread, seq, "from Spring " + thread + "/" + seq)));
                }
                return null;
              }));
    }

    go.countDown();
    for (Future<?> thread : threads) {
      thread.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    List<String> received = collector.next(THREADS * PER_THREAD, TIMEOUT);

    assertEquals(THREADS * PER_THREAD, sent.size());
    JettyWebSocketTest.assertTicksInOrder(received, THREADS, PER_THREAD);
    assertEquals(0, collector.waiting(), "nothing beyond the burst");
    assertTrue(handler.errors.isEmpty(), handler.errors.toString());
    assertFalse(sent.stream().anyMatch(CompletableFuture::isCompletedExceptionally));
  }
}
