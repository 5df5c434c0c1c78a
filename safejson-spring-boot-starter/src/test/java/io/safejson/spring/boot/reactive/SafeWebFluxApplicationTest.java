package io.safejson.spring.boot.reactive;

import static io.safejson.testing.SafeJsonAssertions.assertJsonEquals;
import static org.assertj.core.api.Assertions.assertThat;

import io.safejson.spring.boot.SafeJsonAutoConfiguration;
import io.safejson.spring.boot.app.AwkwardValues;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * WebFlux responses carry the normalized values with {@code safejson.web.enabled=true}, as MVC's do: a real
 * reactive application on Reactor Netty, asked by the JDK's HTTP client; without the option the bytes are those of
 * a context without the starter.
 */
final class SafeWebFluxApplicationTest {
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void aReactiveEndpointWritesTheAwkwardValuesTheSafeWay() throws Exception {
    try (ConfigurableApplicationContext context = start("safejson.web.enabled=true")) {
      assertJsonEquals(AwkwardValues.SAFE_JSON, get(context, "/events/awkward"));
      assertJsonEquals("{\"id\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\","
          + "\"at\":\"2026-11-24T00:05:30.123456789Z\",\"state\":\"CONNECTED\",\"cost\":\"0.0150\","
          + "\"attachment\":\"/var/data/report.txt\"}", get(context, "/events/plain"));
    }
  }

  @Test
  void withoutWebEnabledTheReactiveResponseIsWhatItIsWithoutTheStarter() throws Exception {
    String withStarter;
    try (ConfigurableApplicationContext context = start()) {
      withStarter = get(context, "/events/plain");
    }
    String withoutStarter;
    try (ConfigurableApplicationContext context =
        start("spring.autoconfigure.exclude=" + SafeJsonAutoConfiguration.class.getName())) {
      withoutStarter = get(context, "/events/plain");
    }
    assertThat(withStarter).isEqualTo(withoutStarter).contains("\"cost\":0.0150");
  }

  private static ConfigurableApplicationContext start(String... properties) {
    return new SpringApplicationBuilder(ReactiveApplication.class)
        .web(WebApplicationType.REACTIVE)
        .properties("server.port=0", "spring.main.banner-mode=off")
        .properties(properties)
        .run();
  }

  private String get(ConfigurableApplicationContext context, String path) throws Exception {
    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    HttpResponse<byte[]> response = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
