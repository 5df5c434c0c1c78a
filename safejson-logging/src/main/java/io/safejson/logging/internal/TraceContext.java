package io.safejson.logging.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trace id, span id and W3C trace flags one line promotes from the event's MDC, and the MDC keys they came
 * from, which the MDC dump then leaves out.
 *
 * <p>For each id the configured keys are tried in order and the first well-formed value wins; a malformed one
 * is not promoted and stays in the dump. Well-formed, after OpenTelemetry and W3C Trace Context: a trace id is
 * 32 hex digits, not all zero (16 hex digits, a 64-bit B3/Brave id, are left-padded with zeros as OpenTelemetry's
 * B3 propagator does); a span id is 16 hex digits, not all zero; trace flags are 2 hex digits. Upper-case digits
 * are accepted and written lower case. Keys starting with {@code dd.} hold Datadog's ids: an unsigned 64-bit
 * decimal (converted to hex, the trace id left-padded to 32 digits) or, for a 128-bit trace id, 32 hex digits.
 *
 * <p>Not thread-safe: scratch state of one {@link LineWriter}, cleared for every line.
 */
final class TraceContext {
  /**
   * The MDC keys ids are read from, in order of precedence (none when trace correlation is off); immutable.
   *
   * @param traceIds keys holding a trace id
   * @param spanIds keys holding a span id
   * @param flags keys holding the W3C trace flags
   */
  record Keys(List<String> traceIds, List<String> spanIds, List<String> flags) {}

  private static final String ZEROS = "0000000000000000";
  /** 2^64 - 1, the largest unsigned 64-bit decimal. */
  private static final String MAX_UNSIGNED = "18446744073709551615";
  private static final String[] FLAGS_HEX = new String[256];

  static {
    for (int i = 0; i < FLAGS_HEX.length; i++) {
      FLAGS_HEX[i] = String.format(Locale.ROOT, "%02x", i);
    }
  }

  private String traceId;
  private String spanId;
  private int flags = -1;
  private String traceKey;
  private String spanKey;
  private String flagsKey;
  private int promoted;
  // The last MDC values read and what they gave: the same instance comes back for every line of a request.
  private String lastTraceValue;
  private String lastTraceKey;
  private String lastTraceId;
  private String lastSpanValue;
  private String lastSpanKey;
  private String lastSpanId;

  void clear() {
    traceId = null;
    spanId = null;
    flags = -1;
    traceKey = null;
    spanKey = null;
    flagsKey = null;
    promoted = 0;
  }

  /**
   * Reads the ids the format writes ({@code trace}, {@code span}, {@code flags}: whether its field is written;
   * flags only with a trace id) from {@code mdc}, which may be null.
   */
  void read(Map<String, String> mdc, Keys config, boolean trace, boolean span, boolean flags) {
    clear();
    if (mdc == null || mdc.isEmpty()) {
      return;
    }
    if (trace) {
      List<String> keys = config.traceIds();
      for (int i = 0; i < keys.size() && traceId == null; i++) { // indexed: no iterator per event
        String key = keys.get(i);
        String value = mdc.get(key);
        if (value != null && value == lastTraceValue && key == lastTraceKey) {
          traceId = lastTraceId;
        } else {
          traceId = traceId(value, isDatadog(key));
          lastTraceValue = value;
          lastTraceKey = key;
          lastTraceId = traceId;
        }
        traceKey = traceId == null ? null : key;
      }
    }
    if (span) {
      List<String> keys = config.spanIds();
      for (int i = 0; i < keys.size() && spanId == null; i++) {
        String key = keys.get(i);
        String value = mdc.get(key);
        if (value != null && value == lastSpanValue && key == lastSpanKey) {
          spanId = lastSpanId;
        } else {
          spanId = spanId(value, isDatadog(key));
          lastSpanValue = value;
          lastSpanKey = key;
          lastSpanId = spanId;
        }
        spanKey = spanId == null ? null : key;
      }
    }
    if (flags && traceId != null) {
      List<String> keys = config.flags();
      for (int i = 0; i < keys.size() && this.flags < 0; i++) {
        this.flags = flags(mdc.get(keys.get(i)));
        flagsKey = this.flags < 0 ? null : keys.get(i);
      }
    }
    promoted = (traceKey != null ? 1 : 0) + (spanKey != null && !spanKey.equals(traceKey) ? 1 : 0)
        + (flagsKey != null && !flagsKey.equals(traceKey) && !flagsKey.equals(spanKey) ? 1 : 0);
  }

