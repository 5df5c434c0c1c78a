package io.safejson.benchmarks;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A WebSocket chat message, the benchmark payload: strings, JDK value types, an enum and a nested list. */
public record ChatMessage(
    String type,
    UUID id,
    Instant sentAt,
    ConnectionState state,
    BigDecimal cost,
    Path attachment,
    List<Part> parts,
    String room,
    String user,
    long sequence) {

  /** One fragment of a message's text with its token count. */
  public record Part(String text, int tokens) {}
}
