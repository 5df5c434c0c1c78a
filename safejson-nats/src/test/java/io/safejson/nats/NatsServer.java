package io.safejson.nats;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code nats-server} (Debian's package) on a free loopback port, configured by a small file under
 * {@code target/nats-it/} with a {@code max_payload} and a JetStream store; {@link #close()} stops it.
 *
 * <p>Without the program the tests fail, never skip: a missing server must not look like a passing build.
 */
final class NatsServer implements AutoCloseable {
  /** Where Debian installs the program; {@code PATH} is searched too. */
  static final Path DEBIAN_BINARY = Path.of("/usr/sbin/nats-server");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final int port;
  private final Path log;
  private final List<Connection> connections = new ArrayList<>();

  private NatsServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts a server whose {@code max_payload} is {@code maxPayload} bytes, with JetStream. */
  static NatsServer start(String name, long maxPayload) throws Exception {
    return start(binary(System.getProperty("safejson.natsServer")), name, maxPayload);
  }

  static NatsServer start(Path binary, String name, long maxPayload) throws Exception {
    int port = freePort();
    Path dir = Path.of("target", "nats-it", name + "-" + port).toAbsolutePath();
    Files.createDirectories(dir.resolve("jetstream"));
    Path config = dir.resolve("nats.conf");
    Files.writeString(
        config,
        String.join(
            "\n",
            "listen: \"127.0.0.1:" + port + "\"",
            "max_payload: " + maxPayload,
            "jetstream {",
            "  store_dir: \"" + dir.resolve("jetstream") + "\"",
            "  max_memory_store: 64MB",
            "  max_file_store: 256MB",
            "}",
            ""),
        StandardCharsets.UTF_8);
    Path log = dir.resolve("nats-server.log");
    Process process =
        new ProcessBuilder(binary.toString(), "-c", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    // A test JVM that dies without running close() must not leave the server behind.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop nats-server " + port));
    NatsServer server = new NatsServer(process, port, log);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!server.accepts()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        server.close();
        throw new AssertionError(
            "nats-server did not start on port " + port + "; its log:\n" + Files.readString(log));
      }
      Thread.sleep(50);
    }
    return server;
  }

  /**
   * Finds {@code nats-server}: {@code override} (the {@code safejson.natsServer} property) when set, else
   * {@code PATH}, else Debian's {@code /usr/sbin}; fails with the install command when there is none.
   */
  static Path binary(String override) {
    if (override != null && !override.isBlank()) {
      Path given = Path.of(override);
      if (Files.isExecutable(given)) {
        return given;
      }
      throw missing("not executable: " + given);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "nats-server"))) {
        return Path.of(dir, "nats-server");
      }
    }
    if (Files.isExecutable(DEBIAN_BINARY)) {
      return DEBIAN_BINARY;
    }
    throw missing("not on PATH nor at " + DEBIAN_BINARY);
  }

  private static AssertionError missing(String where) {
    return new AssertionError(
        "The NATS integration tests need a real nats-server (" + where + "): apt-get install nats-server");
  }

  /** Returns the server's URL. */
  String url() {
    return "nats://127.0.0.1:" + port;
  }

  /** Opens a jnats connection, closed with the server. */
  Connection connect() throws IOException, InterruptedException {
    Connection connection =
        Nats.connect(
            new Options.Builder()
                .server(url())
                .connectionTimeout(Duration.ofSeconds(10))
                .maxReconnects(0)
                .errorListener(new io.nats.client.ErrorListener() {})
                .build());
    synchronized (connections) {
      connections.add(connection);
    }
    return connection;
  }

  /** Returns what the server logged so far, for failure messages. */
  String log() throws IOException {
    return Files.readString(log);
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    try {
      synchronized (connections) {
        for (Connection connection : connections) {
          connection.close();
        }
        connections.clear();
      }
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
