package io.safejson.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.safejson.JsonReadException;
import io.safejson.websocket.SafeWebSocketSender;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat connection: each message from the page streams the five agent events through
 * {@link SafeWebSocketSender}, and through plain Jackson when the page asks for the comparison.
 */
// Public: Jetty refuses to deploy a non-public endpoint class.
public final class ChatEndpoint extends Endpoint {
  private static final Logger log = LoggerFactory.getLogger(ChatEndpoint.class);

  private final SeeItServer server;
  // One thread per connection streams the runs, so safejson and plain frames never overlap on the socket.
  private final ExecutorService stream =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "see-it-stream");
            thread.setDaemon(true);
            return thread;
          });
  private final List<AgentEvent> lastRun = new ArrayList<>();
  private Session session;
  private SafeWebSocketSender sender;

  ChatEndpoint(SeeItServer server) {
    this.server = server;
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    this.session = session;
    this.sender =
        SafeWebSocketSender.builder()
            .serializer(Frames.SAFE)
            .onIncident(incident -> LogLines.incident(log.atWarn(), incident).log("safejson replaced a value"))
            .forJakarta(session);
    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
  }

  private void onText(String text) {
    ChatRequest request;
    try {
      request = Frames.SAFE.fromJson(text, ChatRequest.class);
    } catch (JsonReadException e) {
      log.atWarn().addKeyValue("error", e.getMessage()).log("ignored a malformed message");
      return;
    }
    if (request == null) {
      return;
    }
    stream.execute(() -> handle(request));
  }

  private void handle(ChatRequest request) {
    try {
      if (request.replayPlain()) {
        for (AgentEvent event : lastRun) {
          pause();
          sendPlain(event);
        }
        return;
      }
      lastRun.clear();
      String text = request.text() == null ? "" : request.text();
      for (int i = 0; i < AgentRun.TYPES.size(); i++) {
        pause();
        AgentEvent event = AgentRun.event(i, text);
        lastRun.add(event);
        sendSafe(event);
        if (request.alsoPlain()) {
          sendPlain(event);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.atError().setCause(e).log("run failed");
    }
  }

  private void sendSafe(AgentEvent event) {
    server.record(new SentFrame("safejson", event, true));
    LogLines.event(log.atInfo().addKeyValue("via", "safejson"), event).log("agent event sent");
    // Wait for the transport, so a plain frame sent next cannot overtake or overlap this one.
    sender.send(Frames.safe(event)).exceptionally(this::notDelivered).join();
  }

  private void sendPlain(AgentEvent event) {
    String frame;
    boolean delivered;
    try {
      frame = Frames.plain(event);
      delivered = true;
    } catch (JsonProcessingException e) {
      log.atWarn()
          .addKeyValue("via", "plain")
          .addKeyValue("event_type", event.type())
          .addKeyValue("event_id", event.eventId())
          .addKeyValue("error", e.getOriginalMessage())
          .log("plain Jackson failed: the event is lost");
      frame = Frames.plainError(event, e);
      delivered = false;
    }
    server.record(new SentFrame("plain", event, delivered));
    try {
      session.getBasicRemote().sendText(frame);
    } catch (IOException e) {
      notDelivered(e);
    }
  }

  private Void notDelivered(Throwable error) {
    log.atWarn().addKeyValue("error", String.valueOf(error)).log("frame not delivered");
    return null;
  }

  private void pause() throws InterruptedException {
    Duration pause = server.pause();
    if (!pause.isZero()) {
      Thread.sleep(pause.toMillis());
    }
  }

  @Override
  public void onClose(Session session, CloseReason closeReason) {
    stream.shutdownNow();
    sender.close();
  }
}
