package io.safejson.testing.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.safejson.internal.JsonPaths;
import io.safejson.internal.Strings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Decides whether a text is strictly valid RFC 8259 JSON, and if not, says where and why.
 *
 * <p>Built on Jackson's streaming parser with every leniency switched off, plus the checks Jackson
 * does not make by itself: duplicate keys, lone surrogates, and anything after the single root
 * value.
 *
 * <p>Stateless and thread-safe.
 */
public final class StrictJsonChecker {
  /**
   * Deep enough for any sane document, shallow enough that hostile nesting is refused, not
   * overflowed.
   */
  static final int MAX_NESTING_DEPTH = 2_000;

  /**
   * Bounds the quadratic cost of turning pathological digit strings into values, for readers that
   * do ({@link JsonComparison}). The checker itself only tokenizes numbers, so it takes any length:
   * {@code SafeSerializer} writes a {@code BigInteger} of any size, and that output is valid JSON.
   */
  static final int MAX_NUMBER_LENGTH = 100_000;

  /** Returns a new factory for strict reading that accepts numbers of any length. */
  static JsonFactory newFactory() {
    return newFactory(Integer.MAX_VALUE);
  }

  /**
   * Returns a new factory for strict reading with numbers up to {@code maxNumberLength} chars.
   *
   * <p>Dedicated rather than shared: the default constraints (20 MB strings, 1,000 digits,
   * 50,000-char names) would reject large documents that are perfectly valid. Jackson's JSON parser
   * is already strict by default (no comments, NaN, single quotes, trailing commas or leading
   * zeros), but the features are disabled explicitly so that a change of defaults cannot loosen
   * this checker silently.
   */
  static JsonFactory newFactory(int maxNumberLength) {
    return JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
        .disable(JsonReadFeature.ALLOW_YAML_COMMENTS)
        .disable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
        .disable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
        .disable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
        .disable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
        .disable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
        .disable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
        .disable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
        .disable(JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .disable(JsonReadFeature.ALLOW_MISSING_VALUES)
        .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
        // Interning every key of untrusted input only grows a shared symbol table.
        .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(Integer.MAX_VALUE)
                .maxNameLength(Integer.MAX_VALUE)
                .maxNumberLength(maxNumberLength)
                .maxDocumentLength(-1L)
                .build())
        .build();
  }

  private static final JsonFactory FACTORY = newFactory();

  private static final int MAX_PATH_CHARS = 200;

  private static final Pattern SOURCE_MARKER =
      Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

  private StrictJsonChecker() {}

  /** Where and why a text is not strictly valid JSON. */
  public record Problem(String message, long charOffset) {
    /** The one-line description, starting with the JSONPath of the failure. */
    @Override
    public String toString() {
      return message;
    }
  }

  /**
   * Returns null when {@code json} is strictly valid RFC 8259 JSON, else a one-line description
   * that starts with the JSONPath of the failure and ends with its line and column.
   */
  public static String problem(String json) {
    Problem problem = check(json);
    return problem == null ? null : problem.message();
  }

  /**
   * Like {@link #problem(String)} for raw bytes, which must first be well-formed UTF-8 (RFC 8259
   * section 8.1); a byte order mark is not skipped, it is an unexpected character.
   */
  public static String problem(byte[] utf8) {
    if (utf8 == null) {
      return "$: input is null";
    }
    String text;
    try {
      text = decodeUtf8(utf8);
    } catch (InvalidUtf8 e) {
      return "$: " + e.getMessage();
    }
    return problem(text);
  }

  /**
   * Returns null when {@code json} is strictly valid JSON, else the problem with its char offset.
   */
  public static Problem check(String json) {
    if (json == null) {
      return new Problem("$: input is null", -1);
    }
    try (JsonParser parser = FACTORY.createParser(json)) {
      return check(parser);
    } catch (JsonProcessingException e) {
      return fromException(e, null);
    } catch (IOException | RuntimeException e) {
      // A String source cannot fail with I/O; anything else is a Jackson bug, still a rejection.
      return new Problem("$: " + oneLine(String.valueOf(e)), -1);
    }
  }

