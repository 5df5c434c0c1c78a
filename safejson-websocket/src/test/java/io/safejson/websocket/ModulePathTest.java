package io.safejson.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.safejson.buildtools.ConsumerModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * On the module path (the module-path execution in this module's pom), an application module that requires
 * {@code io.safejson.websocket} sends through it with none of the optional WebSocket stacks resolved, and cannot
 * see its implementation package.
 */
// Set by the module-path execution only: asked for by name (-Dtest=...) on the class path, it is skipped there.
@EnabledIfSystemProperty(named = "safejson.modulePath", matches = "true")
final class ModulePathTest {

  @Test
  void anApplicationModuleSendsWithNoWebSocketStackResolved() {
    ConsumerModule app =
        ConsumerModule.named("example.chat")
            .source("module-info.java", "module example.chat {\n  requires io.safejson.websocket;\n}\n")
            .source(
                "example/chat/Main.java",
                "package example.chat;\n"
                    + "\n"
                    + "import io.safejson.websocket.SafeWebSocketSender;\n"
                    + "import java.time.Instant;\n"
                    + "import java.util.Map;\n"
                    + "import java.util.concurrent.CompletableFuture;\n"
                    + "\n"
                    + "public final class Main {\n"
                    + "  public static void main(String[] args) throws Exception {\n"
                    + "    SafeWebSocketSender sender = SafeWebSocketSender.forSink(text -> {\n"
                    + "      System.out.println(text);\n"
                    + "      return CompletableFuture.completedFuture(null);\n"
                    + "    });\n"
                    + "    sender.send(Map.of(\"at\", Instant.parse(\"2026-11-30T12:00:00Z\"))).get();\n"
                    + "    sender.send(Map.of(\"score\", Double.NaN)).get();\n"
                    + "    sender.close();\n"
                    + "    for (String stack : new String[] {\"jakarta.websocket.client\", \"spring.websocket\"}) {\n"
                    + "      System.out.println(stack + \" resolved: \" + ModuleLayer.boot().findModule(stack).isPresent());\n"
                    + "    }\n"
                    + "  }\n"
                    + "}\n");

    assertEquals("", app.compile());
    assertEquals(
        "{\"at\":\"2026-11-30T12:00:00Z\"}\n"
            + "{\"score\":null}\n"
            + "jakarta.websocket.client resolved: false\n"
            + "spring.websocket resolved: false\n",
        app.run("example.chat.Main"));
  }

  @Test
  void theImplementationPackageIsNotVisibleToAnApplication() {
    String diagnostics =
        ConsumerModule.compileAgainst("io.safejson.websocket", "io.safejson.websocket.internal.Transport");

    assertTrue(
        diagnostics.contains(
            "package io.safejson.websocket.internal is declared in module io.safejson.websocket, which does not"),
        diagnostics);
  }
}
