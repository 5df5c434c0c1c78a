package io.safejson.buildtools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds classes and methods over a size limit in Java sources, by counting braces (strings, chars and
 * comments left out). A class is measured from the line of its opening brace to the line of its closing
 * brace, not counting the lines of the classes nested in it (each is measured on its own); a method,
 * constructor or initializer from its opening brace to its closing brace. Stateless; thread-safe.
 *
 * <pre>{@code
 * assertEquals(List.of(), SourceSizes.check(Path.of("src/main/java"), 400, 60, file -> true));
 * }</pre>
 */
public final class SourceSizes {
  private SourceSizes() {}

  /** Every class over {@code maxClassLines} and method over {@code maxMethodLines}, one line each. */
  public static List<String> check(
      Path sourceRoot, int maxClassLines, int maxMethodLines, Predicate<Path> include) {
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java")).sorted()::iterator) {
        if (include.test(sourceRoot.relativize(file))) {
          String name = sourceRoot.relativize(file).toString();
          for (Block block : blocks(Files.readString(file, StandardCharsets.UTF_8))) {
            int max = block.type ? maxClassLines : maxMethodLines;
            if (block.size() > max) {
              problems.add(name + ":" + block.start + " " + (block.type ? "class " : "method ") + block.name
                  + " has " + block.size() + " lines (at most " + max + ")");
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return problems;
  }

  /** A class or a method body found in the source. */
  static final class Block {
    final boolean type;
    final String name;
    final int start;
    int end;
    int nested;

    Block(boolean type, String name, int start) {
      this.type = type;
      this.name = name;
      this.start = start;
    }

    int size() {
      return end - start + 1 - nested;
    }
  }

  /** The classes and member bodies of one source file. */
  static List<Block> blocks(String source) {
    List<Block> found = new ArrayList<>();
    Deque<Block> open = new ArrayDeque<>(); // null entries: blocks that are neither (lambdas, ifs...)
    Deque<Boolean> enclosingIsType = new ArrayDeque<>();
    StringBuilder header = new StringBuilder();
    String code = stripped(source);
    int line = 1;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '\n') {
        line++;
        header.append(' ');
      } else if (c == '{') {
        boolean inType = enclosingIsType.isEmpty() || enclosingIsType.peek();
        Block block = classify(header.toString().trim(), inType, open.isEmpty(), line);
        open.push(block == null ? new Block(false, null, line) : block);
        enclosingIsType.push(block != null && block.type);
        header.setLength(0);
      } else if (c == '}') {
        Block block = open.pop();
        enclosingIsType.pop();
        block.end = line;
        if (block.name != null) {
          found.add(block);
          if (block.type) {
            for (Block outer : open) {
              if (outer.type && outer.name != null) {
                outer.nested += block.end - block.start + 1;
                break;
              }
            }
          }
        }
        header.setLength(0);
      } else if (c == ';') {
        header.setLength(0);
      } else {
        header.append(c);
      }
    }
    found.sort(java.util.Comparator.comparingInt(block -> block.start));
    return found;
  }

  private static Block classify(String header, boolean inType, boolean topLevel, int line) {
    String h = header.replaceAll("@\\w+(\\.\\w+)*(\\([^()]*\\))?", " ").replaceAll("^[,\\s]+", "").trim();
    java.util.regex.Matcher type =
        java.util.regex.Pattern.compile("\\b(class|interface|enum|record)\\s+(\\w+)").matcher(h);
    if (type.find()) {
      return new Block(true, type.group(2), line);
    }
    if (h.contains("new ") && h.endsWith(")")) {
      return new Block(true, "(anonymous)", line);
    }
    if (!inType || topLevel) {
      return null;
    }
    if (h.matches("[A-Z][A-Z0-9_]*(\\s*\\(.*\\))?")) {
      return new Block(true, h.replaceAll("\\W.*", ""), line); // an enum constant's body
    }
    if (h.contains("=") || h.contains("->")) {
      return null; // a field initializer
    }
    String name = h.contains("(") ? h.substring(0, h.indexOf('(')).trim() : h;
    name = name.isEmpty() ? "{initializer}" : name.substring(name.lastIndexOf(' ') + 1);
    return new Block(false, name, line);
  }

  /** The source with comments, strings and char literals blanked out, line breaks kept. */
  static String stripped(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        while (i < source.length() && source.charAt(i) != '\n') {
          i++;
        }
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? source.length() : end + 2;
        keepLineBreaks(out, source, i, end);
        i = end;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        end = end < 0 ? source.length() : end + 3;
        keepLineBreaks(out, source, i, end);
        out.append("\"\"");
        i = end;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < source.length() && source.charAt(j) != c && source.charAt(j) != '\n') {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        out.append(c).append(c);
        i = Math.min(j + 1, source.length());
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static void keepLineBreaks(StringBuilder out, String source, int from, int to) {
    for (int k = from; k < to; k++) {
      if (source.charAt(k) == '\n') {
        out.append('\n');
      }
    }
  }
}
