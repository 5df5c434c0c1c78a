package io.safejson.logging;

import static io.safejson.logging.StructuredArguments.kv;

import static io.safejson.interop.HostileDocuments.HUGE_INTEGER;
import static io.safejson.interop.HostileDocuments.LONG_DECIMAL;
import static io.safejson.interop.HostileDocuments.TWO_POW_53_PLUS_1;
import static io.safejson.interop.HostileDocuments.nested;

import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.safejson.interop.HostileDocuments.Exact;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Log events carrying values that would break or be lost in a default JSON reader (Jackson 2 and 3, Python,
 * JavaScript), as key-values, structured arguments, MDC entries and exception messages, built from the core's
 * {@link io.safejson.interop.HostileDocuments} values; shared by {@link LogReaderInteropTest} and the
 * Python/Node integration test. Expected values are computed here.
 */
final class ReaderHostileEvents {
  static final String LONG_KEY = "k".repeat(60_000);

  /** The number of events {@link #log} writes. */
  static final int EVENTS = 4;

  private ReaderHostileEvents() {}

  /** A user field's value as the format places it: under {@code kv}, at the top level, or {@code _}-prefixed. */
  static String pointer(String format, String key) {
    switch (format) {
      case "safejson":
        return "/kv/" + key;
      case "gelf":
        return "/_" + key;
      default:
        return "/" + key;
    }
  }

  /**
   * Values that must survive exactly, per event (index = line), as pointer and the text Python and JavaScript
   * print for them.
   */
  static List<List<Exact>> exact(String format) {
    return List.of(
        List.of(
            Exact.value(pointer(format, "hugeInteger"), HUGE_INTEGER.toString()),
            Exact.value(pointer(format, "longDecimal"), LONG_DECIMAL.toPlainString()),
            Exact.value(pointer(format, "overflow"), "1E+100000"),
            Exact.value(pointer(format, "underflow"), "1E-100000"),
            Exact.value(pointer(format, "min"), "5e-324")),
        List.of(
            Exact.value(pointer(format, "argHuge"), HUGE_INTEGER.toString()),
            Exact.value(pointer(format, "argOverflow"), "1E+100000")),
        List.of(),
        List.of());
  }

  /** Logs {@link #EVENTS} hostile events. */
  static void log(LogCapture capture) {
    Logger logger = capture.logger("reader.hostile");
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("hugeInteger", HUGE_INTEGER);
    node.put("overflow", new BigDecimal("1E+100000"));
    node.put("underflow", new BigDecimal("-1E-100000"));
    capture.mdc().put(LONG_KEY, "long mdc key");
    capture.mdc().put("mdcLong", "m".repeat(60_000));
    logger
        .atInfo()
        .addKeyValue("hugeInteger", HUGE_INTEGER)
        .addKeyValue("longDecimal", LONG_DECIMAL)
        .addKeyValue("overflow", new BigDecimal("1E+100000"))
        .addKeyValue("underflow", new BigDecimal("1E-100000"))
        .addKeyValue("id", TWO_POW_53_PLUS_1.longValueExact())
        .addKeyValue("min", Double.MIN_VALUE)
        .addKeyValue("node", node)
        .addKeyValue("deep", nested(600))
        .addKeyValue("longKeyMap", Map.of(LONG_KEY, 1))
        .addKeyValue(LONG_KEY, "value of a long key")
        .addKeyValue("surrogate", "a\uD800b")
        .log("hostile key-values");
    capture.mdc().clear();
    logger.info("arguments {} {}", kv("argHuge", HUGE_INTEGER), kv("argOverflow", new BigDecimal("1E+100000")));
    logger.error("m".repeat(60_000), new IllegalStateException("e".repeat(60_000) + "\uDC00"));
    logger.info("{}", nested(2_000));
  }
}
