/**
 * The "see it" demo: a chat backend on embedded Jetty streaming agent events to a browser page through
 * {@link io.safejson.websocket.SafeWebSocketSender}, side by side with what plain Jackson sends, and the same chat
 * across two nodes with the events carried over NATS by {@link io.safejson.nats.SafeNatsPublisher}.
 */
package io.safejson.examples;
