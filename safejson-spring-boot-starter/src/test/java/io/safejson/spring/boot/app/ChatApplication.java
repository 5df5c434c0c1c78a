package io.safejson.spring.boot.app;

import io.safejson.spring.boot.SafeWebSocketSenders;
import io.safejson.websocket.SafeWebSocketSender;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** A small chat backend: a REST endpoint and a WebSocket endpoint, both sending the awkward values. */
@SpringBootApplication
@EnableWebSocket
public class ChatApplication {

  /** The WebSocket endpoint, where the starter is active (one test excludes it, to compare outputs). */
  @Bean
  WebSocketConfigurer chatSocket(ObjectProvider<SafeWebSocketSenders> senders) {
    return registry -> senders.ifAvailable(available -> registry.addHandler(new ChatHandler(available), "/chat"));
  }

  @RestController
  static class EventsController {

    @GetMapping("/events/awkward")
    AwkwardValues awkward() {
      return AwkwardValues.sample();
    }

    @GetMapping("/events/plain")
    AwkwardValues.Plain plain() {
      return AwkwardValues.Plain.sample();
    }
  }

  /** Sends the awkward values through the starter's senders whenever a client asks. */
  static final class ChatHandler extends TextWebSocketHandler {
    private final SafeWebSocketSenders senders;
    private final Map<String, SafeWebSocketSender> open = new ConcurrentHashMap<>();

    ChatHandler(SafeWebSocketSenders senders) {
      this.senders = senders;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
      open.put(session.getId(), senders.forSpring(session));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
      open.get(session.getId()).send(AwkwardValues.sample());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
      SafeWebSocketSender sender = open.remove(session.getId());
      if (sender != null) {
        sender.close();
      }
    }
  }
}
