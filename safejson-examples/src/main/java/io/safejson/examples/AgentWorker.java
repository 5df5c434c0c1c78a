package io.safejson.examples;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.safejson.JsonReadException;
import io.safejson.nats.SafeNatsMessages;
import io.safejson.nats.SafeNatsPublisher;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent worker of the cluster demo: for each chat request on {@value #REQUESTS} it publishes the run's five
 * events on {@value #EVENTS} through {@link SafeNatsPublisher}, as the incident's worker published them.
 *
 * <p>Thread-safe; runs are made one after another on the worker's own thread.
 */
final class AgentWorker implements AutoCloseable {
  /** The subject a node publishes a browser's chat request on. */
  static final String REQUESTS = "agent.requests";
  /** The subject of the agent events, the one the incident's system used. */
  static final String EVENTS = "websocket.messages";

  private static final Logger log = LoggerFactory.getLogger(AgentWorker.class);

  private final Connection connection;
  private final SafeNatsPublisher publisher;
  private final Duration pause;
  private final ExecutorService runs =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "agent-worker");
            thread.setDaemon(true);
            return thread;
          });
  private final List<AgentEvent> published = new ArrayList<>();

  private AgentWorker(Connection connection, Duration pause) {
    this.connection = connection;
    this.pause = pause;
    this.publisher =
        SafeNatsPublisher.builder()
            .serializer(Frames.SAFE)
            .onIncident(incident -> LogLines.incident(log.atWarn(), incident).log("safejson replaced a value"))
            .build(connection);
  }

  /**
   * Connects to {@code natsUrl} and listens for chat requests; returns once the server has the subscription,
   * so a request published after that always reaches the worker.
   */
  static AgentWorker start(String natsUrl, Duration pause) throws IOException, InterruptedException {
    Connection connection = SeeItCluster.connect(natsUrl, "agent-worker");
    AgentWorker worker = new AgentWorker(connection, pause);
    try {
      Dispatcher dispatcher = connection.createDispatcher(worker::onRequest);
      dispatcher.subscribe(REQUESTS);
      connection.flush(SeeItCluster.NATS_TIMEOUT);
    } catch (TimeoutException | RuntimeException e) {
      worker.close();
      throw new IOException("the worker could not subscribe to " + REQUESTS + " at " + natsUrl, e);
    }
    log.atInfo().addKeyValue("nats", natsUrl).addKeyValue("subject", REQUESTS).log("agent worker listening");
    return worker;
  }

  /** Returns every event published so far, in publishing order. */
  List<AgentEvent> published() {
    synchronized (published) {
      return List.copyOf(published);
    }
  }

  private void onRequest(Message message) {
    ChatRequest request;
    try {
      request = SafeNatsMessages.read(message, ChatRequest.class, Frames.SAFE);
    } catch (JsonReadException e) {
      log.atWarn().addKeyValue("error", e.getMessage()).log("ignored a malformed request");
      return;
    }
    if (request != null) {
      runs.execute(() -> run(request));
    }
  }

  private void run(ChatRequest request) {
    String text = request.text() == null ? "" : request.text();
    try {
      for (int i = 0; i < AgentRun.TYPES.size(); i++) {
        if (!pause.isZero()) {
          Thread.sleep(pause.toMillis());
        }
        publish(AgentRun.event(i, text));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.atError().setCause(e).log("run failed");
    }
  }

  private void publish(AgentEvent event) {
    publisher.publish(EVENTS, event);
    synchronized (published) {
      published.add(event);
    }
    LogLines.event(log.atInfo().addKeyValue("subject", EVENTS), event).log("agent event published");
  }

  /** Stops the current run and closes the connection; never throws. */
  @Override
  public void close() {
    runs.shutdownNow();
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
