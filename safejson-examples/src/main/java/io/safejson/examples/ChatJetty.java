package io.safejson.examples;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Embedded Jetty 12 serving the page at {@code /} and a chat WebSocket endpoint at {@code /chat}: the part the
 * single-node demo and each cluster node share. Not thread-safe; start and stop it from one thread.
 */
final class ChatJetty {
  private final Server jetty;
  private final ServerConnector connector;

  /** Configures (does not start) a server on {@code host} and {@code port}; 0 picks a free port. */
  <E extends Endpoint> ChatJetty(
      String host, int port, PageServlet page, Class<E> endpointType, Supplier<? extends E> endpoints) {
    jetty = new Server();
    connector = new ServerConnector(jetty);
    connector.setHost(host);
    connector.setPort(port);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder("page", page), "/");
    ServerEndpointConfig chat =
        ServerEndpointConfig.Builder.create(endpointType, "/chat")
            .configurator(
                new ServerEndpointConfig.Configurator() {
                  @Override
                  public <T> T getEndpointInstance(Class<T> endpointClass) {
                    return endpointClass.cast(endpoints.get());
                  }
                })
            .build();
    JakartaWebSocketServletContainerInitializer.configure(context, (servlets, container) -> container.addEndpoint(chat));
    jetty.setHandler(context);
    jetty.setStopTimeout(2_000);
  }

  /** Starts Jetty; on failure stops what did start and rethrows. */
  void start() throws Exception {
    try {
      jetty.start();
    } catch (Exception e) {
      jetty.stop();
      throw e;
    }
  }

  /** Returns the page's address. */
  URI url() {
    String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
  }

  /** Blocks until Jetty stops. */
  void join() throws InterruptedException {
    jetty.join();
  }

  /** Stops Jetty, closing every connection; returns false when it was not running. */
  boolean stop() throws Exception {
    if (!jetty.isStarted()) {
      return false;
    }
    jetty.stop();
    return true;
  }
}
