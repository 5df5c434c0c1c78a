package io.safejson.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.safejson.SafeSerializer;
import io.safejson.interop.HostileDocuments.Case;
import io.safejson.websocket.JettyServerFixture.JdkClient;
import jakarta.websocket.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Sends the core's hostile documents ({@code io.safejson.interop.HostileDocuments}) from a real Jetty server,
 * through a {@link SafeWebSocketSender} with default queue settings, to the JDK's WebSocket client on
 * 127.0.0.1, and hands back the text that arrived; shared by {@link WebSocketReaderInteropTest} and
 * {@link WebSocketReaderInteropIT}, each of which registers it on a static field: the server runs for the class.
 *
 * <p>Size limits on the way: the messages travel from the server to the client, so Jetty's default maximum
 * text message size (64 KiB, a limit on what Jetty receives) does not apply, and the JDK client has none (it
 * hands over partial frames, which {@link JdkClient} joins). The one bound on the way is the sender's own
 * {@code maxPendingBytes}, 16 MiB by default: see {@link #deliver(Case)}.
 */
final class HostileMessageServer implements BeforeAllCallback, AfterAllCallback {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final JettyServerFixture.Sessions endpoint = new JettyServerFixture.Sessions();
  private JettyServerFixture server;

  /** Starts the server before the test class's first test ({@code @RegisterExtension} on a static field). */
  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server =
        JettyServerFixture.start(
            container -> container.addEndpoint(JettyServerFixture.serving("/hostile", endpoint).build()));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
    }
  }


  /**
   * Sends the case's value as one message on a new connection and returns the text the client received,
   * after checking it arrived whole: the same length and chars as the case's serializer writes for the value.
   *
   * <p>The sender is {@code SafeWebSocketSender.forJakarta(session)} where the case uses the default serializer,
   * and otherwise differs from it only by the case's serializer (its decimal and integer styles, maxDepth or
   * maxStringLength). A document of more than 16 MiB of UTF-8 (the 21-million-char string cut to the readers'
   * 20,000,000 chars) exceeds the default {@code maxPendingBytes}: this first checks that the default sender
   * refuses it whole as OVERFLOW, never sending part of it, then sends it with {@code maxPendingBytes} raised
   * to its size, so that the readers still get to read it.
   */
  String deliver(Case c) throws Exception {
    String expected = c.render().get().json();
    long bytes = expected.getBytes(StandardCharsets.UTF_8).length;
    try (JdkClient client = JdkClient.connect(server.uri("/hostile"))) {
      Session session = endpoint.next();
      if (bytes > SafeWebSocketSender.DEFAULT_MAX_PENDING_BYTES) {
        assertRefusedAsOverflow(sender(session, c.serializer()).send(c.value()), bytes);
        SafeWebSocketSender raised =
            SafeWebSocketSender.builder().serializer(c.serializer()).maxPendingBytes(bytes).forJakarta(session);
        raised.send(c.value()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } else {
        sender(session, c.serializer()).send(c.value()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
      String received = client.next(TIMEOUT);
      assertWhole(expected, received);
      return received;
    }
  }

  private static SafeWebSocketSender sender(Session session, SafeSerializer serializer) {
    if (serializer == SafeSerializer.defaults()) {
      return SafeWebSocketSender.forJakarta(session);
    }
    return SafeWebSocketSender.builder().serializer(serializer).forJakarta(session);
  }

  private static void assertRefusedAsOverflow(CompletableFuture<Void> send, long bytes) {
    ExecutionException error = assertThrows(ExecutionException.class, () -> send.get(10, TimeUnit.SECONDS));
    SendFailedException failure = assertInstanceOf(SendFailedException.class, error.getCause());
    assertEquals(SendFailedException.Reason.OVERFLOW, failure.reason(), "a message of " + bytes + " bytes");
  }

  /** Compares without printing megabytes: the length, then the first char that differs. */
  private static void assertWhole(String expected, String received) {
    assertEquals(expected.length(), received.length(), "the message arrived with another length");
    int mismatch = 0;
    while (mismatch < expected.length() && expected.charAt(mismatch) == received.charAt(mismatch)) {
      mismatch++;
    }
    assertEquals(expected.length(), mismatch, "the message arrived changed from char " + mismatch);
  }
}
