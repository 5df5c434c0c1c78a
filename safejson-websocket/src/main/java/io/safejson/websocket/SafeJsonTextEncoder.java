package io.safejson.websocket;

import io.safejson.SafeSerializer;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;

/**
 * A Jakarta WebSocket text encoder for any object, through {@link SafeSerializer}: it never throws
 * {@code EncodeException}.
 *
 * <pre>{@code
 * @ServerEndpoint(value = "/chat", encoders = SafeJsonTextEncoder.class)
 * public class ChatEndpoint {
 *   @OnMessage
 *   public void onMessage(Session session, String text) throws Exception {
 *     session.getBasicRemote().sendObject(new Reply(Instant.now(), UUID.randomUUID()));
 *   }
 * }
 * }</pre>
 *
 * <p>To configure it, put a {@link SafeSerializer} in the endpoint configuration's user properties under
 * {@link #SERIALIZER_PROPERTY}; otherwise {@link SafeSerializer#defaults()} is used. For concurrent sends use
 * {@link SafeWebSocketSender} instead of the basic remote. Containers create one instance per connection.
 */
public class SafeJsonTextEncoder implements Encoder.Text<Object> {
  /** User-property key under which an endpoint configuration may hold the {@link SafeSerializer} to use. */
  public static final String SERIALIZER_PROPERTY = "io.safejson.websocket.serializer";

  private SafeSerializer serializer = SafeSerializer.defaults();

  /** Creates an encoder using {@link SafeSerializer#defaults()} until {@link #init} configures it. */
  public SafeJsonTextEncoder() {}

  @Override
  public void init(EndpointConfig config) {
    serializer = serializerFrom(config);
  }

  @Override
  public String encode(Object object) {
    return serializer.toJson(object);
  }

  @Override
  public void destroy() {}

  static SafeSerializer serializerFrom(EndpointConfig config) {
    Object configured = config == null ? null : config.getUserProperties().get(SERIALIZER_PROPERTY);
    return configured instanceof SafeSerializer ? (SafeSerializer) configured : SafeSerializer.defaults();
  }
}
