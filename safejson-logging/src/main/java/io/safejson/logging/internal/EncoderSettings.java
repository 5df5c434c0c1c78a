package io.safejson.logging.internal;

import static io.safejson.logging.internal.ConfigText.append;
import static io.safejson.logging.internal.ConfigText.blankToNull;
import static io.safejson.logging.internal.ConfigText.firstThen;
import static io.safejson.logging.internal.ConfigText.isBlank;
import static io.safejson.logging.internal.ConfigText.pair;
import static io.safejson.logging.internal.ConfigText.plus;
import static io.safejson.logging.internal.ConfigText.split;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.spi.ContextAware;
import io.safejson.logging.LogFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one settings object of {@code SafeJsonEncoder} and {@code SafeJsonLayout}: each option is a field here,
 * with its default, set by the component's Joran setter through this class's one setter, and read by the
 * renderer from an immutable copy ({@link #resolved(String)}). Options that only one format uses live with
 * that format ({@link GcpSchema.Options}, {@link GelfSchema.Options}); their flat setters stay here.
 *
 * <p>Not thread-safe while configured (Logback configures a component on one thread, before {@code start()});
 * a resolved copy is immutable (every field holds an immutable value) and thread-safe.
 */
public final class EncoderSettings implements Cloneable {
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

  // Every field holds an immutable value (lists are replaced, never changed), so clone() is a deep snapshot.
  private String format = "safejson";
  private String serviceName;
  private String serviceVersion;
  private String serviceEnvironment;
  private List<String> staticFields = List.of();
  private int maxFieldLength = DEFAULT_MAX_FIELD_LENGTH;
  private int maxEventBytes = DEFAULT_MAX_EVENT_BYTES;
  private int maxStackTraceLength = DEFAULT_MAX_STACK_TRACE_LENGTH;
  private boolean rootCauseFirst;
  private boolean includeCallerData;
  private String traceIdMdcKey;
  private String spanIdMdcKey;
  private boolean traceIdMdcKeySet;
  private boolean spanIdMdcKeySet;
  private List<String> traceIdMdcKeys = DEFAULT_TRACE_ID_MDC_KEYS;
  private List<String> spanIdMdcKeys = DEFAULT_SPAN_ID_MDC_KEYS;
  private List<String> traceFlagsMdcKeys = DEFAULT_TRACE_FLAGS_MDC_KEYS;
  private boolean traceCorrelation = true;
  private List<String> redact = List.of();
  private boolean redactDefaults = true;
  private List<String> renames = List.of();
  private List<String> excludes = List.of();
  private GcpSchema.Options gcp = GcpSchema.Options.DEFAULTS;
  private GelfSchema.Options gelf = GelfSchema.Options.DEFAULTS;

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
    staticFields = plus(staticFields, nameEqualsValue);
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
    this.traceIdMdcKeys = append(List.of(), split(commaSeparatedKeys));
  }

  /** Comma-separated MDC keys holding a span id, in order of precedence; replaces the default list. */
  public void setSpanIdMdcKeys(String commaSeparatedKeys) {
    this.spanIdMdcKeys = append(List.of(), split(commaSeparatedKeys));
  }

  /** Whether trace context is promoted from the MDC at all; false leaves every MDC entry in the dump. */
  public void setTraceCorrelation(boolean traceCorrelation) {
    this.traceCorrelation = traceCorrelation;
  }

  /** Comma-separated MDC keys holding the W3C trace flags, in order of precedence; replaces the default list. */
  public void setTraceFlagsMdcKeys(String commaSeparatedKeys) {
    this.traceFlagsMdcKeys = append(List.of(), split(commaSeparatedKeys));
  }

  /** GCP only: see {@link GcpSchema.Options}. */
  public void setGcpProjectId(String projectId) {
    this.gcp = new GcpSchema.Options(blankToNull(projectId));
  }

  /** Adds comma-separated keys to redact; additive across calls. */
  public void setRedact(String commaSeparatedKeys) {
    redact = append(redact, split(commaSeparatedKeys));
  }

  public void setRedactDefaults(boolean redactDefaults) {
    this.redactDefaults = redactDefaults;
  }

  public void addRenameField(String oldEqualsNew) {
    renames = plus(renames, oldEqualsNew);
  }

  public void addExcludeField(String commaSeparatedNames) {
    excludes = append(excludes, split(commaSeparatedNames));
  }

  /** GELF only: see {@link GelfSchema.Options}. */
  public void setHost(String host) {
    this.gelf = new GelfSchema.Options(blankToNull(host));
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
    if ((traceIdMdcKeySet && isBlank(traceIdMdcKey)) || (spanIdMdcKeySet && isBlank(spanIdMdcKey))) {
      errors.add("<traceIdMdcKey> and <spanIdMdcKey> must not be blank");
    }
    staticFields.stream().filter(field -> pair(field) == null)
        .forEach(field -> errors.add("<staticField> must be name=value: " + field));
    renames.stream().filter(rename -> pair(rename) == null || pair(rename).getValue().isBlank())
        .forEach(rename -> errors.add("<renameField> must be old=new: " + rename));
    if (maxFieldLength > maxFieldLength()) {
      warnings.add("<maxFieldLength> " + maxFieldLength + " exceeds the string length default JSON readers accept"
          + " (Jackson 2: 20,000,000 chars); using " + maxFieldLength());
    }
    if (maxStackTraceLength > maxStackTraceLength()) {
      warnings.add("<maxStackTraceLength> " + maxStackTraceLength + " exceeds the string length default JSON readers"
          + " accept (Jackson 2: 20,000,000 chars, message included for gelf); using " + maxStackTraceLength());
    }
    if (maxEventBytes > maxEventBytes()) {
      warnings.add("<maxEventBytes> " + maxEventBytes + " exceeds Cloud Logging's 256 KiB entry limit; using "
          + maxEventBytes());
    }
  }

  /**
   * Validates, reports problems through {@code component} (never throwing, as Logback expects) and returns
   * the renderer (event to one JSON line, never throwing), or null when the configuration has errors.
   */
  public Function<ILoggingEvent, byte[]> start(ContextAware component) {
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
      return new LineRenderer(resolved(hostName));
    } catch (RuntimeException e) {
      component.addError("safejson-logging could not start: " + e, e);
      return null;
    }
  }

  /** The renderer with every option at its default, used when an unstarted component is asked to encode. */
  public static Function<ILoggingEvent, byte[]> defaultRenderer() {
    return DefaultRenderer.INSTANCE;
  }

  private static final class DefaultRenderer {
    static final LineRenderer INSTANCE = new LineRenderer(new EncoderSettings().resolved(null));
  }

  /**
   * An immutable copy of these settings, to render with; {@code contextHostName} is GELF's host when none is
   * configured. Call only when {@link #validate} reported no error.
   */
  EncoderSettings resolved(String contextHostName) {
    try {
      EncoderSettings copy = (EncoderSettings) clone();
      copy.gelf = gelf.orHost(contextHostName);
      return copy;
    } catch (CloneNotSupportedException e) {
      throw new AssertionError("EncoderSettings is Cloneable", e);
    }
  }

  // ---- read by the renderer and the formats: the effective values

  LogFormat format() {
    return LogFormat.parse(format);
  }

  String serviceName() {
    return serviceName;
  }

  String serviceVersion() {
    return serviceVersion;
  }

  String serviceEnvironment() {
    return serviceEnvironment;
  }

  /** The static fields as trimmed {@code name, value} pairs, in configuration order. */
  List<Map.Entry<String, String>> staticFields() {
    return staticFields.stream().map(ConfigText::pair).toList();
  }

  /** The field cap, lowered to what readers accept (less for GELF, whose full_message holds more). */
  int maxFieldLength() {
    return Math.min(maxFieldLength, parsedFormat() == LogFormat.GELF
        ? GelfSchema.MAX_FIELD_LENGTH : MAX_READABLE_FIELD_LENGTH);
  }

  /** The line cap, lowered to Cloud Logging's entry limit for gcp. */
  int maxEventBytes() {
    return parsedFormat() == LogFormat.GCP ? Math.min(maxEventBytes, GcpSchema.MAX_EVENT_BYTES) : maxEventBytes;
  }

  /** The stack trace cap, lowered to what readers accept (GELF's full_message also holds the message). */
  int maxStackTraceLength() {
    return Math.min(maxStackTraceLength, parsedFormat() == LogFormat.GELF
        ? GelfSchema.maxStackTraceLength(maxFieldLength()) : MAX_READABLE_FIELD_LENGTH);
  }

  boolean rootCauseFirst() {
    return rootCauseFirst;
  }

  boolean includeCallerData() {
    return includeCallerData;
  }

  /** The MDC keys trace context is promoted from: none when correlation is off, and never a redacted key. */
  TraceContext.Keys traceKeys() {
    Set<String> redactKeys = redactKeys();
    return new TraceContext.Keys(
        promotable(firstThen(traceIdMdcKeySet ? traceIdMdcKey : null, traceIdMdcKeys), redactKeys),
        promotable(firstThen(spanIdMdcKeySet ? spanIdMdcKey : null, spanIdMdcKeys), redactKeys),
        promotable(traceFlagsMdcKeys, redactKeys));
  }

  /** Lower-case keys whose values are redacted: a hash set, looked up for every key of every event. */
  Set<String> redactKeys() {
    Set<String> keys = new HashSet<>();
    if (redactDefaults) {
      SecretKeys.DEFAULTS.forEach(key -> keys.add(key.toLowerCase(Locale.ROOT)));
    }
    redact.forEach(key -> keys.add(key.toLowerCase(Locale.ROOT)));
    return Collections.unmodifiableSet(keys);
  }

  /** Standard field name to the name written instead. */
  Map<String, String> renames() {
    Map<String, String> renamed = new LinkedHashMap<>();
    renames.forEach(rename -> renamed.put(pair(rename).getKey(), pair(rename).getValue()));
    return Collections.unmodifiableMap(renamed);
  }

  /** Standard field names never written. */
  Set<String> excludes() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(excludes));
  }

  GcpSchema.Options gcp() {
    return gcp;
  }

  GelfSchema.Options gelf() {
    return gelf;
  }

  private LogFormat parsedFormat() {
    try {
      return LogFormat.parse(format);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private List<String> promotable(List<String> keys, Set<String> redactKeys) {
    if (!traceCorrelation) {
      return List.of();
    }
    return keys.stream().filter(key -> !redactKeys.contains(key.toLowerCase(Locale.ROOT))).toList();
  }
}
