package io.safejson.nats;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The integration tests fail, never skip, when {@code nats-server} is missing, and say how to install it. */
final class NatsServerTest {

  @Test
  void aMissingServerFailsWithTheInstallCommand() {
    AssertionError e =
        assertThrows(AssertionError.class, () -> NatsServer.binary("/nonexistent/bin/nats-server"));
    assertTrue(e.getMessage().contains("apt-get install nats-server"), e.getMessage());
    assertTrue(e.getMessage().contains("/nonexistent/bin/nats-server"), e.getMessage());
  }
}
