package io.safejson.nats;

import io.nats.client.Connection;
import io.nats.client.api.ServerInfo;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A service that uses only jnats and safejson-nats; {@link ClasspathIsolationTest} loads it through a class
 * loader holding nothing else (no test libraries, no other framework), so it must never need one.
 */
final class IsolatedStacks {
  private IsolatedStacks() {}

  /** Publishes through a connection that records what jnats would send, then reads it back. */
  public static final class NatsOnlyService implements Callable<List<String>> {
    @Override
    public List<String> call() {
      ServerInfo info = new ServerInfo("INFO {\"max_payload\":1048576,\"headers\":true}");
      List<Object[]> sent = new ArrayList<>();
      Connection connection =
          (Connection)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (proxy, method, args) -> {
                    switch (method.getName()) {
                      case "getServerInfo":
                        return info;
                      case "getMaxPayload":
                        return info.getMaxPayload();
                      case "publish":
                        sent.add(args);
                        return null;
                      default:
                        throw new UnsupportedOperationException(method.getName());
                    }
                  });
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("at", Instant.parse("2026-11-24T00:05:30Z"));
      message.put("ratio", Double.NaN);
      SafeNatsPublisher.of(connection).publish("isolated", message);

      Object[] published = sent.get(0);
      Headers headers = (Headers) published[1];
      byte[] body = (byte[]) published[2];
      NatsMessage received = NatsMessage.builder().subject("isolated").headers(headers).data(body).build();
      List<String> out = new ArrayList<>();
      out.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
      out.add(headers.getFirst(SafeNatsPublisher.INCIDENTS_HEADER));
      out.add(String.valueOf(SafeNatsMessages.read(received, Map.class)));
      out.add(String.valueOf(SafeNatsMessages.incidents(received).get(0).path()));
      return out;
    }
  }
}
