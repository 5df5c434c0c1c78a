package io.safejson.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.safejson.testing.SafeJsonAssertions;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Runs a one-stack service in a class loader whose classpath lacks the other stacks: the adapters must never
 * meet a {@code NoClassDefFoundError}, since Jakarta and Spring are optional dependencies.
 */
final class ClasspathIsolationTest {
  private static final String JAKARTA = "jakarta" + File.separator + "websocket";
  private static final String JETTY = "org" + File.separator + "eclipse" + File.separator + "jetty";
  private static final String SPRING = "org" + File.separator + "springframework";

  private static URLClassLoader classpathWithout(String... excluded) throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      boolean keep = true;
      for (String part : excluded) {
        keep &= !entry.contains(part);
      }
      if (keep) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  @SuppressWarnings("unchecked")
  private static List<String> run(URLClassLoader loader, Class<?> service) throws Exception {
    Class<?> isolated = loader.loadClass(service.getName());
    assertTrue(isolated.getClassLoader() == loader, "loaded in isolation");
    return ((Callable<List<String>>) isolated.getDeclaredConstructor().newInstance()).call();
  }

  private static void assertMessages(List<String> sent, int count) {
    assertEquals(count, sent.size(), sent.toString());
    for (String json : sent) {
      SafeJsonAssertions.assertValidJson(json);
      assertTrue(json.contains("\"2026-11-24T00:05:30Z\""), json);
    }
  }

  @Test
  void aJdkOnlyServiceNeverTouchesJakartaOrSpring() throws Exception {
    try (URLClassLoader loader = classpathWithout(JAKARTA, JETTY, SPRING)) {
      assertThrows(ClassNotFoundException.class, () -> loader.loadClass("jakarta.websocket.Session"));
      assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.springframework.web.socket.WebSocketSession"));
      assertMessages(run(loader, IsolatedStacks.JdkOnlyService.class), 2);
    }
  }

  @Test
  void aJakartaOnlyServiceNeverTouchesSpring() throws Exception {
    try (URLClassLoader loader = classpathWithout(JETTY, SPRING)) {
      assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.springframework.web.socket.WebSocketSession"));
      assertMessages(run(loader, IsolatedStacks.JakartaOnlyService.class), 2);
    }
  }

  @Test
  void aSpringOnlyServiceNeverTouchesJakarta() throws Exception {
    try (URLClassLoader loader = classpathWithout(JAKARTA, JETTY)) {
      assertThrows(ClassNotFoundException.class, () -> loader.loadClass("jakarta.websocket.Session"));
      assertMessages(run(loader, IsolatedStacks.SpringOnlyService.class), 1);
    }
  }
}
