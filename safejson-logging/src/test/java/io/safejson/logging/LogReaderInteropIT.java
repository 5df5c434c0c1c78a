package io.safejson.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hostile lines of {@link LogReaderInteropTest}, written to {@code target/log-reader-interop} and read
 * line by line by Python's {@code json.loads} and Node's {@code JSON.parse} in subprocesses: each line must
 * parse, no number may read as Infinity (nor, for Python, a non-zero number as 0), and the exact values must
 * print as expected. Integration profile only: needs {@code python3} and {@code node} on the PATH.
 */
final class LogReaderInteropIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** argv: lines file, checks file (a JSON array of [line index, pointer]). */
  private static final String PYTHON =
      String.join(
          "\n",
          "import json, math, sys",
          "def number(text):",
          "    value = float(text)",
          "    mantissa = text.lower().split('e')[0]",
          "    if math.isinf(value) or math.isnan(value) or (value == 0 and any(c in '123456789' for c in mantissa)):",
          "        sys.exit('number ' + text[:60] + ' read as ' + repr(value))",
          "    return value",
          "with open(sys.argv[1], encoding='utf-8') as f:",
          "    events = [json.loads(line, parse_float=number) for line in f.read().split('\\n')[:-1]]",
          "with open(sys.argv[2], encoding='utf-8') as f:",
          "    checks = json.load(f)",
          "print(len(events))",
          "for index, pointer in checks:",
          "    value = events[index]",
          "    for part in pointer.split('/')[1:]:",
          "        value = value[part]",
          "    print(value if isinstance(value, str) else repr(value))");

  private static final String NODE =
      String.join(
          "\n",
          "const fs = require('fs');",
          "const events = fs.readFileSync(process.argv[1], 'utf8').split('\\n').slice(0, -1).map((l) => JSON.parse(l));",
          "const checks = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));",
          "const walk = (v) => {",
          "  if (typeof v === 'number' && !Number.isFinite(v)) { console.error('number read as ' + v); process.exit(3); }",
          "  if (v !== null && typeof v === 'object') { for (const k of Object.keys(v)) walk(v[k]); }",
          "};",
          "events.forEach(walk);",
          "console.log(String(events.length));",
          "for (const [index, pointer] of checks) {",
          "  console.log(String(pointer.split('/').slice(1).reduce((v, p) => v[p], events[index])));",
          "}");

  @ParameterizedTest
  @ValueSource(strings = {"safejson", "ecs", "gcp", "logstash", "gelf"})
  void pythonAndNodeReadEveryHostileLineAndKeepItsExactValues(String format) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "log-reader-interop"));
    Path lines = dir.resolve(format + ".log");
    try (LogCapture capture = LogCapture.configure("logback-" + format + ".xml")) {
      ReaderHostileEvents.log(capture);
      Files.write(lines, capture.bytes());
    }
    List<List<Object>> checks = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    expected.add(Integer.toString(ReaderHostileEvents.EVENTS));
    for (Map.Entry<String, String> exact : ReaderHostileEvents.exact(format).entrySet()) {
      checks.add(List.of(exact.getKey().contains("arg") ? 1 : 0, exact.getKey()));
      expected.add(exact.getValue());
    }
    Path checkFile = dir.resolve(format + ".checks.json");
    JSON.writeValue(checkFile.toFile(), checks);

    assertEquals(expected, run("python3", "Python 3.11+ (Debian: apt-get install python3)", List.of("python3", "-c", PYTHON), lines, checkFile));
    assertEquals(expected, run("node", "Node.js 20+ (Debian: apt-get install nodejs)", List.of("node", "-e", NODE), lines, checkFile));
  }

  private static List<String> run(String program, String install, List<String> command, Path lines, Path checks) {
    List<String> full = new ArrayList<>(command);
    full.add(lines.toString());
    full.add(checks.toString());
    Path out = lines.resolveSibling(lines.getFileName() + "." + program + ".out");
    Path err = lines.resolveSibling(lines.getFileName() + "." + program + ".err");
    ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("PYTHONIOENCODING", "utf-8");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return fail(program + " is needed by this integration test and could not be started (" + e.getMessage()
          + "); install " + install);
    }
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return fail(program + " did not finish reading " + lines + " within 120 s");
      }
      if (process.exitValue() != 0) {
        String errors = Files.readString(err);
        return fail(program + " rejected a line of " + lines + " (exit " + process.exitValue() + "): "
            + (errors.length() > 2_000 ? errors.substring(errors.length() - 2_000) : errors));
      }
      return Files.readString(out).lines().toList();
    } catch (IOException e) {
      return fail(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(e);
    }
  }
}
