package io.safejson.nats;

/**
 * What {@link SafeNatsPublisher} does with a message that would exceed the server's {@code max_payload} (body
 * plus headers, as the server counts it).
 *
 * <p>A message over the limit never reaches jnats, whose client-side check would throw its own
 * {@code IllegalArgumentException}, nor the server, which would answer with "Maximum Payload Violation" and
 * close the connection.
 */
public enum OversizePolicy {
  /**
   * The default: the first serialization, read back as a tree (so getters run once and numbers stay exact), is
   * serialized again with smaller limits until it fits: first a smaller {@code maxStringLength}, since long
   * strings are the usual cause and cutting them keeps the document's shape; then also smaller
   * {@code maxItems} and {@code maxValues}; never above the serializer's own limits. It is sent with TRUNCATED
   * incidents: one at {@code $} naming the original size and the limit, then the first pass's incidents and
   * the core's own for each cut. If not even the smallest limits fit, the body is the placeholder
   * {@code "[TRUNCATED]"}. The value never makes the publish fail.
   */
  TRUNCATE,

  /**
   * The publish fails with {@link PayloadTooLargeException} naming the subject, the size and the limit:
   * thrown by {@code publish}, in the returned future for {@code request} and {@code publishJetStream}.
   */
  FAIL
}
