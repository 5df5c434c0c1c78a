package io.safejson.websocket.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Any other stack (Netty, Vert.x, OkHttp...): a function that starts a send and tells when it is done. */
final class SinkTransport implements Transport {
  private final Function<String, ? extends CompletionStage<?>> sink;
  private volatile boolean open = true;

  SinkTransport(Function<String, ? extends CompletionStage<?>> sink) {
    this.sink = sink;
  }

  @Override
  public CompletionStage<?> sendText(String text) {
    CompletionStage<?> stage = sink.apply(text);
    return stage != null ? stage : CompletableFuture.completedFuture(null);
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close(int code, String reason) {
    open = false;
  }
}
