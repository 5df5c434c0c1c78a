package io.safejson.examples;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.safejson.Incident;
import io.safejson.JsonReadException;
import io.safejson.nats.SafeNatsMessages;
import io.safejson.nats.SafeNatsPublisher;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Jetty node of the cluster demo: serves the page, publishes each chat request from its browsers on
 * {@value AgentWorker#REQUESTS}, and relays every agent event from {@value AgentWorker#EVENTS} to all the
 * browsers connected to it.
 *
 * <p>An event is read with {@link SafeNatsMessages} into an {@link AgentEvent} (the hardened reader: a
 * malformed message from any publisher is logged and dropped, never forwarded), logged, and sent again through
 * each browser's {@code SafeWebSocketSender}, so this node's serializer decides what browsers get whoever
 * published it. Thread-safe.
 */
final class ClusterNode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

  private final String name;
  private final Connection connection;
  private final SafeNatsPublisher publisher;
  private final ChatJetty jetty;
  private final Set<RelayEndpoint> browsers = ConcurrentHashMap.newKeySet();
  private final List<AgentEvent> relayed = new ArrayList<>();

  private ClusterNode(String name, String host, int port, Connection connection) {
    this.name = name;
    this.connection = connection;
    this.publisher = SafeNatsPublisher.builder().serializer(Frames.SAFE).build(connection);
    this.jetty = new ChatJetty(host, port, new PageServlet(name), RelayEndpoint.class, () -> new RelayEndpoint(this));
  }

  /**
   * Connects to {@code natsUrl}, subscribes to the events (the server has the subscription when this returns)
   * and starts Jetty on {@code host} and {@code port} (0 picks a free one).
   */
  static ClusterNode start(String name, String host, int port, String natsUrl) throws Exception {
    Connection connection = SeeItCluster.connect(natsUrl, name);
    ClusterNode node = new ClusterNode(name, host, port, connection);
    try {
      Dispatcher dispatcher = connection.createDispatcher(node::onEvent);
      dispatcher.subscribe(AgentWorker.EVENTS);
      connection.flush(SeeItCluster.NATS_TIMEOUT);
      node.jetty.start();
    } catch (TimeoutException e) {
      node.close();
      throw new IOException(name + " could not subscribe to " + AgentWorker.EVENTS + " at " + natsUrl, e);
    } catch (Exception e) {
      node.close();
      throw e;
    }
    log.atInfo().addKeyValue("node", name).addKeyValue("url", node.url().toString()).log("see it: open the page");
    return node;
  }

  /** Returns this node's name, as its page shows it. */
  String name() {
    return name;
  }

  /** Returns the page's address. */
  URI url() {
    return jetty.url();
  }

  /** Returns every event this node relayed so far, as it read them, in order. */
  List<AgentEvent> relayed() {
    synchronized (relayed) {
      return List.copyOf(relayed);
    }
  }

  /** Blocks until Jetty stops. */
  void join() throws InterruptedException {
    jetty.join();
  }

  void opened(RelayEndpoint browser) {
    browsers.add(browser);
  }

  void closed(RelayEndpoint browser) {
    browsers.remove(browser);
  }

  /** Publishes a browser's chat request for the worker; false when the connection cannot take it. */
  boolean request(ChatRequest request) {
    try {
      publisher.publish(AgentWorker.REQUESTS, request);
      return true;
    } catch (RuntimeException e) {
      log.atWarn().addKeyValue("node", name).addKeyValue("error", String.valueOf(e)).log("request not published");
      return false;
    }
  }

  private void onEvent(Message message) {
    AgentEvent event;
    List<Incident> incidents;
    try {
      event = SafeNatsMessages.read(message, AgentEvent.class, Frames.SAFE);
      incidents = SafeNatsMessages.incidents(message);
    } catch (JsonReadException e) {
      log.atWarn()
          .addKeyValue("node", name)
          .addKeyValue("subject", message.getSubject())
          .addKeyValue("error", e.getMessage())
          .log("ignored a malformed event");
      return;
    }
    if (event == null) {
      return;
    }
    // What the publisher had to fix travels in the message's header: say so next to the relayed event.
    for (Incident incident : incidents) {
      LogLines.incident(log.atWarn().addKeyValue("node", name), incident).log("the publisher replaced a value");
    }
    synchronized (relayed) {
      relayed.add(event);
    }
    LogLines.event(log.atInfo().addKeyValue("node", name).addKeyValue("browsers", browsers.size()), event)
        .log("agent event relayed");
    Frames.Envelope frame = Frames.safe(event);
    for (RelayEndpoint browser : browsers) {
      browser.send(frame);
    }
  }

  /** Stops Jetty, then closes the NATS connection; never throws. */
  @Override
  public void close() {
    try {
      if (jetty.stop()) {
        log.atInfo().addKeyValue("node", name).log("see it: stopped");
      }
    } catch (Exception e) {
      log.atWarn().addKeyValue("node", name).setCause(e).log("see it: stop failed");
    }
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
