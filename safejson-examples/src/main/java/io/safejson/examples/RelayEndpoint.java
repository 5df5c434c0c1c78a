package io.safejson.examples;

import io.safejson.JsonReadException;
import io.safejson.websocket.SafeWebSocketSender;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser connected to a cluster node: its chat messages go to the agent worker over NATS, and the node
 * sends it every agent event through this connection's {@link SafeWebSocketSender}.
 */
// Public: Jetty refuses to deploy a non-public endpoint class.
public final class RelayEndpoint extends Endpoint {
  private static final Logger log = LoggerFactory.getLogger(RelayEndpoint.class);

  private final ClusterNode node;
  private volatile SafeWebSocketSender sender;

  RelayEndpoint(ClusterNode node) {
    this.node = node;
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    sender =
        SafeWebSocketSender.builder()
            .serializer(Frames.SAFE)
            .onIncident(incident -> LogLines.incident(log.atWarn(), incident).log("safejson replaced a value"))
            .forJakarta(session);
    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
    node.opened(this);
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
    if (request.replayPlain()) {
      log.atInfo().addKeyValue("node", node.name()).log("the cluster relays the safejson events only");
      return;
    }
    node.request(request);
  }

  /** Queues {@code frame} for this browser; a frame that cannot be delivered is logged. */
  void send(Object frame) {
    sender.send(frame)
        .exceptionally(
            error -> {
              log.atWarn()
                  .addKeyValue("node", node.name())
                  .addKeyValue("error", String.valueOf(error))
                  .log("frame not delivered");
              return null;
            });
  }

  @Override
  public void onClose(Session session, CloseReason closeReason) {
    node.closed(this);
    sender.close();
  }
}
