package io.safejson.examples;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class PageServletTest {
  @Test
  void aNodeNameThatWouldNeedHtmlEscapingIsRefused() {
    for (String name : new String[] {"node \"1\"", "<b>", "a&b", "", "x".repeat(41)}) {
      assertThrows(IllegalArgumentException.class, () -> new PageServlet(name), name);
    }
    assertThrows(IllegalArgumentException.class, () -> new PageServlet(null));
  }

  @Test
  void aPlainNodeNameIsAccepted() {
    assertDoesNotThrow(() -> new PageServlet("node 1"));
    assertDoesNotThrow(() -> new PageServlet("eu-west.node_2:8081"));
  }
}