  /** Parses a whole document; an exception escapes only from parser construction or closing. */
  private static Problem check(JsonParser parser) {
    try {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return new Problem("$: no JSON value (input is empty or only whitespace)", 0);
      }
      while (true) {
        if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
          Problem surrogate = checkSurrogates(parser, token);
          if (surrogate != null) {
            return surrogate;
          }
        }
        if (parser.getParsingContext().inRoot()) {
          break; // the root scalar, or the END_* token closing the root container
        }
        token = parser.nextToken();
        if (token == null) {
          // Jackson reports truncated containers itself; this is a fallback for safety.
          return at(parser, "unexpected end of input", parser.currentLocation());
        }
      }
      // Jackson happily reads a sequence of root values; RFC 8259 allows exactly one.
      JsonToken extra = parser.nextToken();
      if (extra != null) {
        return at(
            parser,
            "unexpected " + describe(extra) + " after the root value",
            parser.currentTokenLocation(),
            JsonPaths.ROOT);
      }
      return null;
    } catch (JsonProcessingException e) {
      return fromException(e, parser);
    } catch (IOException | RuntimeException e) {
      return at(parser, oneLine(String.valueOf(e)), parser.currentLocation());
    }
  }

  private static Problem checkSurrogates(JsonParser parser, JsonToken token) throws IOException {
    String text = parser.getText();
    int bad = loneSurrogateIndex(text);
    if (bad < 0) {
      return null;
    }
    String what = String.format("lone surrogate U+%04X", (int) text.charAt(bad));
    if (token == JsonToken.FIELD_NAME) {
      // The path would contain the broken key itself, so name the object and quote the key escaped.
      JsonStreamContext object = parser.getParsingContext();
      return at(
          parser,
          what + " in key \"" + escape(text) + "\"",
          parser.currentTokenLocation(),
          JsonPaths.of(object, false));
    }
    return at(parser, what + " in string", parser.currentTokenLocation());
  }

  /** Returns the index of the first unpaired surrogate in {@code s}, or -1. */
  static int loneSurrogateIndex(String s) {
    return Strings.firstLoneSurrogate(s);
  }

  private static Problem fromException(JsonProcessingException e, JsonParser parser) {
    String message = oneLine(e.getOriginalMessage());
    JsonLocation location = e.getLocation();
    if (parser == null) {
      return new Problem("$: " + message + lineColumn(location), offset(location));
    }
    return at(parser, message, location != null ? location : parser.currentLocation());
  }

  private static Problem at(JsonParser parser, String message, JsonLocation location) {
    return at(parser, message, location, currentPath(parser.getParsingContext()));
  }

  private static Problem at(JsonParser parser, String message, JsonLocation location, String path) {
    // The path holds keys as read: one that fails before its surrogates are checked (a key followed by '['
    // instead of ':') would carry a lone surrogate into the message, and cutting the path may split a pair.
    return new Problem(
        oneLine(abbreviatePath(path)) + ": " + oneLine(message) + lineColumn(location),
        offset(location));
  }

  /**
   * The path of the value being read when the parser stopped: JsonPaths.of(context, false) names
   * the container, so the member or element inside it is appended here.
   */
  private static String currentPath(JsonStreamContext context) {
    if (context == null) {
      return JsonPaths.ROOT;
    }
    String container = JsonPaths.of(context, false);
    if (context.inArray() && context.getCurrentIndex() >= 0) {
      return JsonPaths.child(container, context.getCurrentIndex());
    }
    if (context.inObject() && context.getCurrentName() != null) {
      return JsonPaths.child(container, context.getCurrentName());
    }
    return container;
  }

  private static String lineColumn(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static long offset(JsonLocation location) {
    return location == null ? -1 : location.getCharOffset();
  }

  private static String describe(JsonToken token) {
    switch (token) {
      case START_OBJECT:
        return "'{'";
      case START_ARRAY:
        return "'['";
      case VALUE_STRING:
        return "string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "number";
      case VALUE_TRUE:
        return "'true'";
      case VALUE_FALSE:
        return "'false'";
      case VALUE_NULL:
        return "'null'";
      default:
        return token.toString();
    }
  }

  /**
   * Escapes control characters and surrogates so a message stays on one line and prints anywhere.
   */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04X", (int) c));
      } else if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Makes a Jackson message fit on one printable line: Jackson quotes the offending character raw,
   * which may be a control character, an invisible BOM or a lone surrogate.
   */
  private static String oneLine(String s) {
    if (s == null) {
      return "invalid JSON";
    }
    // With source inclusion off, Jackson still writes a placeholder for the source of nested
    // locations.
    s = SOURCE_MARKER.matcher(s).replaceAll("[line $1, column $2]");
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        out.append(' ');
      } else if (Character.isISOControl(c)
          || Character.getType(c) == Character.FORMAT
          || (Character.isSurrogate(c) && !isPaired(s, i))) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isPaired(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /** Keeps messages about hostile nesting readable: the head and the tail of a path say enough. */
  static String abbreviatePath(String path) {
    if (path.length() <= MAX_PATH_CHARS) {
      return path;
    }
    return path.substring(0, MAX_PATH_CHARS / 2)
        + "..."
        + path.substring(path.length() - MAX_PATH_CHARS / 2);
  }

  private static String decodeUtf8(byte[] utf8) throws InvalidUtf8 {
    // String's own constructor replaces malformed input with U+FFFD; RFC 8259 requires real UTF-8.
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(utf8);
    CharBuffer out = CharBuffer.allocate(utf8.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new InvalidUtf8(in.position(), result.length());
    }
    result = decoder.flush(out);
    if (result.isError()) {
      throw new InvalidUtf8(in.position(), result.length());
    }
    out.flip();
    return out.toString();
  }

  /** Private signal that carries the byte offset of malformed UTF-8 out of the decoder loop. */
  private static final class InvalidUtf8 extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidUtf8(int offset, int length) {
      super(
          "invalid UTF-8: " + length + " malformed byte(s) at byte offset " + offset,
          null,
          false,
          false);
    }
  }
}
