package io.safejson;

import io.safejson.internal.IncidentsHeaderCodec;
import java.util.List;

/**
 * The {@value #NAME} header that carries a document's incidents next to it on a transport with headers
 * (Kafka, NATS): a US-ASCII JSON array of {@code {"path","kind","type"}} objects of at most
 * {@value #MAX_LENGTH} chars, ending with {@code {"omitted":n}} when some incidents did not fit.
 *
 * <pre>{@code
 * SafeResult result = serializer.serialize(order);
 * String header = IncidentsHeader.encode(result.incidents());    // null when nothing was fixed
 * if (header != null) {
 *   headers.put(IncidentsHeader.NAME, header);
 * }
 * List<Incident> fixed = IncidentsHeader.decode(received);       // on the consumer: never throws
 * }</pre>
 *
 * <p>Every char is printable US-ASCII (others escaped as {@code \\uXXXX} by Jackson's generator), so the value
 * is a valid header everywhere; a path or type longer than 256 chars is cut with {@code ...[TRUNCATED]}, so
 * one incident always fits. The detail of an incident is not sent.
 *
 * <p>Stateless and thread-safe.
 */
public final class IncidentsHeader {
  /** The header's name. */
  public static final String NAME = "safejson-incidents";
  /** The most chars (and bytes: the value is ASCII) an encoded value holds. */
  public static final int MAX_LENGTH = 4096;

  private IncidentsHeader() {}

  /**
   * Returns the header value listing {@code incidents} in order, within {@value #MAX_LENGTH} chars, or
   * {@code null} when there are none (a clean document carries no header).
   */
  public static String encode(List<Incident> incidents) {
    return IncidentsHeaderCodec.encode(incidents);
  }

  /**
   * Reads a header value written by {@link #encode}: the listed incidents, each with a detail saying where it
   * was read. Never throws: the {@code omitted} marker, entries of unknown kinds or without a string path and
   * type are skipped, and a value that is cut short, malformed or {@code null} gives the entries read before
   * the fault (often none).
   */
  public static List<Incident> decode(String value) {
    return IncidentsHeaderCodec.decode(value);
  }
}
