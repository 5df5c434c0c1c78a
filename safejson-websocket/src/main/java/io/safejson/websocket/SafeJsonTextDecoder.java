package io.safejson.websocket;

import io.safejson.JsonReadException;
import io.safejson.SafeSerializer;
import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.EndpointConfig;
import java.util.Objects;

/**
 * A Jakarta WebSocket text decoder for typed inbound messages, on {@link SafeSerializer}'s hardened reader:
 * malformed, oversized or mismatched input becomes a {@link DecodeException} with a clear reason naming the
 * JSON path, never anything else.
 *
 * <pre>{@code
 * public final class ChatRequestDecoder extends SafeJsonTextDecoder<ChatRequest> {
 *   public ChatRequestDecoder() {
 *     super(ChatRequest.class);
 *   }
 * }
 *
 * @ServerEndpoint(value = "/chat", decoders = ChatRequestDecoder.class)
 * }</pre>
 *
 * <p>The serializer comes from the endpoint configuration's user properties under
 * {@link SafeJsonTextEncoder#SERIALIZER_PROPERTY}, else {@link SafeSerializer#defaults()}; its
 * {@code maxInputLength} and {@code maxDepth} bound what is accepted.
 *
 * @param <T> the message type
 */
public abstract class SafeJsonTextDecoder<T> implements Decoder.Text<T> {
  private static final int MAX_DATA_IN_EXCEPTION = 1_000;

  private final Class<T> type;
  private SafeSerializer serializer = SafeSerializer.defaults();

  /** Creates a decoder for {@code type}. */
  protected SafeJsonTextDecoder(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  @Override
  public void init(EndpointConfig config) {
    serializer = SafeJsonTextEncoder.serializerFrom(config);
  }

  @Override
  public T decode(String text) throws DecodeException {
    if (text == null) {
      throw new DecodeException((String) null, "cannot decode a null message");
    }
    try {
      T value = serializer.fromJson(text, type);
      if (value == null) {
        throw new DecodeException(excerpt(text), "the message is JSON null, expected " + type.getSimpleName());
      }
      return value;
    } catch (JsonReadException e) {
      throw new DecodeException(excerpt(text), e.getMessage(), e);
    } catch (RuntimeException | StackOverflowError e) {
      throw new DecodeException(excerpt(text), "cannot decode " + type.getSimpleName() + ": " + e, e);
    }
  }

  /** Accepts every message: {@link #decode} reports what is wrong with it. */
  @Override
  public boolean willDecode(String text) {
    return text != null;
  }

  @Override
  public void destroy() {}

  private static String excerpt(String text) {
    if (text.length() <= MAX_DATA_IN_EXCEPTION) {
      return text;
    }
    // Never split a surrogate pair: the excerpt stays well-formed text.
    int end = MAX_DATA_IN_EXCEPTION;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "...";
  }
}
