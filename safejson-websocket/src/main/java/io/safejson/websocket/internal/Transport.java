package io.safejson.websocket.internal;

import java.util.concurrent.CompletionStage;

/** One WebSocket connection as the sender sees it: text out, open or not, close. */
public interface Transport {
  /** Starts sending one complete text message; called only when no other send is in flight. */
  CompletionStage<?> sendText(String text);

  /** Returns false once the connection can no longer send. */
  boolean isOpen();

  /** Closes the connection; must not throw. */
  void close(int code, String reason);
}
