package io.safejson;

import io.safejson.interop.ExternalReaders;
import io.safejson.interop.HostileDocuments;
import io.safejson.interop.HostileDocuments.Case;
import java.io.IOException;
import java.nio.file.Path;
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
  static Stream<Case> cases() {
    return HostileDocuments.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void pythonAndNodeReadEveryHostileDocumentAndKeepItsExactValues(Case c) throws IOException {
    ExternalReaders.assertBothRead(Path.of("target", "reader-interop"), c.name(), c.render().get().json(), c.exact());
  }
}
