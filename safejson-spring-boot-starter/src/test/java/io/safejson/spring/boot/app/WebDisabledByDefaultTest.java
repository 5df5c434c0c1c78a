package io.safejson.spring.boot.app;

import static io.safejson.testing.SafeJsonAssertions.assertJsonEquals;
import static org.assertj.core.api.Assertions.assertThat;

import io.safejson.SafeSerializer;
import io.safejson.spring.boot.SafeJsonAutoConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Adding the starter never changes an application's API output by surprise: without
 * {@code safejson.web.enabled}, the same endpoint answers with exactly the bytes it gives in a context without
 * the starter's auto-configuration.
 */
final class WebDisabledByDefaultTest {
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void withoutWebEnabledTheResponseIsByteForByteWhatItIsWithoutTheStarter() throws Exception {
    byte[] withStarter;
    try (ConfigurableApplicationContext context = start()) {
      assertThat(context.getBeansOfType(SafeSerializer.class)).as("the starter is active").hasSize(1);
      withStarter = get(context, "/events/plain");
    }
    byte[] withoutStarter;
    try (ConfigurableApplicationContext context =
        start("spring.autoconfigure.exclude=" + SafeJsonAutoConfiguration.class.getName())) {
      assertThat(context.getBeansOfType(SafeSerializer.class)).as("the starter is excluded").isEmpty();
      withoutStarter = get(context, "/events/plain");
    }

    assertThat(withStarter).isEqualTo(withoutStarter);
    // And the comparison means something: Boot's mapper writes these values differently from safejson
    // (BigDecimal as the number 0.0150, the path as a file: URI).
    assertThat(new String(withStarter, java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"cost\":0.0150")
        .contains("file:");
  }

  @Test
  void withWebEnabledTheSameEndpointIsNormalized() throws Exception {
    try (ConfigurableApplicationContext context = start("safejson.web.enabled=true")) {
      String body = new String(get(context, "/events/plain"), java.nio.charset.StandardCharsets.UTF_8);

      assertJsonEquals("{\"id\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\","
          + "\"at\":\"2026-11-24T00:05:30.123456789Z\",\"state\":\"CONNECTED\",\"cost\":\"0.0150\","
          + "\"attachment\":\"/var/data/report.txt\"}", body);
    }
  }

  private static ConfigurableApplicationContext start(String... properties) {
    return new SpringApplicationBuilder(ChatApplication.class)
        .properties("server.port=0", "spring.main.banner-mode=off")
        .properties(properties)
        .run();
  }

  private byte[] get(ConfigurableApplicationContext context, String path) throws Exception {
    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    HttpResponse<byte[]> response = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
