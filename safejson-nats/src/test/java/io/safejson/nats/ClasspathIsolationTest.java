package io.safejson.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
 * Runs a NATS-only service in a class loader whose classpath holds only this module, the core, Jackson and
 * jnats (with its own runtime dependencies): safejson-nats must need nothing else.
 */
final class ClasspathIsolationTest {
  private static final String SEP = File.separator;
  private static final List<String> ALLOWED =
      List.of(
          "safejson-nats" + SEP + "target",
          "safejson-core" + SEP + "target",
          SEP + "io" + SEP + "safejson" + SEP + "safejson-core" + SEP,
          SEP + "com" + SEP + "fasterxml" + SEP + "jackson" + SEP,
          SEP + "io" + SEP + "nats" + SEP + "jnats" + SEP,
          SEP + "org" + SEP + "jspecify" + SEP,
          SEP + "org" + SEP + "bouncycastle" + SEP);

  private static URLClassLoader onlyNatsAndCore(List<String> kept) throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (ALLOWED.stream().anyMatch(entry::contains)) {
        kept.add(entry);
        urls.add(new File(entry).toURI().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aNatsOnlyServiceNeedsNoOtherLibrary() throws Exception {
    List<String> kept = new ArrayList<>();
    try (URLClassLoader loader = onlyNatsAndCore(kept)) {
      assertTrue(kept.stream().anyMatch(entry -> entry.contains("jnats")), "jnats is on the test classpath: " + kept);
      for (String absent :
          List.of(
              "org.junit.jupiter.api.Test",
              "net.jqwik.api.Property",
              "org.slf4j.Logger",
              "ch.qos.logback.classic.Logger",
              "org.apache.kafka.clients.producer.Producer",
              "org.springframework.context.ApplicationContext",
              "jakarta.websocket.Session")) {
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass(absent), absent);
      }
      Class<?> service = loader.loadClass(IsolatedStacks.NatsOnlyService.class.getName());
      assertSame(loader, service.getClassLoader(), "loaded in isolation");
      List<String> out = ((Callable<List<String>>) service.getDeclaredConstructor().newInstance()).call();

      assertEquals("{\"at\":\"2026-11-24T00:05:30Z\",\"ratio\":null}", out.get(0));
      assertEquals("[{\"path\":\"$.ratio\",\"kind\":\"NON_FINITE\",\"type\":\"java.lang.Double\"}]", out.get(1));
      assertEquals("{at=2026-11-24T00:05:30Z, ratio=null}", out.get(2));
      assertEquals("$.ratio", out.get(3));
    }
  }
}
