package io.safejson.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class SafeNatsPublisherTest {

  @Test
  void theBuilderRejectsMissingArgumentsByName() {
    assertEquals(
        "serializer",
        assertThrows(NullPointerException.class, () -> SafeNatsPublisher.builder().serializer(null)).getMessage());
    assertEquals(
        "oversizePolicy",
        assertThrows(NullPointerException.class, () -> SafeNatsPublisher.builder().oversizePolicy(null))
            .getMessage());
    assertEquals(
        "connection",
        assertThrows(NullPointerException.class, () -> SafeNatsPublisher.builder().build(null)).getMessage());
    assertEquals(
        "connection", assertThrows(NullPointerException.class, () -> SafeNatsPublisher.of(null)).getMessage());
  }

  @Test
  void theHeaderNameAndBoundAreTheDocumentedOnes() {
    assertEquals("safejson-incidents", SafeNatsPublisher.INCIDENTS_HEADER);
    assertEquals(4096, SafeNatsPublisher.MAX_INCIDENTS_HEADER_LENGTH);
  }
}
