/**
 * The "see it" demo: a chat backend on embedded Jetty streaming agent events to a browser page through
 * {@link io.safejson.websocket.SafeWebSocketSender}, side by side with what plain Jackson sends.
 */
package io.safejson.examples;
