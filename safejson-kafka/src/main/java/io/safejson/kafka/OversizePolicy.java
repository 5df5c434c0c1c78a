package io.safejson.kafka;

/**
 * What {@link SafeJsonSerializer} does with a value whose record would exceed the producer's
 * {@code max.request.size} (less {@link SafeJsonKafkaConfig#RESERVED_BYTES} for the key, the other headers and
 * Kafka's record overhead).
 *
 * <p>Set with {@link SafeJsonKafkaConfig#OVERSIZE_POLICY} ({@code safejson.oversize.policy}) or a constructor.
 */
public enum OversizePolicy {
  /**
   * The default: the value is serialized again with smaller {@code maxStringLength}, {@code maxItems} and
   * {@code maxValues} (never larger than the ones configured) until it fits, and sent with TRUNCATED incidents,
   * the first at {@code $} naming the original size and the limit; if even the smallest limits do not fit, the
   * value is the placeholder document {@code "[TRUNCATED]"}. The send never fails because of the value.
   */
  TRUNCATE,

  /**
   * The serializer throws Kafka's {@code SerializationException} naming the topic, the size and the limit;
   * {@code KafkaProducer.send} rethrows it for that record only, and the producer stays usable.
   */
  FAIL
}
