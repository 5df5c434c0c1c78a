package io.safejson.websocket.internal;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Sends with the async remote and a SendHandler (never sendObject: Jetty 12 throws after reporting). */
final class JakartaTransport implements Transport {
  private final Session session;

  JakartaTransport(Session session) {
    this.session = session;
  }

  @Override
  public CompletionStage<?> sendText(String text) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    session
        .getAsyncRemote()
        .sendText(
            text,
            result -> {
              if (result.isOK()) {
                done.complete(null);
              } else {
                done.completeExceptionally(result.getException());
              }
            });
    return done;
  }

  @Override
  public boolean isOpen() {
    return session.isOpen();
  }

  @Override
  public void close(int code, String reason) {
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), CloseReasons.fit(reason)));
    } catch (Exception | LinkageError e) {
      // Closing an already broken connection: nothing left to tell anyone.
    }
  }
}
