package io.safejson.websocket;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A real embedded Jetty 12 (ee10) Jakarta WebSocket server on 127.0.0.1 and an ephemeral port. */
final class JettyServerFixture implements AutoCloseable {
  /** Registers the endpoints of one server: annotated classes and/or {@link ServerEndpointConfig}s. */
  @FunctionalInterface
  interface Deployment {
    void deploy(ServerContainer container) throws DeploymentException;
  }

  private final Server server;
  private final int port;

  private JettyServerFixture(Server server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts a server with the endpoints {@code deployment} registers; the caller must close it. */
  static JettyServerFixture start(Deployment deployment) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    // Loopback only: tests must never listen on a reachable interface.
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    JakartaWebSocketServletContainerInitializer.configure(
        context, (servletContext, container) -> deployment.deploy(container));
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      server.stop();
      throw e;
    }
    return new JettyServerFixture(server, connector.getLocalPort());
  }

  /**
   * A programmatic endpoint at {@code path} served by {@code instance} for every connection, so a test can
   * hand the endpoint its own state (and user properties such as a configured serializer) without statics.
   */
  static ServerEndpointConfig.Builder serving(String path, Endpoint instance) {
    return ServerEndpointConfig.Builder.create(instance.getClass(), path)
        .configurator(
            new ServerEndpointConfig.Configurator() {
              @Override
              public <T> T getEndpointInstance(Class<T> endpointClass) {
                return endpointClass.cast(instance);
              }
            });
  }

  /** Returns the ws:// address of {@code path} on this server. */
  URI uri(String path) {
    return URI.create("ws://127.0.0.1:" + port + path);
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not stop", e);
    }
  }

  /** Takes {@code count} messages from {@code messages}, failing if they do not all arrive within {@code timeout}. */
  static List<String> take(BlockingQueue<String> messages, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> received = new ArrayList<>(count);
    while (received.size() < count) {
      String message = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (message == null) {
        throw new AssertionError("only " + received.size() + " of " + count + " messages within " + timeout);
      }
      received.add(message);
    }
    return received;
  }

  /** A server endpoint that keeps every whole text message it receives, in arrival order. */
  // Public: Jetty refuses to deploy a non-public endpoint class, even one served from a given instance.
  public static final class Collector extends Endpoint {
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

    @Override
    public void onOpen(Session session, EndpointConfig config) {
      session.addMessageHandler(String.class, (MessageHandler.Whole<String>) messages::add);
    }

    /** Returns the next {@code count} messages, failing if they do not all arrive within {@code timeout}. */
    List<String> next(int count, Duration timeout) throws InterruptedException {
      return take(messages, count, timeout);
    }

    /** Returns how many received messages have not been taken yet. */
    int waiting() {
      return messages.size();
    }
  }

  /** A server endpoint that hands the server side of each new connection to the test, in connection order. */
  // Public: Jetty refuses to deploy a non-public endpoint class, even one served from a given instance.
  public static final class Sessions extends Endpoint {
    private final BlockingQueue<Session> opened = new LinkedBlockingQueue<>();

    @Override
    public void onOpen(Session session, EndpointConfig config) {
      opened.add(session);
    }

    /** Returns the session of the next connection, failing if none opens within 10 seconds. */
    Session next() throws InterruptedException {
      Session session = opened.poll(10, TimeUnit.SECONDS);
      if (session == null) {
        throw new AssertionError("the server opened no connection within 10 s");
      }
      return session;
    }
  }

  /**
   * A JDK {@code java.net.http.WebSocket} client that collects whole text messages: it joins partial frames
   * until {@code last} and requests one more message after each, as the JDK's flow control demands.
   *
   * <p>A paused client ({@link #connectPaused(URI)}) requests nothing until {@link #resume()}: the JDK then
   * stops reading from the socket, the TCP windows fill, and the server's sends stop completing, which is
   * what a stalled browser tab or a consumer stuck in a long pause looks like from the server.
   */
  static final class JdkClient implements WebSocket.Listener, AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    // The JDK calls a listener's methods one at a time, so the partial buffer needs no lock.
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final boolean paused;
    private volatile WebSocket webSocket;

    private JdkClient(boolean paused) {
      this.paused = paused;
    }

    /** Connects to {@code uri}, failing after 10 seconds. */
    static JdkClient connect(URI uri) throws Exception {
      return connect(uri, false);
    }

    /** Connects to {@code uri} without requesting any message until {@link #resume()}. */
    static JdkClient connectPaused(URI uri) throws Exception {
      return connect(uri, true);
    }

    private static JdkClient connect(URI uri, boolean paused) throws Exception {
      JdkClient client = new JdkClient(paused);
      client.webSocket =
          HTTP.newWebSocketBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .buildAsync(uri, client)
              .get(10, TimeUnit.SECONDS);
      return client;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      if (!paused) {
        webSocket.request(1);
      }
    }

    /** Starts reading again: requests the first message; each one received requests the next. */
    void resume() {
      webSocket.request(1);
    }

    WebSocket webSocket() {
      return webSocket;
    }

    /** Sends one text message and waits until the JDK has written it. */
    void sendText(String text) throws Exception {
      webSocket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    /** Returns the next whole message, failing if none arrives within {@code timeout}. */
    String next(Duration timeout) throws InterruptedException {
      String message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (message == null) {
        throw new AssertionError("no message within " + timeout);
      }
      return message;
    }

    /** Returns the next {@code count} messages, failing if they do not all arrive within {@code timeout}. */
    List<String> next(int count, Duration timeout) throws InterruptedException {
      return take(messages, count, timeout);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    /** Returns the status code of the server's close frame, failing if none arrives within {@code timeout}. */
    int closeCode(Duration timeout) throws Exception {
      return closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeCode.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closeCode.completeExceptionally(error);
    }

    /** Closes politely, and aborts when the server does not answer in time. */
    @Override
    public void close() {
      WebSocket socket = webSocket;
      if (socket == null) {
        return;
      }
      try {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        // Already closed or broken: abort below releases it either way.
      } finally {
        socket.abort();
      }
    }
  }
}
