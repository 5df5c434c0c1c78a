package io.safejson.websocket.internal;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;

/** The JDK client: one text send at a time, or it fails with "Send pending". */
final class JdkTransport implements Transport {
  private final WebSocket webSocket;

  JdkTransport(WebSocket webSocket) {
    this.webSocket = webSocket;
  }

  @Override
  public CompletionStage<?> sendText(String text) {
    return webSocket.sendText(text, true);
  }

  @Override
  public boolean isOpen() {
    return !webSocket.isOutputClosed();
  }

  @Override
  public void close(int code, String reason) {
    try {
      webSocket.sendClose(code, CloseReasons.fit(reason)).exceptionally(e -> {
        webSocket.abort();
        return null;
      });
    } catch (RuntimeException e) {
      webSocket.abort();
    }
  }
}
