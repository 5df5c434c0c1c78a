/**
 * safejson-websocket: send any object as a JSON text message over Jakarta, JDK and Spring WebSockets,
 * safely ({@link io.safejson.websocket.SafeWebSocketSender}, {@link io.safejson.websocket.SafeJsonTextEncoder}),
 * in order and bounded; read typed messages with {@link io.safejson.websocket.SafeJsonTextDecoder}.
 */
package io.safejson.websocket;
