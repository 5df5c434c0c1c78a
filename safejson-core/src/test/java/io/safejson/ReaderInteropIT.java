package io.safejson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.HostileDocuments.Case;
import io.safejson.HostileDocuments.Exact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile documents of {@link ReaderInteropTest}, written to files under {@code target/reader-interop} and
 * read by Python's {@code json} and Node's {@code JSON.parse} in subprocesses: both must accept each one, read
 * no number as Infinity (or, for Python, a non-zero number as 0) and print the exact values expected.
 * Integration profile only: needs {@code python3} and {@code node} on the PATH.
 */
final class ReaderInteropIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Case> cases() {
    return HostileDocuments.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void pythonAndNodeReadEveryHostileDocumentAndKeepItsExactValues(Case c) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "reader-interop"));
    String file = c.name().replaceAll("[^A-Za-z0-9]+", "-");
    Path document = dir.resolve(file + ".json");
    Files.writeString(document, c.render().get().json(), StandardCharsets.UTF_8);
    List<List<Object>> pointers = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (Exact exact : c.exact()) {
      pointers.add(List.of(exact.pointer(), exact.lengthOnly()));
      expected.add(exact.expected());
    }
    Path pointerFile = dir.resolve(file + ".pointers.json");
    JSON.writeValue(pointerFile.toFile(), pointers);

    assertEquals(expected, ExternalReaders.python(document, pointerFile), "values Python read from " + document);
    assertEquals(expected, ExternalReaders.node(document, pointerFile), "values Node read from " + document);
  }
}
