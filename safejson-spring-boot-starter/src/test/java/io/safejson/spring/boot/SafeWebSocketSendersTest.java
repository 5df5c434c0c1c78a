package io.safejson.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.safejson.websocket.SafeWebSocketSender;
import io.safejson.websocket.SendFailedException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The senders bean carries the {@code safejson.websocket.*} limits and the serializer bean into every sender. */
final class SafeWebSocketSendersTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(SafeJsonAutoConfiguration.class));

  /** A transport whose sends never finish: the first message stays in flight, the rest queue. */
  private final List<String> sent = new CopyOnWriteArrayList<>();

  private CompletableFuture<Void> stuck(String text) {
    sent.add(text);
    return new CompletableFuture<>();
  }

  @Test
  void maxPendingMessagesAndFailNewFailTheMessageThatWouldPassTheLimit() {
    runner.withPropertyValues("safejson.websocket.max-pending-messages=1",
            "safejson.websocket.overflow-policy=fail-new", "safejson.redact=password")
        .run(context -> {
          SafeWebSocketSender sender = context.getBean(SafeWebSocketSenders.class).builder().forSink(this::stuck);
          CompletableFuture<Void> inFlight = sender.send(java.util.Map.of("password", "hunter2"));
          CompletableFuture<Void> queued = sender.send("second");
          CompletableFuture<Void> third = sender.send("third");

          assertThat(reason(third)).isEqualTo(SendFailedException.Reason.OVERFLOW);
          assertThat(inFlight).isNotDone();
          assertThat(queued).isNotDone();
          assertThat(sent).containsExactly("{\"password\":\"[REDACTED]\"}");
        });
  }

  @Test
  void maxPendingBytesBoundsTheQueueByBytes() {
    runner.withPropertyValues("safejson.websocket.max-pending-bytes=1KB").run(context -> {
      SafeWebSocketSender sender = context.getBean(SafeWebSocketSenders.class).builder().forSink(this::stuck);
      sender.send("first");

      assertThat(reason(sender.send("x".repeat(2000)))).isEqualTo(SendFailedException.Reason.OVERFLOW);
      assertThat(sender.send("x".repeat(500))).isNotDone();
    });
  }

  @Test
  void sendTimeoutFailsASendThatDoesNotFinish() {
    runner.withPropertyValues("safejson.websocket.send-timeout=100ms").run(context -> {
      SafeWebSocketSender sender = context.getBean(SafeWebSocketSenders.class).builder().forSink(this::stuck);

      assertThat(reason(sender.send("first"))).isEqualTo(SendFailedException.Reason.TIMEOUT);
    });
  }

  @Test
  void anInvalidLimitFailsTheStartupNamingIt() {
    runner.withPropertyValues("safejson.websocket.max-pending-messages=0").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("maxPendingMessages");
    });
  }

  private static SendFailedException.Reason reason(CompletableFuture<Void> future) {
    try {
      future.get(5, TimeUnit.SECONDS);
      throw new AssertionError("the send succeeded");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(SendFailedException.class);
      return ((SendFailedException) e.getCause()).reason();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
