package io.safejson.spring.boot.app;

import static io.safejson.testing.SafeJsonAssertions.assertJsonEquals;
import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A real Boot application on a random port with {@code safejson.web.enabled=true}: its REST endpoint and STOMP
 * destination (Boot's own mapper: Jackson 3 on Boot 4, Jackson 2 on Boot 3.5) and its WebSocket endpoint (the
 * starter's senders) all deliver the awkward values normalized, to real clients.
 */
@SpringBootTest(
    classes = ChatApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"safejson.web.enabled=true", "spring.main.banner-mode=off"})
final class SafeWebApplicationTest {
  private final HttpClient client = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  private int port;

  @Test
  void restEndpointWritesTheAwkwardValuesNormalizedThroughBootsOwnMapper() throws Exception {
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events/awkward")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertValidJson(response.body());
    assertJsonEquals(AwkwardValues.SAFE_JSON, response.body());
  }

  @Test
  void webSocketEndpointSendsTheAwkwardValuesThroughTheSendersBean() throws Exception {
    CompletableFuture<String> received = new CompletableFuture<>();
    WebSocket socket = client.newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/chat"), new WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              received.complete(text.toString());
            }
            webSocket.request(1);
            return null;
          }

          @Override
          public void onError(WebSocket webSocket, Throwable error) {
            received.completeExceptionally(error);
          }
        })
        .get(10, TimeUnit.SECONDS);
    try {
      socket.sendText("send", true).get(10, TimeUnit.SECONDS);

      String message = received.get(10, TimeUnit.SECONDS);

      assertValidJson(message);
      assertJsonEquals(AwkwardValues.SAFE_JSON, message);
    } finally {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void stompPayloadsAreWrittenByBootsMapperTheSafeWay() throws Exception {
    WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
    stomp.setMessageConverter(new RawText());
    StompSession session = stomp.connectAsync("ws://127.0.0.1:" + port + "/stomp", new StompSessionHandlerAdapter() {})
        .get(10, TimeUnit.SECONDS);
    try {
      CompletableFuture<String> received = new CompletableFuture<>();
      CompletableFuture<StompHeaders> headers = new CompletableFuture<>();
      StompHeaders subscribe = new StompHeaders();
      subscribe.setDestination("/topic/awkward");
      session.subscribe(subscribe, new StompFrameHandler() {
        @Override
        public java.lang.reflect.Type getPayloadType(StompHeaders frame) {
          return String.class;
        }

        @Override
        public void handleFrame(StompHeaders frame, Object payload) {
          headers.complete(frame);
          received.complete((String) payload);
        }
      });
      // The simple broker sends no receipts: ask until the subscription is in place and a message arrives.
      for (int attempt = 0; attempt < 50 && !received.isDone(); attempt++) {
        session.send("/app/awkward", "");
        try {
          received.get(200, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException notYet) {
          // next attempt
        }
      }

      String payload = received.get(1, TimeUnit.SECONDS);
      assertThat(headers.get().getContentType()).hasToString("application/json");
      assertValidJson(payload);
      assertJsonEquals(AwkwardValues.SAFE_JSON, payload);
    } finally {
      session.disconnect();
      stomp.stop();

    }
  }

  /** Hands the test the payload's bytes as text, whatever content type the server gave them. */
  private static final class RawText implements MessageConverter {
    @Override
    public Object fromMessage(Message<?> message, Class<?> targetClass) {
      return new String((byte[]) message.getPayload(), StandardCharsets.UTF_8);
    }

    @Override
    public Message<?> toMessage(Object payload, MessageHeaders headers) {
      return MessageBuilder.createMessage(payload.toString().getBytes(StandardCharsets.UTF_8), headers);
    }
  }

  @Test
  void restEndpointAnswersInTimeEvenForTheThrowingGetters() throws Exception {
    // The throwing getters would make plain Jackson fail the response (HTTP 500 and a half-written body).
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events/awkward"))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.body()).contains("\"output\":\"[FAILED]\"", "\"summary\":\"[FAILED]\"");
  }
}
