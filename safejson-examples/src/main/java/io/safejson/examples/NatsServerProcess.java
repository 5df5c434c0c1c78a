package io.safejson.examples;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@code nats-server} (Debian's package) started for the cluster demo on a free loopback port, its output in
 * a temporary file; {@link #close()} stops it. Not thread-safe.
 */
final class NatsServerProcess implements AutoCloseable {
  /** Where Debian installs the program; {@code PATH} is searched first. */
  static final Path DEBIAN_BINARY = Path.of("/usr/sbin/nats-server");
  /** What to do when there is no {@code nats-server}. */
  static final String INSTALL_HINT = "install Debian's nats-server: apt-get install nats-server";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final int port;
  private final Path log;

  private NatsServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Finds {@code nats-server}: {@code override} when set (the {@code safejson.natsServer} property), else on
   * {@code PATH}, else at {@link #DEBIAN_BINARY}; empty when there is none.
   */
  static Optional<Path> find(String override, String path) {
    if (override != null && !override.isBlank()) {
      Path given = Path.of(override);
      return Files.isExecutable(given) ? Optional.of(given) : Optional.empty();
    }
    for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "nats-server"))) {
        return Optional.of(Path.of(dir, "nats-server"));
      }
    }
    return Files.isExecutable(DEBIAN_BINARY) ? Optional.of(DEBIAN_BINARY) : Optional.empty();
  }

  /** Finds {@code nats-server} from the {@code safejson.natsServer} property and {@code PATH}. */
  static Optional<Path> find() {
    return find(System.getProperty("safejson.natsServer"), System.getenv("PATH"));
  }

  /**
   * Starts {@code binary} on a free port of 127.0.0.1 and waits until it accepts connections.
   *
   * @throws IOException if it cannot be started or does not listen within 30 seconds (with its output)
   */
  static NatsServerProcess start(Path binary) throws IOException, InterruptedException {
    int port = freePort();
    Path log = Files.createTempFile("safejson-nats-server-", ".log");
    Process process =
        new ProcessBuilder(binary.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    NatsServerProcess server = new NatsServerProcess(process, port, log);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!server.accepts()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String output = Files.readString(log);
        server.close();
        throw new IOException(binary + " did not start on 127.0.0.1:" + port + "; its output:\n" + output);
      }
      Thread.sleep(50);
    }
    return server;
  }

  /** Returns the server's URL. */
  String url() {
    return "nats://127.0.0.1:" + port;
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
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  /** Stops the server (forcibly after 10 seconds) and deletes its output; never throws. */
  @Override
  public void close() {
    try {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // A temporary file left behind is harmless.
    }
  }
}
