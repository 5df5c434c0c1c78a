package io.safejson.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Runs a service in a class loader whose classpath holds only this module, the core, Jackson and kafka-clients
 * (with its compression libraries and SLF4J's silent binding): the module must load and work without any other framework,
 * and without the other broker's client (jnats).
 */
final class ClasspathIsolationTest {
  private static final List<String> ALLOWED = List.of(
      "safejson-kafka" + File.separator + "target",
      "safejson-core",
      "jackson-core",
      "jackson-databind",
      "jackson-annotations",
      "jackson-datatype-jsr310",
      "jackson-datatype-jdk8",
      "kafka-clients",
      "zstd-jni",
      "lz4-java",
      "snappy-java",
      "slf4j-api",
      "slf4j-nop");

  private static URLClassLoader clientsOnly(List<String> kept) throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      boolean allowed = ALLOWED.stream().anyMatch(entry::contains) && !entry.endsWith("-test.jar");
      if (allowed) {
        urls.add(new File(entry).toURI().toURL());
        kept.add(entry);
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aClientsOnlyServiceNeverTouchesStreamsTheBrokerSpringJunitOrNats() throws Exception {
    List<String> kept = new ArrayList<>();
    try (URLClassLoader loader = clientsOnly(kept)) {
      for (String absent : List.of(
          "org.apache.kafka.streams.KafkaStreams",
          "kafka.server.KafkaRaftServer",
          "org.springframework.kafka.test.EmbeddedKafkaKraftBroker",
          "scala.Option",
          "org.junit.jupiter.api.Test",
          "net.jqwik.api.Property",
          "io.nats.client.Connection")) {
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass(absent), absent + " in " + kept);
      }
      Class<?> service = loader.loadClass(IsolatedStacks.ClientsOnlyService.class.getName());
      assertTrue(service.getClassLoader() == loader, "loaded in isolation");
      List<String> out = ((Callable<List<String>>) service.getDeclaredConstructor().newInstance()).call();
      assertEquals(
          List.of(
              "{\"a\":\"x\",\"b\":null}",
              "[{\"path\":\"$.b\",\"kind\":\"NON_FINITE\",\"type\":\"java.lang.Double\"}]",
              "{a=x, b=null}",
              "{c=1}"),
          out);
    }
  }
}
