package io.safejson.kafka.internal;

import io.safejson.BoundedJson;
import io.safejson.SafeSerializer;
import io.safejson.kafka.OversizePolicy;
import io.safejson.kafka.SafeJsonKafkaConfig;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Turns a value into record bytes plus an incidents header, keeping value and headers within the producer's
 * record limit less {@link SafeJsonKafkaConfig#RESERVED_BYTES}, by an {@link OversizePolicy}; the cutting
 * itself is {@link SafeSerializer#toJsonBytesWithin(Object, long, int)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class RecordEncoder {
  /** What Kafka's record format spends per header beyond its key and value: two varint lengths at most. */
  static final int HEADER_OVERHEAD = 10;

  private final SafeSerializer serializer;
  private final OversizePolicy policy;
  private final long recordLimit;
  private final String headerName;
  private final String role;
  private final int headerOverhead;

  /**
   * An encoder writing with {@code serializer}.
   *
   * @param recordLimit the producer's {@code max.request.size} (or a smaller {@code buffer.memory})
   * @param isKey whether it writes record keys: their incidents go to the key incidents header
   */
  public RecordEncoder(SafeSerializer serializer, OversizePolicy policy, long recordLimit, boolean isKey) {
    this.serializer = serializer;
    this.policy = policy;
    this.recordLimit = recordLimit;
    this.headerName = isKey ? SafeJsonKafkaConfig.KEY_INCIDENTS_HEADER : SafeJsonKafkaConfig.INCIDENTS_HEADER;
    this.role = isKey ? "key" : "value";
    this.headerOverhead = headerName.getBytes(StandardCharsets.UTF_8).length + HEADER_OVERHEAD;
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
    // Under FAIL nothing is cut: the whole value is measured, then written or refused.
    long limit = policy == OversizePolicy.FAIL ? Long.MAX_VALUE : room;
    BoundedJson json =
        withHeader
            ? serializer.toJsonBytesWithin(value, limit, headerOverhead)
            : serializer.toJsonBytesWithin(value, limit);
    byte[] header = json.incidentsHeader() == null ? null : json.incidentsHeader().getBytes(StandardCharsets.US_ASCII);
    if (!json.cut() && json.uncutSize() <= room) {
      return attach(headers, json.json(), header);
    }
    if (!json.cut()) { // FAIL
      throw new SerializationException(
          "Record " + role + " for topic " + topic + " is " + json.uncutSize() + " bytes"
              + (header == null ? "" : " with its incidents header") + ", over the " + Math.max(0, room)
              + " bytes it may take (" + describeLimit() + ")");
    }
    if (size(json.json(), header) > room) {
      throw new SerializationException(
          "Record " + role + " for topic " + topic + " has no room: its other headers leave " + room
              + " bytes (" + describeLimit() + ")");
    }
    return attach(headers, json.json(), header);
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
}
