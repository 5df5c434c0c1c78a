package io.safejson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.safejson.buildtools.ConsumerModule;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * On the module path (the module-path execution in this module's pom), the core is the module {@code io.safejson}
 * that an application module can require: it exports {@code io.safejson} and nothing else to it, and everything it
 * needs at run time (Jackson, its java.time and Optional modules, java.sql) resolves from its module-info.
 */
// Set by the module-path execution only: asked for by name (-Dtest=...) on the class path, it is skipped there.
@EnabledIfSystemProperty(named = "safejson.modulePath", matches = "true")
final class ModulePathTest {

  private static final String APP_MODULE =
      "module example.app {\n"
          + "  requires io.safejson;\n"
          + "  requires java.sql;\n"
          // Jackson reads the application's records: their package is exported (or opened) to it.
          + "  exports example.app;\n"
          + "}\n";

  private static final String APP_MAIN =
      "package example.app;\n"
          + "\n"
          + "import io.safejson.SafeResult;\n"
          + "import io.safejson.SafeSerializer;\n"
          + "import java.math.BigDecimal;\n"
          + "import java.nio.file.Path;\n"
          + "import java.time.Instant;\n"
          + "import java.util.Optional;\n"
          + "import java.util.UUID;\n"
          + "\n"
          + "public final class Main {\n"
          + "  public record Event(String type, UUID id, Instant at, Path file, BigDecimal cost, double score,\n"
          + "      Optional<String> note, java.sql.Date day) {}\n"
          + "\n"
          + "  public static void main(String[] args) {\n"
          + "    SafeSerializer json = SafeSerializer.defaults();\n"
          + "    Event event = new Event(\"started\", new UUID(1, 2), Instant.parse(\"2026-11-30T12:00:00Z\"),\n"
          + "        Path.of(\"/var/data/report.txt\"), new BigDecimal(\"0.0150\"), Double.NaN, Optional.of(\"hi\"),\n"
          + "        java.sql.Date.valueOf(\"2026-11-30\"));\n"
          + "    SafeResult result = json.serialize(event);\n"
          + "    System.out.println(result.json());\n"
          + "    System.out.println(result.incidents().get(0).kind() + \" \" + result.incidents().get(0).path());\n"
          + "    Event read = json.fromJson(\"{\\\"type\\\":\\\"read\\\",\\\"at\\\":\\\"2026-11-30T12:00:00Z\\\",\""
          + " + \"\\\"note\\\":\\\"x\\\"}\", Event.class);\n"
          + "    System.out.println(read.type() + \" \" + read.at() + \" \" + read.note());\n"
          + "    Module core = SafeSerializer.class.getModule();\n"
          + "    System.out.println(core.getName() + \" exports internal: \"\n"
          + "        + core.isExported(\"io.safejson.internal\", Main.class.getModule()));\n"
          + "  }\n"
          + "}\n";


  @Test
  void anApplicationModuleRequiringTheCoreWritesAndReadsJson() {
    ConsumerModule app =
        ConsumerModule.named("example.app")
            .source("module-info.java", APP_MODULE)
            .source("example/app/Main.java", APP_MAIN);

    assertEquals("", app.compile());
    assertEquals(
        "{\"type\":\"started\",\"id\":\"00000000-0000-0001-0000-000000000002\",\"at\":\"2026-11-30T12:00:00Z\","
            + "\"file\":\"/var/data/report.txt\",\"cost\":\"0.0150\",\"score\":null,\"note\":\"hi\",\"day\":\"2026-11-30\"}\n"
            + "NON_FINITE $.score\n"
            + "read 2026-11-30T12:00:00Z Optional[x]\n"
            + "io.safejson exports internal: false\n",
        app.run("example.app.Main"));
  }

  @Test
  void theImplementationPackageIsNotVisibleToAnApplication() {
    String diagnostics = ConsumerModule.compileAgainst("io.safejson", "io.safejson.internal.Markers");

    assertTrue(
        diagnostics.contains("package io.safejson.internal is declared in module io.safejson, which does not export"),
        diagnostics);
  }


  @Test
  void theCoreRunsAsTheNamedModuleThatExportsOnlyItsApi() {
    Module core = SafeSerializer.class.getModule();
    assertTrue(core.isNamed(), "the core runs on the module path here");
    ModuleDescriptor descriptor = core.getDescriptor();

    assertEquals("io.safejson", descriptor.name());
    Set<String> exports = new TreeSet<>();
    for (ModuleDescriptor.Exports export : descriptor.exports()) {
      exports.add(export.source() + (export.isQualified() ? " to " + new TreeSet<>(export.targets()) : ""));
    }
    assertEquals(
        Set.of(
            "io.safejson",
            "io.safejson.internal to [io.safejson.testing]"),
        exports);
    assertFalse(descriptor.isOpen(), "no deep reflection into the core");
    assertTrue(descriptor.opens().isEmpty(), "no deep reflection into the core");
  }
}