  /** The trace id as 32 lower-case hex digits, or null. */
  String traceId() {
    return traceId;
  }

  /** The span id as 16 lower-case hex digits, or null. */
  String spanId() {
    return spanId;
  }

  /** Whether trace flags were promoted (only ever with a trace id). */
  boolean hasFlags() {
    return flags >= 0;
  }

  /** The W3C sampled flag: bit 0 of the trace flags. */
  boolean sampled() {
    return (flags & 1) == 1;
  }

  /** The trace flags as 2 lower-case hex digits, as W3C {@code traceparent} writes them; null when absent. */
  String flagsHex() {
    return flags < 0 ? null : FLAGS_HEX[flags];
  }

  /** Whether the MDC entry {@code key} was promoted, so the MDC dump leaves it out. */
  boolean promoted(String key) {
    return promoted > 0 && key != null && (key.equals(traceKey) || key.equals(spanKey) || key.equals(flagsKey));
  }

  /** How many distinct MDC entries were promoted. */
  int promotedCount() {
    return promoted;
  }

  private static boolean isDatadog(String key) {
    return key.startsWith("dd.");
  }

  /** The well-formed trace id in {@code value}, as 32 lower-case hex digits, or null. */
  static String traceId(String value, boolean datadog) {
    if (value == null) {
      return null;
    }
    if (value.length() == 32) {
      return nonZeroHex(value);
    }
    if (datadog) {
      String low = decimalToHex(value);
      return low == null ? null : ZEROS + low;
    }
    String low = value.length() == 16 ? nonZeroHex(value) : null;
    return low == null ? null : ZEROS + low;
  }

  /** The well-formed span id in {@code value}, as 16 lower-case hex digits, or null. */
  static String spanId(String value, boolean datadog) {
    if (value == null) {
      return null;
    }
    if (datadog) {
      return decimalToHex(value);
    }
    return value.length() == 16 ? nonZeroHex(value) : null;
  }

  /** The trace flags in {@code value} (2 hex digits) as 0 to 255, or -1. */
  static int flags(String value) {
    if (value == null || value.length() != 2) {
      return -1;
    }
    char high = value.charAt(0);
    char low = value.charAt(1);
    if (!isAsciiHex(high) || !isAsciiHex(low)) {
      return -1;
    }
    return Character.digit(high, 16) << 4 | Character.digit(low, 16);
  }

  /** {@code value} lower-cased when it is all hex digits and not all zeros, else null. */
  private static String nonZeroHex(String value) {
    boolean upper = false;
    boolean nonZero = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!isAsciiHex(c)) {
        return null;
      }
      upper |= c >= 'A' && c <= 'F';
      nonZero |= c != '0';
    }
    if (!nonZero) {
      return null;
    }
    return upper ? value.toLowerCase(Locale.ROOT) : value;
  }

  /** An unsigned 64-bit decimal, not zero, as 16 lower-case hex digits, or null. */
  private static String decimalToHex(String value) {
    int length = value.length();
    if (length == 0 || length > MAX_UNSIGNED.length()) {
      return null;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    if (length == MAX_UNSIGNED.length() && value.compareTo(MAX_UNSIGNED) > 0) {
      return null;
    }
    long id = Long.parseUnsignedLong(value);
    if (id == 0) {
      return null;
    }
    String hex = Long.toHexString(id);
    return ZEROS.substring(hex.length()) + hex;
  }

  private static boolean isAsciiHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
