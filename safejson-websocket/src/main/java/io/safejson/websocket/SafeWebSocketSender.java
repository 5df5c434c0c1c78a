package io.safejson.websocket;

import io.safejson.Incident;
import io.safejson.SafeResult;
import io.safejson.SafeSerializer;
import io.safejson.websocket.internal.SendQueue;
import io.safejson.websocket.internal.Transport;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sends any object as a JSON text message over one WebSocket connection: safely, in order, bounded.
 *
 * <p>{@link #send(Object)} serializes in the calling thread with {@link SafeSerializer} (which never fails),
 * then queues the text; exactly one message is in flight at a time, so Tomcat's {@code TEXT_FULL_WRITING} and
 * the JDK client's "Send pending" can never happen. Messages are written in call order. The queue is bounded
 * by {@code maxPendingBytes} (16 MiB by default, as OkHttp bounds its WebSocket queue), with an explicit
 * {@link OverflowPolicy}; a message-count cap ({@code maxPendingMessages}) and a send time limit
 * ({@code sendTimeout}) are optional and off by default, so a burst on a healthy connection fails only if
 * it queues more bytes than the limit, however many messages it holds.
 *
 * <pre>{@code
 * @OnOpen
 * public void open(Session session) {
 *   senders.put(session.getId(), SafeWebSocketSender.forJakarta(session));
 * }
 *
 * sender.send(new AgentEvent("agent_started", UUID.randomUUID(), Instant.now(), State.CONNECTED))
 *     .exceptionally(error -> { log.warn("not delivered", error); return null; });
 * }</pre>
 *
 * <p>One instance per connection; thread-safe. Futures fail only with {@link SendFailedException}.
 */
public final class SafeWebSocketSender implements AutoCloseable {
  /** Close code used by {@link OverflowPolicy#CLOSE_SESSION} and on a send timeout: 1013, "try again later". */
  public static final int OVERFLOW_CLOSE_CODE = 1013;
  /**
   * Default {@link Builder#maxPendingMessages(int)}: {@link Integer#MAX_VALUE}, that is no count cap; the queue
   * is bounded by {@link #DEFAULT_MAX_PENDING_BYTES}. Earlier snapshots capped the queue at 1,000 messages, which
   * failed bursts of small messages on healthy connections.
   */
  public static final int DEFAULT_MAX_PENDING_MESSAGES = Integer.MAX_VALUE;
  /** Default {@link Builder#maxPendingBytes(long)}: 16 MiB of UTF-8, the bound OkHttp puts on its queue. */
  public static final long DEFAULT_MAX_PENDING_BYTES = 16L * 1024 * 1024;

  private final SafeSerializer serializer;
  private final Consumer<Incident> onIncident;
  private final SendQueue queue;

  private SafeWebSocketSender(Builder builder, Transport transport) {
    this.serializer = builder.serializer;
    this.onIncident = builder.onIncident;
    this.queue =
        new SendQueue(
            transport,
            builder.maxPendingMessages,
            builder.maxPendingBytes,
            builder.overflowPolicy,
            builder.sendTimeout,
            OVERFLOW_CLOSE_CODE);
  }

  /** A sender with default settings for a Jakarta WebSocket session (server or client side). */
  public static SafeWebSocketSender forJakarta(jakarta.websocket.Session session) {
    return builder().forJakarta(session);
  }

  /** A sender with default settings for a JDK {@code java.net.http.WebSocket}. */
  public static SafeWebSocketSender forJdk(java.net.http.WebSocket webSocket) {
    return builder().forJdk(webSocket);
  }

  /** A sender with default settings for a Spring {@code WebSocketSession}. */
  public static SafeWebSocketSender forSpring(org.springframework.web.socket.WebSocketSession session) {
    return builder().forSpring(session);
  }

  /**
   * A sender with default settings for any other stack: {@code sink} starts sending one text message and
   * returns a stage that completes when it is sent.
   */
  public static SafeWebSocketSender forSink(Function<String, ? extends CompletionStage<?>> sink) {
    return builder().forSink(sink);
  }

  /** Returns a builder for a configured sender. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Serializes {@code message} in this thread and queues it; the future completes when the transport has sent
   * it, or fails with {@link SendFailedException}. Never throws.
   */
  public CompletableFuture<Void> send(Object message) {
    String json;
    if (onIncident == null) {
      json = serializer.toJson(message);
    } else {
      SafeResult result = serializer.serialize(message);
      json = result.json();
      for (Incident incident : result.incidents()) {
        try {
          onIncident.accept(incident);
        } catch (RuntimeException e) {
          // The listener's own failure must not stop the message.
        }
      }
    }
    return queue.submit(json);
  }

  /** Returns how many messages are queued or in flight. */
  public int pendingMessages() {
    return queue.pendingMessages();
  }

  /** Returns how many UTF-8 bytes wait in the queue (not counting the message in flight). */
  public long pendingBytes() {
    return queue.queuedBytes();
  }

  /**
   * Stops accepting messages and fails the queued ones with {@link SendFailedException.Reason#CLOSED}; does not
   * close the connection. Call it from your close handler.
   */
  @Override
  public void close() {
    queue.close();
  }

  /** Configures a {@link SafeWebSocketSender}; not thread-safe. */
  public static final class Builder {
    private SafeSerializer serializer = SafeSerializer.defaults();
    private Consumer<Incident> onIncident;
    private int maxPendingMessages = DEFAULT_MAX_PENDING_MESSAGES;
    private long maxPendingBytes = DEFAULT_MAX_PENDING_BYTES;
    private OverflowPolicy overflowPolicy = OverflowPolicy.FAIL_NEW;
    private Duration sendTimeout;

    Builder() {}

    /** The serializer for messages (default {@link SafeSerializer#defaults()}). */
    public Builder serializer(SafeSerializer serializer) {
      this.serializer = Objects.requireNonNull(serializer, "serializer");
      return this;
    }

    /** Receives the incidents of each message, on the sending thread. */
    public Builder onIncident(Consumer<Incident> listener) {
      this.onIncident = listener;
      return this;
    }

    /**
     * Messages allowed to wait behind the one in flight; positive, default {@link Integer#MAX_VALUE} (no count
     * cap: {@link #maxPendingBytes(long)} bounds the queue). Set it when a consumer must not fall more than so
     * many messages behind, whatever their size.
     */
    public Builder maxPendingMessages(int maxPendingMessages) {
      this.maxPendingMessages = (int) positive("maxPendingMessages", maxPendingMessages);
      return this;
    }

    /** UTF-8 bytes allowed to wait behind the one in flight; positive, default 16 MiB. */
    public Builder maxPendingBytes(long maxPendingBytes) {
      this.maxPendingBytes = positive("maxPendingBytes", maxPendingBytes);
      return this;
    }

    /** What happens when a message would exceed the limits (default {@link OverflowPolicy#FAIL_NEW}). */
    public Builder overflowPolicy(OverflowPolicy policy) {
      this.overflowPolicy = Objects.requireNonNull(policy, "overflowPolicy");
      return this;
    }

    /**
     * How long one send may take once started; on expiry its future fails with
     * {@link SendFailedException.Reason#TIMEOUT}, queued messages fail with CLOSED and the session is closed
     * with {@link #OVERFLOW_CLOSE_CODE}. {@code null} (the default) waits for the transport.
     */
    public Builder sendTimeout(Duration sendTimeout) {
      if (sendTimeout != null && (sendTimeout.isNegative() || sendTimeout.isZero())) {
        throw new IllegalArgumentException("sendTimeout must be positive: " + sendTimeout);
      }
      this.sendTimeout = sendTimeout;
      return this;
    }

    private static long positive(String name, long value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }

    /** Builds a sender for a Jakarta session; sends with the async remote and a {@code SendHandler}. */
    public SafeWebSocketSender forJakarta(jakarta.websocket.Session session) {
      return new SafeWebSocketSender(this, Transport.jakarta(Objects.requireNonNull(session, "session")));
    }

    /** Builds a sender for a JDK WebSocket. */
    public SafeWebSocketSender forJdk(java.net.http.WebSocket webSocket) {
      return new SafeWebSocketSender(this, Transport.jdk(Objects.requireNonNull(webSocket, "webSocket")));
    }

    /** Builds a sender for a Spring session (no {@code ConcurrentWebSocketSessionDecorator} needed). */
    public SafeWebSocketSender forSpring(org.springframework.web.socket.WebSocketSession session) {
      return new SafeWebSocketSender(this, Transport.spring(Objects.requireNonNull(session, "session")));
    }

    /** Builds a sender for any stack through a function that sends one text message. */
    public SafeWebSocketSender forSink(Function<String, ? extends CompletionStage<?>> sink) {
      return new SafeWebSocketSender(this, Transport.sink(Objects.requireNonNull(sink, "sink")));
    }
  }
}
