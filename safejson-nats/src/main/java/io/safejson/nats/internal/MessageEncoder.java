package io.safejson.nats.internal;

import io.nats.client.impl.Headers;
import io.safejson.BoundedJson;
import io.safejson.Incident;
import io.safejson.IncidentsHeader;
import io.safejson.SafeSerializer;
import io.safejson.nats.OversizePolicy;
import io.safejson.nats.PayloadTooLargeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a value into a NATS message body and headers that fit the server's {@code max_payload}, following an
 * {@link OversizePolicy}; the cutting itself is {@link SafeSerializer#toJsonBytesWithin(Object, long, int)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class MessageEncoder {
  /** What the incidents header adds to headers that hold nothing else: the version line, its line, the end. */
  private static final int HEADER_OVERHEAD_ALONE = overheadNextTo(null);

  private final SafeSerializer serializer;
  private final OversizePolicy policy;

  /** An encoder writing with {@code serializer}, handling oversize messages by {@code policy}. */
  public MessageEncoder(SafeSerializer serializer, OversizePolicy policy) {
    this.serializer = serializer;
    this.policy = policy;
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
    long baseLength = EncodedMessage.headersLength(base);
    // Under FAIL nothing is cut: the whole message is measured, then sent or refused.
    long room = maxPayload <= 0 || policy == OversizePolicy.FAIL ? Long.MAX_VALUE : maxPayload - baseLength;
    BoundedJson json =
        headersSupported
            ? serializer.toJsonBytesWithin(value, room, baseLength == 0 ? HEADER_OVERHEAD_ALONE : overheadNextTo(base))
            : serializer.toJsonBytesWithin(value, room);
    long size = json.uncutSize() + baseLength;
    if (!json.cut() && (maxPayload <= 0 || size <= maxPayload)) {
      return assemble(base, json.json(), json.incidents(), json.incidentsHeader());
    }
    if (!json.cut()) { // FAIL
      throw new PayloadTooLargeException(subject, size, maxPayload);
    }
    List<Incident> incidents = new ArrayList<>(json.incidents());
    Incident cut = incidents.get(0);
    incidents.set(
        0,
        new Incident(
            cut.path(),
            cut.kind(),
            cut.type(),
            "message of " + size + " bytes cut to fit the server's max_payload of " + maxPayload + " bytes"));
    EncodedMessage message = assemble(base, json.json(), incidents, json.incidentsHeader());
    if (message.size() > maxPayload) { // the caller's headers leave no room even for the placeholder
      throw new PayloadTooLargeException(subject, size, maxPayload);
    }
    return message;
  }

  /** The bytes the incidents header adds to {@code base}, beyond its value, as jnats counts them. */
  private static int overheadNextTo(Headers base) {
    Headers probe = base == null ? new Headers() : new Headers(base);
    probe.put(IncidentsHeader.NAME, "[]");
    return probe.serializedLength() - EncodedMessage.headersLength(base) - 2;
  }

  private static EncodedMessage assemble(Headers base, byte[] body, List<Incident> incidents, String header) {
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
