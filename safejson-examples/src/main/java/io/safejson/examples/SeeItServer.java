package io.safejson.examples;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo server: embedded Jetty 12 serving the page at {@code /} and the chat WebSocket at {@code /chat}.
 *
 * <p>Run it with {@code ./mvnw -q -pl safejson-examples -am compile -Psee-it} (see the README); settings are
 * system properties: {@code safejson.host} (default 127.0.0.1), {@code safejson.port} (default 8080, or the
 * first program argument), {@code safejson.pauseMillis} between events (default 400) and
 * {@code safejson.logFormat} (read by {@code logback.xml}).
 */
public final class SeeItServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SeeItServer.class);

  private final ChatJetty jetty;
  private final Duration pause;
  private final List<SentFrame> sent = new ArrayList<>();

  private SeeItServer(String host, int port, Duration pause) {
    this.pause = Objects.requireNonNull(pause, "pause");
    jetty = new ChatJetty(host, port, new PageServlet(), ChatEndpoint.class, () -> new ChatEndpoint(this));
  }

  /** Starts a server on {@code host} and {@code port} (0 picks a free one), pausing {@code pause} between events. */
  public static SeeItServer start(String host, int port, Duration pause) throws Exception {
    SeeItServer server = new SeeItServer(host, port, pause);
    server.jetty.start();
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
    return jetty.url();
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
      if (jetty.stop()) {
        log.atInfo().log("see it: stopped");
      }
    } catch (Exception e) {
      log.atWarn().setCause(e).log("see it: stop failed");
    }
  }
}
