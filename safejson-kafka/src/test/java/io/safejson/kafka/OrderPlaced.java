package io.safejson.kafka;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A typical event: the values plain Jackson mishandles (an instant, a UUID, a decimal, an enum) plus free-form
 * fields where hostile values end up.
 */
public record OrderPlaced(
    UUID id, Instant at, BigDecimal total, Status status, String note, Double score, Object details) {

  /** An order's state; written by name. */
  public enum Status {
    NEW,
    PAID
  }
}
