package io.safejson.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.interop.HostileDocuments.Exact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Python's {@code json.load} and Node's {@code JSON.parse}, with their default settings, on a JSON file
 * as subprocesses: each exits non-zero when it rejects the document or reads a number as Infinity (Python
 * also when a non-zero number reads as 0), and prints the value at each requested JSON pointer, one per line.
 * Missing programs fail the test with what to install.
 */
public final class ExternalReaders {
  /** argv: document, pointers file (a JSON array of [pointer, lengthOnly]). */
  static final String PYTHON =
      String.join(
          "\n",
          "import json, math, sys",
          "def number(text):",
          "    value = float(text)",
          "    mantissa = text.lower().split('e')[0]",
          "    if math.isinf(value) or math.isnan(value) or (value == 0 and any(c in '123456789' for c in mantissa)):",
          "        sys.exit('number ' + text[:60] + ' read as ' + repr(value))",
          "    return value",
          "def at(doc, pointer):",
          "    for part in pointer.split('/')[1:]:",
          "        part = part.replace('~1', '/').replace('~0', '~')",
          "        doc = doc[int(part)] if isinstance(doc, list) else doc[part]",
          "    return doc",
          "with open(sys.argv[1], encoding='utf-8') as f:",
          "    doc = json.load(f, parse_float=number)",
          "with open(sys.argv[2], encoding='utf-8') as f:",
          "    pointers = json.load(f)",
          "for pointer, length_only in pointers:",
          "    value = at(doc, pointer)",
          "    print(len(value) if length_only else value if isinstance(value, str) else repr(value))");

  static final String NODE =
      String.join(
          "\n",
          "const fs = require('fs');",
          "const doc = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));",
          "const pointers = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));",
          "const walk = (v) => {",
          "  if (typeof v === 'number' && !Number.isFinite(v)) { console.error('number read as ' + v); process.exit(3); }",
          "  if (v !== null && typeof v === 'object') { for (const k of Object.keys(v)) walk(v[k]); }",
          "};",
          "walk(doc);",
          "const at = (d, pointer) => pointer.split('/').slice(1)",
          "  .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))",
          "  .reduce((v, p) => (Array.isArray(v) ? v[Number(p)] : v[p]), d);",
          "for (const [pointer, lengthOnly] of pointers) {",
          "  const value = at(doc, pointer);",
          "  console.log(lengthOnly ? String(value.length) : String(value));",
          "}");

  private static final ObjectMapper POINTERS = new ObjectMapper();

  private ExternalReaders() {}

  /**
   * Writes {@code json} to {@code dir/<name>.json} with its pointers file, and asserts that Python and Node both
   * read it and print the {@code exact} values.
   */
  public static void assertBothRead(Path dir, String name, String json, List<Exact> exact) throws IOException {
    Files.createDirectories(dir);
    String file = name.replaceAll("[^A-Za-z0-9]+", "-");
    Path document = dir.resolve(file + ".json");
    Files.writeString(document, json, StandardCharsets.UTF_8);
    List<List<Object>> pointers = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (Exact value : exact) {
      pointers.add(List.of(value.pointer(), value.lengthOnly()));
      expected.add(value.expected());
    }
    Path pointerFile = dir.resolve(file + ".pointers.json");
    POINTERS.writeValue(pointerFile.toFile(), pointers);

    assertEquals(expected, python(document, pointerFile), "values Python read from " + document);
    assertEquals(expected, node(document, pointerFile), "values Node read from " + document);
  }

  public static List<String> python(Path document, Path pointers) {
    return run("python3", "Python 3.11+ (Debian: apt-get install python3)", List.of("python3", "-c", PYTHON), document, pointers);
  }

  public static List<String> node(Path document, Path pointers) {
    return run("node", "Node.js 20+ (Debian: apt-get install nodejs)", List.of("node", "-e", NODE), document, pointers);
  }

  private static List<String> run(String program, String install, List<String> command, Path document, Path pointers) {
    List<String> full = new ArrayList<>(command);
    full.add(document.toString());
    full.add(pointers.toString());
    ProcessBuilder builder = new ProcessBuilder(full);
    builder.environment().put("PYTHONIOENCODING", "utf-8");
    Path out = document.resolveSibling(document.getFileName() + "." + program + ".out");
    Path err = document.resolveSibling(document.getFileName() + "." + program + ".err");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
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
        return fail(program + " did not finish reading " + document + " within 120 s");
      }
      String errors = Files.readString(err, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        return fail(program + " rejected " + document + " (exit " + process.exitValue() + "): "
            + (errors.length() > 2_000 ? errors.substring(errors.length() - 2_000) : errors));
      }
      String printed = Files.readString(out, StandardCharsets.UTF_8);
      return printed.lines().toList();
    } catch (IOException e) {
      return fail(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(e);
    }
  }
}
