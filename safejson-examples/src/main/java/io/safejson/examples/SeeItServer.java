package io.safejson.examples;

import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo server: embedded Jetty 12 serving the page at {@code /} and the chat WebSocket at {@code /chat}.
 *
 * <p>Run it with {@code ./mvnw -q -pl safejson-examples -am compile exec:java} (see the README); settings are
 * system properties: {@code safejson.host} (default 127.0.0.1), {@code safejson.port} (default 8080, or the
 * first program argument), {@code safejson.pauseMillis} between events (default 400) and
 * {@code safejson.logFormat} (read by {@code logback.xml}).
 */
public final class SeeItServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SeeItServer.class);

  private final Server jetty;
  private final ServerConnector connector;
  private final Duration pause;
  private final List<SentFrame> sent = new ArrayList<>();

  private SeeItServer(String host, int port, Duration pause) {
    this.pause = Objects.requireNonNull(pause, "pause");
    jetty = new Server();
    connector = new ServerConnector(jetty);
    connector.setHost(host);
    connector.setPort(port);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder("page", new PageServlet()), "/");
    ServerEndpointConfig chat =
        ServerEndpointConfig.Builder.create(ChatEndpoint.class, "/chat")
            .configurator(
                new ServerEndpointConfig.Configurator() {
                  @Override
                  public <T> T getEndpointInstance(Class<T> endpointClass) {
                    return endpointClass.cast(new ChatEndpoint(SeeItServer.this));
                  }
                })
            .build();
    JakartaWebSocketServletContainerInitializer.configure(context, (servlets, container) -> container.addEndpoint(chat));
    jetty.setHandler(context);
    jetty.setStopTimeout(2_000);
  }

  /** Starts a server on {@code host} and {@code port} (0 picks a free one), pausing {@code pause} between events. */
  public static SeeItServer start(String host, int port, Duration pause) throws Exception {
    SeeItServer server = new SeeItServer(host, port, pause);
    try {
      server.jetty.start();
    } catch (Exception e) {
      server.jetty.stop();
      throw e;
    }
    log.atInfo().addKeyValue("url", server.url().toString()).log("see it: open the page");
    return server;
  }

  /** Starts the server from system properties and runs it until Ctrl+C. */
  public static void main(String[] args) throws Exception {
    String host = System.getProperty("safejson.host", "127.0.0.1");
    int port = args.length > 0 ? Integer.parseInt(args[0]) : Integer.getInteger("safejson.port", 8080);
    Duration pause = Duration.ofMillis(Long.getLong("safejson.pauseMillis", 400));
    SeeItServer server = start(host, port, pause);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "see-it-shutdown"));
    server.jetty.join();
  }

  /** Returns the page's address. */
  public URI url() {
    String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
  }

  /** Returns every event sent so far, in sending order, with the column it went to. */
  public List<SentFrame> sent() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  void record(SentFrame frame) {
    synchronized (sent) {
      sent.add(frame);
    }
  }

  Duration pause() {
    return pause;
  }

  /** Stops Jetty, closing every connection; never throws. */
  @Override
  public void close() {
    try {
      if (jetty.isStarted()) {
        jetty.stop();
        log.atInfo().log("see it: stopped");
      }
    } catch (Exception e) {
      log.atWarn().setCause(e).log("see it: stop failed");
    }
  }
}
