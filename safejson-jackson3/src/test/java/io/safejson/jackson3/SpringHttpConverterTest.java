package io.safejson.jackson3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import io.safejson.SafeSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Spring Framework 7's Jackson 3 converter with {@link SafeJackson3#jsonMapper}, in requests over loopback. */
final class SpringHttpConverterTest {
  private final SafeSerializer serializer = SafeSerializer.defaults();
  private final AtomicReference<byte[]> received = new AtomicReference<>();
  private final AtomicReference<String> response = new AtomicReference<>("{}");
  private HttpServer server;
  private RestClient client;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      received.set(exchange.getRequestBody().readAllBytes());
      byte[] body = response.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    client = RestClient.builder()
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .requestFactory(new JdkClientHttpRequestFactory())
        .messageConverters(List.of(new JacksonJsonHttpMessageConverter(SafeJackson3.jsonMapper(serializer))))
        .build();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void aRequestBodyIsTheSerializersBytes() {
    client.post().uri("/orders").contentType(MediaType.APPLICATION_JSON).body(Values.hostileMap())
        .retrieve().toBodilessEntity();

    assertEquals(
        new String(serializer.toJsonBytes(Values.hostileMap()), StandardCharsets.UTF_8),
        new String(received.get(), StandardCharsets.UTF_8));
  }

  @Test
  void aResponseIsReadWithTheHardenedReader() {
    response.set("{\"id\":7,\"tags\":[\"a\"]}");
    assertEquals(Map.of("id", 7, "tags", List.of("a")), client.get().uri("/orders/7").retrieve().body(Map.class));

    response.set("{\"id\":7,\"id\":8}");
    assertThrows(RestClientException.class, () -> client.get().uri("/orders/7").retrieve().body(Map.class));
  }
}
