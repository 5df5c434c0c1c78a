package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.logging.SafeJsonEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/**
 * MDC values and messages logged without arguments are escaped once and then copied from a cache: the bytes are those of a value written afresh (a
 * key-value string), on the first line and on every later one, and a value over the field cap is still cut.
 */
final class RepeatedValuesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String[] VALUES = {
    "lobby",
    "tab\t quote\" backslash\\ slash/ nul\u0000 unit\u001f del\u007f",
    "caf\u00e9 \u4e2d\u6587 \uD83D\uDE00 </script> \u2028\u2029",
    "lone \uD800 half",
    "",
  };

  private static SafeJsonEncoder encoder(int maxFieldLength) {
    LoggerContext context = new LoggerContext();
    SafeJsonEncoder encoder = new SafeJsonEncoder();
    encoder.setContext(context);
    encoder.setFormat("safejson");
    encoder.setMaxFieldLength(maxFieldLength);
    encoder.start();
    return encoder;
  }

  private static LoggingEvent event(LoggerContext context, String value) {
    LoggingEvent event = new LoggingEvent("fqcn", context.getLogger("test"), Level.INFO, value, null, null);
    Map<String, String> mdc = new LinkedHashMap<>();
    mdc.put("note", value);
    event.setMDCPropertyMap(mdc);
    event.addKeyValuePair(new KeyValuePair("note", value));
    return event;
  }

  /** The raw bytes of the value of {@code "note"} inside the object {@code "section"} of {@code line}. */
  private static String rawNote(String line, String section) {
    String open = "\"" + section + "\":{\"note\":";
    int start = line.indexOf(open) + open.length();
    int end = line.indexOf('}', start);
    return line.substring(start, end);
  }

  /**
   * The text with escaped surrogate pairs ({@code \\uD83D\\uDE00}) written as the character: Jackson before 2.18
   * escapes a pair in {@code writeString} (a fresh write), while the caches copy raw UTF-8 (as 2.18+ writes both):
   * the same JSON string either way. Lone surrogates never get here (U+FFFD). Everything else is compared byte for
   * byte.
   */
  private static String pairsRaw(String json) {
    java.util.regex.Matcher pair = java.util.regex.Pattern.compile(
            "\\\\u(d[89ab][0-9a-f]{2})\\\\u(d[c-f][0-9a-f]{2})", java.util.regex.Pattern.CASE_INSENSITIVE)
        .matcher(json);
    StringBuilder out = new StringBuilder();
    while (pair.find()) {
      char high = (char) Integer.parseInt(pair.group(1), 16);
      char low = (char) Integer.parseInt(pair.group(2), 16);
      pair.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(new String(new char[] {high, low})));
    }
    return pair.appendTail(out).toString();
  }

  /** The raw bytes of the value of {@code "msg"}. */
  private static String rawMessage(String line) {
    String open = ",\"msg\":";
    int start = line.indexOf(open) + open.length();
    int end = line.indexOf(",\"", start + 1);
    while (line.charAt(end - 1) != '"' || line.charAt(end - 2) == '\\') {
      end = line.indexOf(",\"", end + 1);
    }
    return line.substring(start, end);
  }

  @Test
  void anMdcValueAndAMessageCopiedFromTheCacheHaveTheBytesOfTheSameValueWrittenAfresh() throws Exception {
    SafeJsonEncoder encoder = encoder(1000);
    LoggerContext context = (LoggerContext) encoder.getContext();
    for (String value : VALUES) {
      for (int round = 0; round < 3; round++) { // the first line fills the cache, the later ones copy from it
        String line = new String(encoder.encode(event(context, value)), StandardCharsets.UTF_8);
        assertEquals(pairsRaw(rawNote(line, "kv")), pairsRaw(rawNote(line, "mdc")), line);
        assertEquals(pairsRaw(rawNote(line, "kv")), pairsRaw(rawMessage(line)), line);
        JsonNode parsed = JSON.readTree(line);
        String expected = value.replace('\uD800', '\uFFFD');
        assertEquals(expected, parsed.path("mdc").path("note").asText(), line);
        assertEquals(expected, parsed.path("msg").asText(), line);
      }
    }
  }

  @Test
  void anMdcValueOverTheFieldCapIsCutOnEveryLine() throws Exception {
    SafeJsonEncoder encoder = encoder(16);
    LoggerContext context = (LoggerContext) encoder.getContext();
    String value = "v".repeat(40);
    for (int round = 0; round < 3; round++) {
      String line = new String(encoder.encode(event(context, value)), StandardCharsets.UTF_8);
      JsonNode parsed = JSON.readTree(line);
      String note = parsed.path("mdc").path("note").asText();
      assertEquals("v".repeat(16), note.substring(0, 16), line);
      assertEquals(true, note.length() > 16 && note.length() < 40, line);
      assertEquals(true, parsed.path("truncated").asBoolean(), line);
    }
  }
}
