package io.safejson.spring.boot;

import io.safejson.SafeSerializer;
import io.safejson.websocket.SafeWebSocketSender;
import java.time.Duration;
import org.springframework.web.socket.WebSocketSession;

/**
 * Makes {@link SafeWebSocketSender}s with the application's {@link SafeSerializer} and the
 * {@code safejson.websocket.*} limits: one sender per connection, as the sender requires.
 *
 * <pre>{@code
 * public void afterConnectionEstablished(WebSocketSession session) {
 *   senders.put(session.getId(), safeWebSocketSenders.forSpring(session));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SafeWebSocketSenders {
  private final SafeSerializer serializer;
  private final long maxPendingBytes;
  private final Integer maxPendingMessages;
  private final io.safejson.websocket.OverflowPolicy overflowPolicy;
  private final Duration sendTimeout;

  SafeWebSocketSenders(SafeSerializer serializer, SafeJsonProperties.WebSocket settings) {
    this.serializer = serializer;
    this.maxPendingBytes = settings.getMaxPendingBytes().toBytes();
    this.maxPendingMessages = settings.getMaxPendingMessages();
    this.overflowPolicy = settings.getOverflowPolicy();
    this.sendTimeout = settings.getSendTimeout();
    builder(); // the sender builder validates every limit: a bad property fails at startup, naming it
  }

  /** A sender for a Spring {@code WebSocketSession} (Spring Framework 6.2 and 7); close it when the session closes. */
  public SafeWebSocketSender forSpring(WebSocketSession session) {
    return builder().forSpring(session);
  }

  /**
   * A new builder already holding the serializer and limits, for another transport ({@code forJakarta},
   * {@code forJdk}, {@code forSink}) or one more option ({@code onIncident}).
   */
  public SafeWebSocketSender.Builder builder() {
    SafeWebSocketSender.Builder builder = SafeWebSocketSender.builder()
        .serializer(serializer)
        .maxPendingBytes(maxPendingBytes)
        .overflowPolicy(overflowPolicy);
    if (maxPendingMessages != null) {
      builder.maxPendingMessages(maxPendingMessages);
    }
    if (sendTimeout != null) {
      builder.sendTimeout(sendTimeout);
    }
    return builder;
  }

  @Override
  public String toString() {
    return "SafeWebSocketSenders{maxPendingBytes=" + maxPendingBytes + ", maxPendingMessages="
        + (maxPendingMessages == null ? "none" : maxPendingMessages) + ", overflowPolicy=" + overflowPolicy
        + ", sendTimeout=" + (sendTimeout == null ? "none" : sendTimeout) + "}";
  }
}
