package io.safejson.nats;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamOptions;
import io.nats.client.Message;
import io.nats.client.api.PublishAck;
import io.nats.client.api.ServerInfo;
import io.nats.client.impl.Headers;
import io.safejson.Incident;
import io.safejson.IncidentsHeader;
import io.safejson.SafeSerializer;
import io.safejson.nats.internal.EncodedMessage;
import io.safejson.nats.internal.MessageEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Publishes any object as a JSON NATS message (core NATS, request/reply or JetStream) within the server's
 * {@code max_payload}.
 *
 * <p>Each message is serialized in the calling thread with {@link SafeSerializer}, which never fails: the body
 * is the same bytes as {@code serializer.toJsonBytes(message)}. When something had to be fixed, the incidents
 * also travel in the {@value #INCIDENTS_HEADER} header (a JSON array of {@code {"path","kind","type"}}, at most
 * {@value #MAX_INCIDENTS_HEADER_LENGTH} bytes, see {@link SafeNatsMessages#incidents(Message)}), so the
 * subscriber sees what was fixed. Body plus headers are checked against the {@code max_payload} of the server
 * the connection is on (read at every publish, since a reconnect may change it); a message over it follows the
 * {@link OversizePolicy} and never reaches jnats or the server.
 *
 * <pre>{@code
 * SafeNatsPublisher publisher = SafeNatsPublisher.of(connection);
 * publisher.publish("agents.events", new AgentEvent("agent_started", UUID.randomUUID(), Instant.now()));
 * publisher.request("agents.status", query, Duration.ofSeconds(2))
 *     .thenApply(reply -> SafeNatsMessages.read(reply, Status.class));
 * }</pre>
 *
 * <p>Immutable and thread-safe: build one per connection and share it. Only the connection's own state
 * (closed, draining, reconnect buffer full) makes {@code publish} throw jnats's {@code IllegalStateException};
 * the asynchronous methods report every failure in their future.
 */
public final class SafeNatsPublisher {
  /** The header that carries the incidents of the body: {@value}. */
  public static final String INCIDENTS_HEADER = IncidentsHeader.NAME;
  /** The most bytes the {@value #INCIDENTS_HEADER} header value takes; further incidents are counted, not listed. */
  public static final int MAX_INCIDENTS_HEADER_LENGTH = IncidentsHeader.MAX_LENGTH;

  private final Connection connection;
  private final SafeSerializer serializer;
  private final Consumer<Incident> onIncident;
  private final OversizePolicy oversizePolicy;
  private final JetStreamOptions jetStreamOptions;
  private final MessageEncoder encoder;
  // Created on the first JetStream publish; a race creates two equal contexts, which is harmless.
  private volatile JetStream jetStream;

  private SafeNatsPublisher(Builder builder, Connection connection) {
    this.connection = connection;
    this.serializer = builder.serializer;
    this.onIncident = builder.onIncident;
    this.oversizePolicy = builder.oversizePolicy;
    this.jetStreamOptions = builder.jetStreamOptions;
    this.encoder = new MessageEncoder(serializer, oversizePolicy);
  }

  /** A publisher with default settings for {@code connection}. */
  public static SafeNatsPublisher of(Connection connection) {
    return builder().build(connection);
  }

  /** Returns a builder for a configured publisher. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this publisher's settings, to derive a variant or one for another connection. */
  public Builder toBuilder() {
    return new Builder()
        .serializer(serializer)
        .onIncident(onIncident)
        .oversizePolicy(oversizePolicy)
        .jetStreamOptions(jetStreamOptions);
  }

  /**
   * Publishes {@code message} as JSON on {@code subject}; the value never makes it throw.
   *
   * @throws PayloadTooLargeException under {@link OversizePolicy#FAIL} when the message exceeds
   *     {@code max_payload}
   * @throws IllegalStateException from jnats when the connection is closed or draining
   * @throws IllegalArgumentException if {@code subject} is blank
   */
  public void publish(String subject, Object message) {
    publish(subject, null, message);
  }

  /**
   * Publishes {@code message} as JSON on {@code subject} with a copy of {@code headers} (never changed; may be
   * {@code null}); they count toward {@code max_payload} and are never cut.
   *
   * @throws PayloadTooLargeException under {@link OversizePolicy#FAIL} when the message exceeds
   *     {@code max_payload}, and under any policy when {@code headers} alone leave no room for a body
   * @throws IllegalStateException from jnats when the connection is closed or draining
   */
  public void publish(String subject, Headers headers, Object message) {
    requireSubject(subject);
    EncodedMessage encoded = encode(subject, headers, message);
    try {
      connection.publish(subject, encoded.headers(), encoded.body());
    } catch (IllegalArgumentException e) {
      throw translate(subject, encoded, e);
    }
  }

  /**
   * Sends {@code message} as a request on {@code subject}; the future completes with the reply, or fails with
   * what jnats reports (a timeout, no responders) or with {@link PayloadTooLargeException}. Never throws for
   * the message.
   *
   * @throws IllegalArgumentException if {@code subject} is blank or {@code timeout} is not positive
   */
  public CompletableFuture<Message> request(String subject, Object message, Duration timeout) {
    return request(subject, null, message, timeout);
  }

  /** As {@link #request(String, Object, Duration)}, with a copy of {@code headers} (may be {@code null}). */
  public CompletableFuture<Message> request(String subject, Headers headers, Object message, Duration timeout) {
    requireSubject(subject);
    requireTimeout(timeout);
    try {
      EncodedMessage encoded = encode(subject, headers, message);
      try {
        return connection.requestWithTimeout(subject, encoded.headers(), encoded.body(), timeout);
      } catch (IllegalArgumentException e) {
        throw translate(subject, encoded, e);
      }
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Publishes {@code message} to JetStream on {@code subject}; the future completes with the stream's
   * acknowledgement, or fails with what jnats reports (no stream, timeout) or with
   * {@link PayloadTooLargeException}. Never throws for the message.
   *
   * @throws IllegalArgumentException if {@code subject} is blank
   */
  public CompletableFuture<PublishAck> publishJetStream(String subject, Object message) {
    return publishJetStream(subject, null, message);
  }

  /** As {@link #publishJetStream(String, Object)}, with a copy of {@code headers} (may be {@code null}). */
  public CompletableFuture<PublishAck> publishJetStream(String subject, Headers headers, Object message) {
    requireSubject(subject);
    try {
      EncodedMessage encoded = encode(subject, headers, message);
      try {
        return jetStream().publishAsync(subject, encoded.headers(), encoded.body());
      } catch (IllegalArgumentException e) {
        throw translate(subject, encoded, e);
      }
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public String toString() {
    return "SafeNatsPublisher{oversizePolicy="
        + oversizePolicy
        + ", onIncident="
        + (onIncident != null)
        + ", serializer="
        + serializer.toBuilder()
        + '}';
  }

  private EncodedMessage encode(String subject, Headers headers, Object message) {
    ServerInfo info = connection.getServerInfo();
    long maxPayload = info != null && info.getMaxPayload() > 0 ? info.getMaxPayload() : connection.getMaxPayload();
    boolean headersSupported = info == null || info.isHeadersSupported();
    EncodedMessage encoded = encoder.encode(subject, headers, message, maxPayload, headersSupported);
    if (onIncident != null) {
      for (Incident incident : encoded.incidents()) {
        try {
          onIncident.accept(incident);
        } catch (RuntimeException e) {
          // The listener's own failure must not stop the message.
        }
      }
    }
    return encoded;
  }

  /**
   * jnats checks the body alone against the limit it knows; should that limit have shrunk since the encoder
   * read it (a reconnect to another server), its {@code IllegalArgumentException} becomes ours.
   */
  private RuntimeException translate(String subject, EncodedMessage encoded, IllegalArgumentException e) {
    String text = String.valueOf(e.getMessage());
    if (text.contains("payload size")) {
      PayloadTooLargeException tooLarge =
          new PayloadTooLargeException(subject, encoded.size(), connection.getMaxPayload());
      tooLarge.initCause(e);
      return tooLarge;
    }
    return e;
  }

  private JetStream jetStream() {
    JetStream context = jetStream;
    if (context == null) {
      try {
        context = connection.jetStream(jetStreamOptions);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create a JetStream context: " + e.getMessage(), e);
      }
      jetStream = context;
    }
    return context;
  }

  private static void requireSubject(String subject) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("subject must not be null or blank: " + subject);
    }
  }

  private static void requireTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /** Configures a {@link SafeNatsPublisher}; not thread-safe. */
  public static final class Builder {
    private SafeSerializer serializer = SafeSerializer.defaults();
    private Consumer<Incident> onIncident;
    private OversizePolicy oversizePolicy = OversizePolicy.TRUNCATE;
    private JetStreamOptions jetStreamOptions;

    Builder() {}

    /** The serializer for messages (default {@link SafeSerializer#defaults()}). */
    public Builder serializer(SafeSerializer serializer) {
      this.serializer = Objects.requireNonNull(serializer, "serializer");
      return this;
    }

    /**
     * Receives the incidents of each message sent, on the publishing thread, including the TRUNCATED ones of
     * a message cut to fit {@code max_payload}; a listener that throws is ignored. {@code null} (the default)
     * for none.
     */
    public Builder onIncident(Consumer<Incident> listener) {
      this.onIncident = listener;
      return this;
    }

    /** What happens to a message over the server's {@code max_payload} (default {@link OversizePolicy#TRUNCATE}). */
    public Builder oversizePolicy(OversizePolicy policy) {
      this.oversizePolicy = Objects.requireNonNull(policy, "oversizePolicy");
      return this;
    }

    /** Options of the JetStream context used by {@code publishJetStream}; {@code null} (the default) for jnats's. */
    public Builder jetStreamOptions(JetStreamOptions options) {
      this.jetStreamOptions = options;
      return this;
    }

    /** Builds an immutable publisher for {@code connection}. */
    public SafeNatsPublisher build(Connection connection) {
      return new SafeNatsPublisher(this, Objects.requireNonNull(connection, "connection"));
    }
  }
}
