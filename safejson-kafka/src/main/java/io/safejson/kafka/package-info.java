/**
 * safejson-kafka: a Kafka {@link io.safejson.kafka.SafeJsonSerializer} that never fails on a value, reports
 * what it fixed in a {@code safejson-incidents} record header and keeps records under the producer's
 * {@code max.request.size}; a hardened {@link io.safejson.kafka.SafeJsonDeserializer}; and
 * {@link io.safejson.kafka.SafeJsonSerde} for Kafka Streams. Settings are the {@code safejson.*} keys of
 * {@link io.safejson.kafka.SafeJsonKafkaConfig}.
 */
package io.safejson.kafka;
