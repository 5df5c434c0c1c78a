package io.safejson.examples;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo across two nodes, built as the incident's system was: an agent worker publishes the five events on
 * NATS through {@code SafeNatsPublisher}, and two Jetty nodes relay them to their browsers through
 * {@code SafeWebSocketSender}. Send on either page and both pages get the run.
 *
 * <p>Run it with {@code ./mvnw -q -pl safejson-examples -am compile -Psee-it-cluster} (see the README); settings
 * are system properties: {@code safejson.host} (default 127.0.0.1), {@code safejson.port} and
 * {@code safejson.port2} (defaults 8080 and 8081), {@code safejson.pauseMillis} between events (default 400),
 * {@code safejson.natsUrl} to use a running NATS server instead of starting Debian's {@code nats-server}
 * ({@code safejson.natsServer} names the program) and {@code safejson.logFormat} (read by {@code logback.xml}).
 */
public final class SeeItCluster implements AutoCloseable {
  /** How long connecting to NATS and confirming a subscription may take. */
  static final Duration NATS_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(SeeItCluster.class);

  private final NatsServerProcess natsServer;
  private final String natsUrl;
  private final AgentWorker worker;
  private final List<ClusterNode> nodes;

  private SeeItCluster(NatsServerProcess natsServer, String natsUrl, AgentWorker worker, List<ClusterNode> nodes) {
    this.natsServer = natsServer;
    this.natsUrl = natsUrl;
    this.worker = worker;
    this.nodes = List.copyOf(nodes);
  }

  /**
   * Starts the worker and two nodes on {@code host}, {@code port} and {@code port2} (0 picks a free port), with
   * {@code pause} between events, on the NATS server at {@code natsUrl}, or, when it is {@code null}, on a
   * {@code nats-server} started on a free loopback port.
   *
   * @throws IllegalStateException when {@code natsUrl} is {@code null} and there is no {@code nats-server}
   */
  public static SeeItCluster start(String host, int port, int port2, Duration pause, String natsUrl)
      throws Exception {
    NatsServerProcess natsServer = null;
    AgentWorker worker = null;
    List<ClusterNode> nodes = new ArrayList<>();
    try {
      String url = natsUrl;
      if (url == null) {
        natsServer = NatsServerProcess.start(requireBinary(NatsServerProcess.find()));
        url = natsServer.url();
      }
      // The worker listens before any node serves a page, so no request can go unanswered.
      worker = AgentWorker.start(url, pause);
      nodes.add(ClusterNode.start("node 1", host, port, url));
      nodes.add(ClusterNode.start("node 2", host, port2, url));
      SeeItCluster cluster = new SeeItCluster(natsServer, url, worker, nodes);
      log.atInfo()
          .addKeyValue("nats", url)
          .addKeyValue("node1", nodes.get(0).url().toString())
          .addKeyValue("node2", nodes.get(1).url().toString())
          .log("see it cluster: open both pages and press Send on either");
      return cluster;
    } catch (Exception e) {
      new SeeItCluster(natsServer, natsUrl, worker, nodes).close();
      throw e;
    }
  }

  /** Starts the cluster from system properties and runs it until Ctrl+C; exits with 1 without nats-server. */
  public static void main(String[] args) throws Exception {
    String host = System.getProperty("safejson.host", "127.0.0.1");
    int port = Integer.getInteger("safejson.port", 8080);
    int port2 = Integer.getInteger("safejson.port2", 8081);
    Duration pause = Duration.ofMillis(Long.getLong("safejson.pauseMillis", 400));
    String natsUrl = System.getProperty("safejson.natsUrl");
    if (natsUrl == null && NatsServerProcess.find().isEmpty()) {
      System.err.println("see it cluster: " + missingMessage());
      System.exit(1);
    }
    SeeItCluster cluster = start(host, port, port2, pause, natsUrl);
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "see-it-cluster-shutdown"));
    cluster.nodes.get(0).join();
  }

  /** Opens a jnats connection named {@code name} (it shows in the server's connection list). */
  static Connection connect(String natsUrl, String name) throws IOException, InterruptedException {
    return Nats.connect(
        new Options.Builder().server(natsUrl).connectionName(name).connectionTimeout(NATS_TIMEOUT).build());
  }

  private static Path requireBinary(Optional<Path> binary) {
    return binary.orElseThrow(() -> new IllegalStateException(missingMessage()));
  }

  private static String missingMessage() {
    String override = System.getProperty("safejson.natsServer");
    String where =
        override == null || override.isBlank()
            ? "no nats-server on PATH nor at " + NatsServerProcess.DEBIAN_BINARY
            : "-Dsafejson.natsServer=" + override + " is not an executable";
    return NatsServerProcess.INSTALL_HINT
        + " ("
        + where
        + "), or pass -Dsafejson.natsUrl=nats://host:4222 of a running server";
  }

  /** Returns the URL of the NATS server the cluster uses. */
  public String natsUrl() {
    return natsUrl;
  }

  /** Returns the two nodes, node 1 first. */
  List<ClusterNode> nodes() {
    return nodes;
  }

  /** Returns the agent worker. */
  AgentWorker worker() {
    return worker;
  }

  /** Stops the nodes, the worker and the {@code nats-server} it started, in that order; never throws. */
  @Override
  public void close() {
    for (ClusterNode node : nodes) {
      node.close();
    }
    if (worker != null) {
      worker.close();
    }
    if (natsServer != null) {
      natsServer.close();
    }
  }
}
