package io.safejson;

import java.util.List;
import java.util.Objects;

/**
 * A document {@link SafeSerializer#toJsonBytesWithin(Object, long)} kept within a byte budget: its UTF-8
 * JSON, what was fixed or cut, and the {@link IncidentsHeader} value to send with it.
 *
 * <pre>{@code
 * BoundedJson message = serializer.toJsonBytesWithin(event, 1_048_576);
 * send(message.json());                  // at most 1 MiB, valid JSON, "[TRUNCATED]" at worst
 * if (message.cut()) {
 *   log.warn("cut from {} bytes: {}", message.uncutSize(), message.incidents());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe, except that {@link #json()} is not copied: do not change that array.
 *
 * @param json valid RFC 8259 JSON in UTF-8; {@code "[TRUNCATED]"} when no cut fitted
 * @param incidents what was fixed, in output order; when {@code cut}, first a {@code TRUNCATED} incident at
 *     {@code $} whose detail names both sizes
 * @param incidentsHeader the {@link IncidentsHeader} value counted in the budget, or {@code null}: when
 *     nothing was fixed, when no header was asked for, or when it did not fit next to the placeholder
 * @param uncutSize the bytes the whole document (and its incidents header, if asked for) took before any cut
 * @param cut whether the document was cut down or replaced to fit
 */
public record BoundedJson(
    byte[] json, List<Incident> incidents, String incidentsHeader, long uncutSize, boolean cut) {

  /** Copies {@code incidents} so the list stays immutable. */
  public BoundedJson {
    Objects.requireNonNull(json, "json");
    incidents = List.copyOf(incidents);
  }
}
