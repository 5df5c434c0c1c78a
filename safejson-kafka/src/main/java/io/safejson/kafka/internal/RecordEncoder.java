package io.safejson.kafka.internal;

import io.safejson.Incident;
import io.safejson.SafeResult;
import io.safejson.SafeSerializer;
import io.safejson.kafka.OversizePolicy;
import io.safejson.kafka.SafeJsonKafkaConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Turns a value into record bytes plus an incidents header, keeping value and headers within the producer's
 * record limit less {@link SafeJsonKafkaConfig#RESERVED_BYTES}, by an {@link OversizePolicy}.
 *
 * <p>Immutable and thread-safe.
 */
public final class RecordEncoder {
  /** The document sent when not even the smallest limits fit. */
  static final byte[] PLACEHOLDER = "\"[TRUNCATED]\"".getBytes(StandardCharsets.UTF_8);
  /** What Kafka's record format spends per header beyond its key and value: two varint lengths at most. */
  static final int HEADER_OVERHEAD = 10;
  /** Re-serializations tried before the placeholder; each one divides a limit by at least 2. */
  private static final int MAX_ATTEMPTS = 40;

  private final SafeSerializer serializer;
  private final BytesSerializer bytes;
  private final OversizePolicy policy;
  private final long recordLimit;
  private final String headerName;
  private final String role;
  private final SerializerLimits limits;

  /**
   * An encoder writing with {@code serializer}.
   *
   * @param recordLimit the producer's {@code max.request.size} (or a smaller {@code buffer.memory})
   * @param isKey whether it writes record keys: their incidents go to the key incidents header
   */
  public RecordEncoder(SafeSerializer serializer, OversizePolicy policy, long recordLimit, boolean isKey) {
    this.serializer = serializer;
    this.bytes = new BytesSerializer(serializer);
    this.policy = policy;
    this.recordLimit = recordLimit;
    this.headerName = isKey ? SafeJsonKafkaConfig.KEY_INCIDENTS_HEADER : SafeJsonKafkaConfig.INCIDENTS_HEADER;
    this.role = isKey ? "key" : "value";
    this.limits = SerializerLimits.of(serializer);
  }

  /** The bytes the value and every header may take together. */
  public long budget() {
    return recordLimit - SafeJsonKafkaConfig.RESERVED_BYTES;
  }

  /**
   * Serializes {@code value} for a record of {@code topic}; replaces any incidents header in {@code headers}
   * (from a reused or forwarded record) with this value's, and adds none when nothing was fixed.
   *
   * @param headers the record's headers, or {@code null} when the caller has none
   * @return the bytes, {@code null} for a {@code null} value (a tombstone)
   * @throws SerializationException under {@link OversizePolicy#FAIL} when the record would be too large, and
   *     under any policy when the other headers alone leave no room for the value
   */
  public byte[] encode(String topic, Headers headers, Object value) {
    boolean writable = removeStale(headers);
    if (value == null) {
      return null;
    }
    long room = budget() - sizeOf(headers);
    boolean withHeader = headers != null && writable;
    BytesSerializer.Serialized result = bytes.serialize(value);
    byte[] body = result.json();
    byte[] header = withHeader ? IncidentsHeader.encode(result.incidents()) : null;
    if (size(body, header) <= room) {
      return attach(headers, body, header);
    }
    long size = size(body, header);
    if (policy == OversizePolicy.FAIL) {
      throw new SerializationException(
          "Record " + role + " for topic " + topic + " is " + size + " bytes"
              + (header == null ? "" : " with its incidents header") + ", over the " + Math.max(0, room)
              + " bytes it may take (" + describeLimit() + ")");
    }
    return shrink(topic, headers, withHeader, value, size, room);
  }

  private byte[] shrink(String topic, Headers headers, boolean withHeader, Object value, long size, long room) {
    Incident cut =
        new Incident(
            "$",
            Incident.Kind.TRUNCATED,
            value.getClass().getName(),
            "record " + role + " of " + size + " bytes cut to the " + room + " bytes it may take ("
                + describeLimit() + ")");
    // No limit starts above what could fit, nor above what the application chose.
    int strings = clamp(room, limits.maxStringLength(), SerializerLimits.MIN_STRING_LENGTH);
    int items = clamp(room / 2 + 1, limits.maxItems(), 1);
    int values = clamp(room / 2 + 1, limits.maxValues(), 1);
    // Long strings are the usual cause and cutting them keeps the document's shape, so strings shrink alone
    // until that stops helping (three attempts that change nothing); then items and values shrink too.
    boolean stringsOnly = true;
    int unchanged = 0;
    long previous = size;
    for (int attempt = 0; attempt < MAX_ATTEMPTS && room > 0; attempt++) {
      SafeResult result =
          serializer.toBuilder()
              .onIncident(null) // the application's listener saw the first serialization already
              .maxStringLength(strings)
              .maxItems(items)
              .maxValues(values)
              .build()
              .serialize(value);
      List<Incident> incidents = new ArrayList<>(result.incidents().size() + 1);
      incidents.add(cut);
      incidents.addAll(result.incidents());
      byte[] body = result.json().getBytes(StandardCharsets.UTF_8);
      byte[] header = withHeader ? IncidentsHeader.encode(incidents) : null;
      long attemptSize = size(body, header);
      if (attemptSize <= room) {
        return attach(headers, body, header);
      }
      if (strings == SerializerLimits.MIN_STRING_LENGTH && items == 1 && values == 1) {
        break;
      }
      unchanged = attemptSize < previous ? 0 : unchanged + 1;
      previous = attemptSize;
      // Above every string's length a cut changes nothing: skip ahead faster.
      double factor = Math.max(unchanged > 0 ? 4.0 : 2.0, (double) attemptSize / Math.max(1, room));
      if (stringsOnly && (unchanged >= 3 || strings == SerializerLimits.MIN_STRING_LENGTH)) {
        stringsOnly = false;
        factor = Math.max(2.0, (double) attemptSize / Math.max(1, room));
      }
      strings = Math.max(SerializerLimits.MIN_STRING_LENGTH, (int) (strings / factor));
      if (!stringsOnly) {
        items = Math.max(1, (int) (items / factor));
        values = Math.max(1, (int) (values / factor));
      }
    }
    byte[] header = withHeader ? IncidentsHeader.encode(List.of(cut)) : null;
    if (size(PLACEHOLDER, header) <= room) {
      return attach(headers, PLACEHOLDER, header);
    }
    if (PLACEHOLDER.length <= room) {
      return PLACEHOLDER.clone();
    }
    throw new SerializationException(
        "Record " + role + " for topic " + topic + " has no room: its other headers leave " + room
            + " bytes (" + describeLimit() + ")");
  }

  private String describeLimit() {
    return "the producer's max.request.size " + recordLimit + " less " + SafeJsonKafkaConfig.RESERVED_BYTES
        + " bytes kept for the key and record overhead";
  }

  private long size(byte[] body, byte[] header) {
    return body.length + (header == null ? 0 : headerSize(headerName, header));
  }

  private static long headerSize(String key, byte[] value) {
    return key.getBytes(StandardCharsets.UTF_8).length + (value == null ? 0 : value.length) + HEADER_OVERHEAD;
  }

  private static long sizeOf(Headers headers) {
    if (headers == null) {
      return 0;
    }
    long size = 0;
    for (Header header : headers) {
      size += headerSize(header.key(), header.value());
    }
    return size;
  }

  /** Removes this encoder's header (set by an earlier send of the same record); false when read-only. */
  private boolean removeStale(Headers headers) {
    if (headers == null) {
      return false;
    }
    try {
      headers.remove(headerName);
      return true;
    } catch (RuntimeException readOnly) { // RecordHeaders after send: IllegalStateException
      return false;
    }
  }

  private byte[] attach(Headers headers, byte[] body, byte[] header) {
    if (header != null) {
      try {
        headers.add(headerName, header);
      } catch (RuntimeException readOnly) {
        // Headers that refuse additions lose the report, never the value.
      }
    }
    return body;
  }

  private static int clamp(long fits, int chosen, int floor) {
    return (int) Math.max(floor, Math.min(fits, chosen));
  }
}
