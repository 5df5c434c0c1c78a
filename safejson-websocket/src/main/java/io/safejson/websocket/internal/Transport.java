package io.safejson.websocket.internal;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * One WebSocket connection as the sender sees it: text out, open or not, close. The factories name each stack's
 * type only in their signature, so a class path without that stack never loads it unless that factory is called.
 */
public interface Transport {
  /** A Jakarta session, sending with its async remote. */
  static Transport jakarta(jakarta.websocket.Session session) {
    return new JakartaTransport(session);
  }

  /** A JDK WebSocket. */
  static Transport jdk(java.net.http.WebSocket webSocket) {
    return new JdkTransport(webSocket);
  }

  /** A Spring session. */
  static Transport spring(org.springframework.web.socket.WebSocketSession session) {
    return new SpringTransport(session);
  }

  /** A function that sends one text message. */
  static Transport sink(Function<String, ? extends CompletionStage<?>> sink) {
    return new SinkTransport(sink);
  }

  /** Starts sending one complete text message; called only when no other send is in flight. */
  CompletionStage<?> sendText(String text);

  /** Returns false once the connection can no longer send. */
  boolean isOpen();

  /** Closes the connection; must not throw. */
  void close(int code, String reason);
}
