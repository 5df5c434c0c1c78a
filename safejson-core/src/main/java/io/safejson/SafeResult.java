package io.safejson;

import java.util.List;
import java.util.Objects;

/**
 * The JSON text {@link SafeSerializer#serialize(Object)} produced and every {@link Incident} it had to fix.
 *
 * <p>Immutable and thread-safe.
 *
 * @param json valid RFC 8259 JSON, never {@code null}
 * @param incidents what had to be cut, replaced or truncated, in output order; empty when the value was
 *     fully JSON-safe
 */
public record SafeResult(String json, List<Incident> incidents) {

  /** Copies {@code incidents} so the result stays immutable. */
  public SafeResult {
    Objects.requireNonNull(json, "json");
    incidents = List.copyOf(incidents);
  }

  /** Returns true when nothing had to be fixed. */
  public boolean isClean() {
    return incidents.isEmpty();
  }
}
