package io.safejson.websocket.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/** Spring's session: a blocking, not thread-safe send, made safe by the sender's one-at-a-time queue. */
final class SpringTransport implements Transport {
  private final WebSocketSession session;

  SpringTransport(WebSocketSession session) {
    this.session = session;
  }

  @Override
  public CompletionStage<?> sendText(String text) {
    try {
      session.sendMessage(new TextMessage(text));
      return CompletableFuture.completedFuture(null);
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public boolean isOpen() {
    return session.isOpen();
  }

  @Override
  public void close(int code, String reason) {
    try {
      session.close(new CloseStatus(code, CloseReasons.fit(reason)));
    } catch (Exception | LinkageError e) {
      // Closing an already broken connection: nothing left to tell anyone.
    }
  }
}
