package io.safejson.nats.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.nats.client.impl.Headers;
import io.safejson.Incident;
import io.safejson.SafeResult;
import io.safejson.SafeSerializer;
import io.safejson.nats.OversizePolicy;
import io.safejson.nats.PayloadTooLargeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a value into a NATS message body and headers that fit the server's {@code max_payload}, following an
 * {@link OversizePolicy}.
 *
 * <p>Immutable and thread-safe.
 */
public final class MessageEncoder {
  /** The body sent when not even the smallest limits fit. */
  static final String PLACEHOLDER = "\"[TRUNCATED]\"";
  /** Re-serializations tried before the placeholder; each one divides a limit by at least 1.25. */
  private static final int MAX_ATTEMPTS = 60;
  /**
   * Reads the first serialization back as a tree, exactly: decimals keep their digits and scale, and no limit
   * rejects what the serializer was allowed to write.
   */
  private static final ObjectMapper TREE_READER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxStringLength(Integer.MAX_VALUE)
                          .maxNumberLength(Integer.MAX_VALUE)
                          .maxNestingDepth(Integer.MAX_VALUE)
                          .build())
                  .build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private final SafeSerializer serializer;
  private final OversizePolicy policy;
  private final SerializerLimits limits;

  /** An encoder writing with {@code serializer}, handling oversize messages by {@code policy}. */
  public MessageEncoder(SafeSerializer serializer, OversizePolicy policy) {
    this.serializer = serializer;
    this.policy = policy;
    this.limits = SerializerLimits.of(serializer);
  }

  /**
   * Encodes {@code value} for {@code subject}.
   *
   * @param headers the caller's headers (copied, never changed; an incidents header in them is dropped), or
   *     {@code null}
   * @param maxPayload the server's limit in bytes; zero or less when unknown, and then nothing is checked
   * @param headersSupported whether the server takes headers; without them no incidents header is added
   * @throws PayloadTooLargeException under {@link OversizePolicy#FAIL} when the message is too large, and under
   *     any policy when the caller's headers leave no room for a body
   */
  public EncodedMessage encode(
      String subject, Headers headers, Object value, long maxPayload, boolean headersSupported) {
    Headers base = withoutIncidentsHeader(headers);
    SafeResult result = serializer.serialize(value);
    EncodedMessage message = assemble(base, result.json(), result.incidents(), headersSupported);
    if (maxPayload <= 0 || message.size() <= maxPayload) {
      return message;
    }
    if (policy == OversizePolicy.FAIL) {
      throw new PayloadTooLargeException(subject, message.size(), maxPayload);
    }
    return shrink(subject, base, value, result, message, maxPayload, headersSupported);
  }

  /**
   * Cuts the first serialization down until it fits. The attempts re-serialize that document read back as a
   * tree, not {@code value}: getters run once per publish, iterators and streams are consumed once, and what
   * the first pass fixed (NaN, failed getters, redactions) stays as it was written, with its incidents.
   */
  private EncodedMessage shrink(
      String subject,
      Headers base,
      Object value,
      SafeResult first,
      EncodedMessage whole,
      long maxPayload,
      boolean headersSupported) {
    long size = whole.size();
    Object source;
    try {
      source = TREE_READER.readTree(whole.body());
    } catch (Exception e) {
      source = value; // the serializer's output always parses; should it not, cutting the value still works
    }
    long room = maxPayload - EncodedMessage.headersLength(base);
    Incident cut =
        new Incident(
            "$",
            Incident.Kind.TRUNCATED,
            value == null ? "null" : value.getClass().getName(),
            "message of " + size + " bytes cut to fit the server's max_payload of " + maxPayload + " bytes");
    // No limit starts above what could fit, nor above what the application chose.
    int strings = clamp(room, limits.maxStringLength(), SerializerLimits.MIN_STRING_LENGTH);
    int items = clamp(room / 2 + 1, limits.maxItems(), 1);
    int values = clamp(room / 2 + 1, limits.maxValues(), 1);
    // Long strings are the usual cause and cutting them keeps the document's shape, so strings shrink alone
    // while that pays (each attempt at least 10 % smaller); then items and values shrink too. Each next limit
    // is taken below what the attempt's output actually holds, by the factor it is over the limit.
    boolean stringsOnly = true;
    long previous = size;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      SafeResult result =
          serializer.toBuilder()
              .onIncident(null) // the application's listener saw the first serialization already
              .maxStringLength(strings)
              .maxItems(items)
              .maxValues(values)
              .build()
              .serialize(source);
      List<Incident> incidents = new ArrayList<>(1 + first.incidents().size() + result.incidents().size());
      incidents.add(cut);
      if (source != value) {
        incidents.addAll(first.incidents());
      }
      incidents.addAll(result.incidents());
      EncodedMessage message = assemble(base, result.json(), incidents, headersSupported);
      if (message.size() <= maxPayload) {
        return message;
      }
      if (strings == SerializerLimits.MIN_STRING_LENGTH && items == 1 && values == 1) {
        break;
      }
      OutputShape shape = OutputShape.of(message.body());
      // A little more than the excess, so one more attempt usually fits; at least 1.25 so attempts converge.
      double factor = Math.max(1.25, 1.1 * message.size() / Math.max(1, room));
      boolean paid = attempt == 0 || message.size() <= previous * 0.9;
      previous = message.size();
      strings = Math.max(SerializerLimits.MIN_STRING_LENGTH, (int) (Math.min(strings, shape.longestString()) / factor));
      if (stringsOnly && paid && shape.longestString() > SerializerLimits.MIN_STRING_LENGTH) {
        continue;
      }
      stringsOnly = false;
      items = Math.max(1, (int) (Math.min(items, shape.mostItems()) / factor));
      values = Math.max(1, (int) (Math.min(values, shape.values()) / factor));
    }
    EncodedMessage placeholder = assemble(base, PLACEHOLDER, List.of(cut), headersSupported);
    if (placeholder.size() <= maxPayload) {
      return placeholder;
    }
    EncodedMessage bare = assemble(base, PLACEHOLDER, List.of(cut), false);
    if (bare.size() <= maxPayload) {
      return bare;
    }
    throw new PayloadTooLargeException(subject, size, maxPayload);
  }

  private static int clamp(long fits, int chosen, int floor) {
    return (int) Math.max(floor, Math.min(fits, chosen));
  }

  private static EncodedMessage assemble(
      Headers base, String json, List<Incident> incidents, boolean headersSupported) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String header = headersSupported ? IncidentsHeader.encode(incidents) : null;
    Headers headers = base;
    if (header != null) {
      headers = base == null ? new Headers() : new Headers(base);
      headers.put(IncidentsHeader.NAME, header);
    }
    return new EncodedMessage(body, headers, List.copyOf(incidents));
  }

  /** A copy of {@code headers} without any spelling of the incidents header, which only the body may set. */
  private static Headers withoutIncidentsHeader(Headers headers) {
    if (headers == null) {
      return null;
    }
    Headers copy = new Headers(headers);
    List<String> stale = new ArrayList<>();
    for (String key : copy.keySet()) {
      if (key.equalsIgnoreCase(IncidentsHeader.NAME)) {
        stale.add(key);
      }
    }
    copy.remove(stale);
    return copy;
  }
}
