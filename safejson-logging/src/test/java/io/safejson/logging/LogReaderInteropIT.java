package io.safejson.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.safejson.interop.ExternalReaders;
import io.safejson.interop.HostileDocuments.Exact;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hostile lines of {@link LogReaderInteropTest}, each written to {@code target/log-reader-interop} and read
 * by Python's {@code json.load} and Node's {@code JSON.parse} in subprocesses ({@link ExternalReaders}): each
 * line must parse, no number may read as Infinity (nor, for Python, a non-zero number as 0), and the exact
 * values must print as expected. Integration profile only: needs {@code python3} and {@code node} on the PATH.
 */
final class LogReaderInteropIT {
  @ParameterizedTest
  @ValueSource(strings = {"safejson", "ecs", "gcp", "logstash", "gelf"})
  void pythonAndNodeReadEveryHostileLineAndKeepItsExactValues(String format) throws IOException {
    Path dir = Path.of("target", "log-reader-interop");
    try (LogCapture capture = LogCapture.configure("logback-" + format + ".xml")) {
      ReaderHostileEvents.log(capture);
      List<String> lines = capture.lines();
      assertEquals(ReaderHostileEvents.EVENTS, lines.size(), "one line per event");
      List<List<Exact>> exact = ReaderHostileEvents.exact(format);
      for (int i = 0; i < lines.size(); i++) {
        ExternalReaders.assertBothRead(dir, format + " line " + i, lines.get(i), exact.get(i));
      }
    }
  }
}
