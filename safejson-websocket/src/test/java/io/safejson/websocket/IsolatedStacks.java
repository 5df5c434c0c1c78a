package io.safejson.websocket;

import java.lang.reflect.Proxy;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Services that use one WebSocket stack each; {@link ClasspathIsolationTest} loads them through class loaders
 * that lack the other stacks, so they must never touch those classes.
 */
final class IsolatedStacks {
  private IsolatedStacks() {}

  static Map<String, Object> message() {
    return Map.of("at", Instant.parse("2026-11-24T00:05:30Z"), "id", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
  }

  /** Uses only the JDK client and a plain sink: no Jakarta, no Spring. */
  public static final class JdkOnlyService implements Callable<List<String>> {
    @Override
    public List<String> call() throws Exception {
      ConcurrentLinkedQueue<String> sent = new ConcurrentLinkedQueue<>();
      SafeWebSocketSender.forSink(text -> {
        sent.add(text);
        return CompletableFuture.completedFuture(null);
      }).send(message()).get(5, TimeUnit.SECONDS);
      WebSocket jdk = new InMemoryJdkWebSocket(sent);
      SafeWebSocketSender.forJdk(jdk).send(message()).get(5, TimeUnit.SECONDS);
      return List.copyOf(sent);
    }
  }

  /** Uses only Jakarta WebSocket: no Spring. */
  public static final class JakartaOnlyService implements Callable<List<String>> {
    @Override
    public List<String> call() throws Exception {
      ConcurrentLinkedQueue<String> sent = new ConcurrentLinkedQueue<>();
      jakarta.websocket.RemoteEndpoint.Async async =
          (jakarta.websocket.RemoteEndpoint.Async) Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {jakarta.websocket.RemoteEndpoint.Async.class},
              (proxy, method, args) -> {
                if (method.getName().equals("sendText") && args.length == 2) {
                  sent.add((String) args[0]);
                  ((jakarta.websocket.SendHandler) args[1]).onResult(new jakarta.websocket.SendResult());
                }
                return null;
              });
      jakarta.websocket.Session session =
          (jakarta.websocket.Session) Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {jakarta.websocket.Session.class},
              (proxy, method, args) -> switch (method.getName()) {
                case "getAsyncRemote" -> async;
                case "isOpen" -> true;
                default -> null;
              });
      SafeWebSocketSender.forJakarta(session).send(message()).get(5, TimeUnit.SECONDS);
      sent.add(new SafeJsonTextEncoder().encode(message()));
      return List.copyOf(sent);
    }
  }

  /** Uses only Spring: no Jakarta WebSocket API. */
  public static final class SpringOnlyService implements Callable<List<String>> {
    @Override
    public List<String> call() throws Exception {
      ConcurrentLinkedQueue<String> sent = new ConcurrentLinkedQueue<>();
      org.springframework.web.socket.WebSocketSession session =
          (org.springframework.web.socket.WebSocketSession) Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {org.springframework.web.socket.WebSocketSession.class},
              (proxy, method, args) -> switch (method.getName()) {
                case "sendMessage" -> {
                  sent.add(((org.springframework.web.socket.TextMessage) args[0]).getPayload());
                  yield null;
                }
                case "isOpen" -> true;
                default -> null;
              });
      SafeWebSocketSender.forSpring(session).send(message()).get(5, TimeUnit.SECONDS);
      return List.copyOf(sent);
    }
  }

  /** A JDK WebSocket whose output is a queue: enough for the sender, no network. */
  static final class InMemoryJdkWebSocket implements WebSocket {
    private final ConcurrentLinkedQueue<String> sent;

    InMemoryJdkWebSocket(ConcurrentLinkedQueue<String> sent) {
      this.sent = sent;
    }

    @Override
    public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
      sent.add(data.toString());
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public void request(long n) {}

    @Override
    public String getSubprotocol() {
      return "";
    }

    @Override
    public boolean isOutputClosed() {
      return false;
    }

    @Override
    public boolean isInputClosed() {
      return false;
    }

    @Override
    public void abort() {}
  }

}
