/**
 * safejson-nats: publish any object as a JSON NATS message, core or JetStream, within the server's
 * {@code max_payload} ({@link io.safejson.nats.SafeNatsPublisher}), and read typed messages with the core's
 * hardened reader ({@link io.safejson.nats.SafeNatsMessages}).
 */
package io.safejson.nats;
