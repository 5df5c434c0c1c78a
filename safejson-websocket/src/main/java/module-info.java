/**
 * safejson-websocket: {@link io.safejson.websocket.SafeWebSocketSender} sends any object as JSON over Jakarta, JDK
 * and Spring WebSockets. Exports the API package only; each WebSocket stack is optional, a service brings the one
 * it uses.
 */
// spring-websocket has no module-info; spring.websocket is its Automatic-Module-Name.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.safejson.websocket {
  requires transitive io.safejson;
  requires static transitive jakarta.websocket.client;
  requires static transitive java.net.http;
  requires static transitive spring.websocket;

  exports io.safejson.websocket;
}
