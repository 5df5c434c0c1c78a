package io.safejson.logging.internal;

import ch.qos.logback.core.Context;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.spi.ContextAware;
import io.safejson.logging.LogFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options shared by {@code SafeJsonEncoder} and {@code SafeJsonLayout}, as Logback sets them from XML;
 * {@link #validate(List, List)} then {@link #toConfig(String)} turn them into a {@link RendererConfig}.
 * Not thread-safe: Logback configures a component on one thread, before {@code start()}.
 */
public final class EncoderSettings {
  /** Default per-field cap, in chars. */
  public static final int DEFAULT_MAX_FIELD_LENGTH = 32_768;
  /** Default per-event cap: 256 KiB (Cloud Logging's entry limit) minus room for the collector's metadata. */
  public static final int DEFAULT_MAX_EVENT_BYTES = 256 * 1024 - 8 * 1024;
  /** Default stack trace cap, in chars. */
  public static final int DEFAULT_MAX_STACK_TRACE_LENGTH = 16_384;
  /** The smallest maxEventBytes accepted: the minimal line must always fit. */
  public static final int MIN_EVENT_BYTES = 16 * 1024;
  /**
   * Chars in one JSON string that every default reader accepts: Jackson 2's {@code maxStringLength}
   * (20,000,000) less the {@code ...[TRUNCATED]} suffix a cut string ends with.
   */
  public static final int MAX_READABLE_FIELD_LENGTH = 20_000_000 - 14;
  /** The MDC keys of OpenTelemetry's Logback MDC instrumentation, Micrometer Tracing and Datadog, in that order. */
  public static final List<String> DEFAULT_TRACE_ID_MDC_KEYS = List.of("trace_id", "traceId", "dd.trace_id");
  /** The span id keys of the same three, in the same order. */
  public static final List<String> DEFAULT_SPAN_ID_MDC_KEYS = List.of("span_id", "spanId", "dd.span_id");
  /** OpenTelemetry's key for the W3C trace flags (Micrometer Tracing and Datadog put none in the MDC). */
  public static final List<String> DEFAULT_TRACE_FLAGS_MDC_KEYS = List.of("trace_flags");

  private String format = "safejson";
  private String serviceName;
  private String serviceVersion;
  private String serviceEnvironment;
  private final List<String> staticFields = new ArrayList<>();
  private int maxFieldLength = DEFAULT_MAX_FIELD_LENGTH;
  private int maxEventBytes = DEFAULT_MAX_EVENT_BYTES;
  private int maxStackTraceLength = DEFAULT_MAX_STACK_TRACE_LENGTH;
  private boolean rootCauseFirst;
  private boolean includeCallerData;
  private String traceIdMdcKey = "trace_id";
  private String spanIdMdcKey = "span_id";
  private boolean traceIdMdcKeySet;
  private boolean spanIdMdcKeySet;
  private List<String> traceIdMdcKeys = DEFAULT_TRACE_ID_MDC_KEYS;
  private List<String> spanIdMdcKeys = DEFAULT_SPAN_ID_MDC_KEYS;
  private List<String> traceFlagsMdcKeys = DEFAULT_TRACE_FLAGS_MDC_KEYS;
  private boolean traceCorrelation = true;
  private String gcpProjectId;
  private final List<String> redact = new ArrayList<>();
  private boolean redactDefaults = true;
  private final List<String> renames = new ArrayList<>();
  private final List<String> excludes = new ArrayList<>();
  private String host;

  public void setFormat(String format) {
    this.format = format;
  }

  public void setServiceName(String serviceName) {
    this.serviceName = blankToNull(serviceName);
  }

  public void setServiceVersion(String serviceVersion) {
    this.serviceVersion = blankToNull(serviceVersion);
  }

  public void setServiceEnvironment(String serviceEnvironment) {
    this.serviceEnvironment = blankToNull(serviceEnvironment);
  }

  public void addStaticField(String nameEqualsValue) {
    staticFields.add(nameEqualsValue);
  }

  public void setMaxFieldLength(int maxFieldLength) {
    this.maxFieldLength = maxFieldLength;
  }

  public void setMaxEventBytes(int maxEventBytes) {
    this.maxEventBytes = maxEventBytes;
  }

  public void setMaxStackTraceLength(int maxStackTraceLength) {
    this.maxStackTraceLength = maxStackTraceLength;
  }

  public void setRootCauseFirst(boolean rootCauseFirst) {
    this.rootCauseFirst = rootCauseFirst;
  }

  public void setIncludeCallerData(boolean includeCallerData) {
    this.includeCallerData = includeCallerData;
  }

  public boolean isIncludeCallerData() {
    return includeCallerData;
  }

  /** The MDC key read first for the trace id, before {@link #setTraceIdMdcKeys}'s. */
  public void setTraceIdMdcKey(String key) {
    this.traceIdMdcKey = key;
    this.traceIdMdcKeySet = true;
  }

  /** The MDC key read first for the span id, before {@link #setSpanIdMdcKeys}'s. */
  public void setSpanIdMdcKey(String key) {
    this.spanIdMdcKey = key;
    this.spanIdMdcKeySet = true;
  }

  /** Comma-separated MDC keys holding a trace id, in order of precedence; replaces the default list. */
  public void setTraceIdMdcKeys(String commaSeparatedKeys) {
    this.traceIdMdcKeys = keyList(commaSeparatedKeys);
  }

  /** Comma-separated MDC keys holding a span id, in order of precedence; replaces the default list. */
  public void setSpanIdMdcKeys(String commaSeparatedKeys) {
    this.spanIdMdcKeys = keyList(commaSeparatedKeys);
  }

  /** Whether trace context is promoted from the MDC at all; false leaves every MDC entry in the dump. */
  public void setTraceCorrelation(boolean traceCorrelation) {
    this.traceCorrelation = traceCorrelation;
  }

  /** Comma-separated MDC keys holding the W3C trace flags, in order of precedence; replaces the default list. */
  public void setTraceFlagsMdcKeys(String commaSeparatedKeys) {
    this.traceFlagsMdcKeys = keyList(commaSeparatedKeys);
  }

  public void setGcpProjectId(String projectId) {
    this.gcpProjectId = blankToNull(projectId);
  }

  /** Adds comma-separated keys to redact; additive across calls. */
  public void setRedact(String commaSeparatedKeys) {
    if (commaSeparatedKeys != null) {
      for (String key : commaSeparatedKeys.split(",")) {
        if (!key.isBlank()) {
          redact.add(key.trim());
        }
      }
    }
  }

  public void setRedactDefaults(boolean redactDefaults) {
    this.redactDefaults = redactDefaults;
  }

  public void addRenameField(String oldEqualsNew) {
    renames.add(oldEqualsNew);
  }

  public void addExcludeField(String commaSeparatedNames) {
    excludes.add(commaSeparatedNames);
  }

  public void setHost(String host) {
    this.host = blankToNull(host);
  }

  /** Appends configuration errors (the component must not start) and warnings (values adjusted). */
  public void validate(List<String> errors, List<String> warnings) {
    try {
      LogFormat.parse(format);
    } catch (IllegalArgumentException e) {
      errors.add("<format>: " + e.getMessage());
    }
    if (maxFieldLength < 16) {
      errors.add("<maxFieldLength> must be at least 16: " + maxFieldLength);
    }
    if (maxEventBytes < MIN_EVENT_BYTES) {
      errors.add("<maxEventBytes> must be at least " + MIN_EVENT_BYTES + ": " + maxEventBytes);
    }
    if (maxStackTraceLength < 0) {
      errors.add("<maxStackTraceLength> must not be negative: " + maxStackTraceLength);
    }
    if (traceIdMdcKey == null || traceIdMdcKey.isBlank() || spanIdMdcKey == null || spanIdMdcKey.isBlank()) {
      errors.add("<traceIdMdcKey> and <spanIdMdcKey> must not be blank");
    }
    for (String field : staticFields) {
      if (pair(field) == null) {
        errors.add("<staticField> must be name=value: " + field);
      }
    }
    for (String rename : renames) {
      Map.Entry<String, String> pair = pair(rename);
      if (pair == null || pair.getValue().isBlank()) {
        errors.add("<renameField> must be old=new: " + rename);
      }
    }
    if (maxFieldLength > readableFieldLength()) {
      warnings.add("<maxFieldLength> " + maxFieldLength + " exceeds the string length default JSON readers accept"
          + " (Jackson 2: 20,000,000 chars); using " + readableFieldLength());
    }
    if (maxStackTraceLength > readableStackTraceLength()) {
      warnings.add("<maxStackTraceLength> " + maxStackTraceLength + " exceeds the string length default JSON readers"
          + " accept (Jackson 2: 20,000,000 chars, message included for gelf); using " + readableStackTraceLength());
    }
    if (isGcp() && maxEventBytes > DEFAULT_MAX_EVENT_BYTES) {
      warnings.add("<maxEventBytes> " + maxEventBytes + " exceeds Cloud Logging's 256 KiB entry limit; using "
          + DEFAULT_MAX_EVENT_BYTES);
    }
  }

  /** The field cap, lowered to what readers accept; for GELF, so that full_message can also hold a newline and a cut stack trace. */
  private int readableFieldLength() {
    int suffix = Texts.TRUNCATED_SUFFIX.length();
    return Math.min(maxFieldLength, isFormat(LogFormat.GELF) ? MAX_READABLE_FIELD_LENGTH - 1 - suffix : MAX_READABLE_FIELD_LENGTH);
  }

  /**
   * The stack trace cap, lowered to what readers accept. GELF's full_message holds the message (cut to the
   * field cap, with its suffix), a newline, then the stack trace (with its suffix when cut).
   */
  private int readableStackTraceLength() {
    if (!isFormat(LogFormat.GELF)) {
      return MAX_READABLE_FIELD_LENGTH;
    }
    return MAX_READABLE_FIELD_LENGTH - Texts.TRUNCATED_SUFFIX.length() - 1 - readableFieldLength();
  }

  private boolean isFormat(LogFormat wanted) {
    try {
      return LogFormat.parse(format) == wanted;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private boolean isGcp() {
    return isFormat(LogFormat.GCP);
  }

  /** The validated configuration; call only when {@link #validate} reported no error. */
  public RendererConfig toConfig(String contextHostName) {
    // Lower-cased into a hash set: looked up for every key of every event, a TreeSet's comparisons showed up
    // in profiles.
    Set<String> redactKeys = new java.util.HashSet<>();
    if (redactDefaults) {
      SecretKeys.DEFAULTS.forEach(key -> redactKeys.add(key.toLowerCase(java.util.Locale.ROOT)));
    }
    redact.forEach(key -> redactKeys.add(key.toLowerCase(java.util.Locale.ROOT)));
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    staticFields.forEach(field -> fields.add(pair(field)));
    Map<String, String> renamed = new LinkedHashMap<>();
    renames.forEach(rename -> renamed.put(pair(rename).getKey(), pair(rename).getValue()));
    Set<String> excluded = new LinkedHashSet<>();
    for (String names : excludes) {
      for (String name : names.split(",")) {
        if (!name.isBlank()) {
          excluded.add(name.trim());
        }
      }
    }
    List<String> traceIds = firstThen(traceIdMdcKeySet ? traceIdMdcKey : null, traceIdMdcKeys);
    List<String> spanIds = firstThen(spanIdMdcKeySet ? spanIdMdcKey : null, spanIdMdcKeys);
    return new RendererConfig(
        LogFormat.parse(format),
        serviceName,
        serviceVersion,
        serviceEnvironment,
        List.copyOf(fields),
        readableFieldLength(),
        isGcp() ? Math.min(maxEventBytes, DEFAULT_MAX_EVENT_BYTES) : maxEventBytes,
        Math.min(maxStackTraceLength, readableStackTraceLength()),
        rootCauseFirst,
        includeCallerData,
        traceIds.isEmpty() ? null : traceIds.get(0),
        spanIds.isEmpty() ? null : spanIds.get(0),
        promotable(traceIds, redactKeys),
        promotable(spanIds, redactKeys),
        promotable(traceFlagsMdcKeys, redactKeys),
        gcpProjectId,
        Collections.unmodifiableSet(redactKeys),
        Collections.unmodifiableMap(renamed),
        Collections.unmodifiableSet(excluded),
        host != null ? host : contextHostName != null ? contextHostName : "unknown");
  }

  /**
   * Validates, reports problems through {@code component} (never throwing, as Logback expects) and returns
   * the renderer, or null when the configuration has errors.
   */
  public LineRenderer start(ContextAware component) {
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    validate(errors, warnings);
    warnings.forEach(component::addWarn);
    if (!errors.isEmpty()) {
      errors.forEach(component::addError);
      return null;
    }
    try {
      Context context = component.getContext();
      String hostName = context == null ? null : context.getProperty(CoreConstants.HOSTNAME_KEY);
      return new LineRenderer(toConfig(hostName));
    } catch (RuntimeException e) {
      component.addError("safejson-logging could not start: " + e, e);
      return null;
    }
  }

  /** The renderer with every option at its default, used when an unstarted component is asked to encode. */
  public static LineRenderer defaultRenderer() {
    return DefaultRenderer.INSTANCE;
  }

  private static final class DefaultRenderer {
    static final LineRenderer INSTANCE = new LineRenderer(new EncoderSettings().toConfig(null));
  }

  /** The keys trace context is promoted from: none when correlation is off, and never a redacted key. */
  private List<String> promotable(List<String> keys, Set<String> redactKeys) {
    if (!traceCorrelation) {
      return List.of();
    }
    return keys.stream().filter(key -> !redactKeys.contains(key.toLowerCase(java.util.Locale.ROOT))).toList();
  }

  /** {@code first} (trimmed; none when null), then the other keys without it. */
  private static List<String> firstThen(String first, List<String> others) {
    List<String> keys = new ArrayList<>();
    if (first != null) {
      keys.add(first.trim());
    }
    for (String key : others) {
      if (!keys.contains(key)) {
        keys.add(key);
      }
    }
    return List.copyOf(keys);
  }

  private static List<String> keyList(String commaSeparatedKeys) {
    List<String> keys = new ArrayList<>();
    if (commaSeparatedKeys != null) {
      for (String key : commaSeparatedKeys.split(",")) {
        if (!key.isBlank() && !keys.contains(key.trim())) {
          keys.add(key.trim());
        }
      }
    }
    return List.copyOf(keys);
  }

  private static Map.Entry<String, String> pair(String text) {
    int equals = text == null ? -1 : text.indexOf('=');
    if (equals <= 0 || text.substring(0, equals).isBlank()) {
      return null;
    }
    return Map.entry(text.substring(0, equals).trim(), text.substring(equals + 1).trim());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
