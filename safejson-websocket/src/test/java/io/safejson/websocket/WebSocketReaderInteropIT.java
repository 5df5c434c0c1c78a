package io.safejson.websocket;

import io.safejson.interop.ExternalReaders;
import io.safejson.interop.HostileDocuments.Case;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile messages of {@link WebSocketReaderInteropTest}, as the JDK client received them from Jetty,
 * written to files under {@code target/websocket-reader-interop} and read by Python's {@code json} and Node's
 * {@code JSON.parse} in subprocesses: both must accept each one, read no number as Infinity (nor, for Python,
 * a non-zero number as 0) and print the exact values expected. Integration profile only: needs {@code python3}
 * and {@code node} on the PATH.
 */
final class WebSocketReaderInteropIT {
  @RegisterExtension static final HostileMessageServer SERVER = new HostileMessageServer();

  static Stream<Case> messages() {
    return WebSocketReaderInteropTest.messages();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void pythonAndNodeReadEveryReceivedHostileMessageAndKeepItsExactValues(Case c) throws Exception {
    String received = SERVER.deliver(c);

    ExternalReaders.assertBothRead(Path.of("target", "websocket-reader-interop"), c.name(), received, c.exact());
  }
}
