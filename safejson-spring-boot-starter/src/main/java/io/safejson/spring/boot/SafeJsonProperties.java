package io.safejson.spring.boot;

import io.safejson.DecimalStyle;
import io.safejson.EnumStyle;
import io.safejson.LargeIntegerStyle;
import io.safejson.SafeSerializer;
import io.safejson.logging.LogFormat;
import io.safejson.websocket.OverflowPolicy;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code safejson.*} properties: one per option of {@link SafeSerializer.Builder} that a value can express
 * (converters, modules and the incident listener are code: {@link SafeSerializerCustomizer}), plus the
 * {@code web}, {@code websocket} and {@code logging} groups. Defaults are the builder's.
 *
 * <p>Not thread-safe: Boot binds it once at startup.
 */
@ConfigurationProperties("safejson")
public class SafeJsonProperties {
  /** How enums are written; a {@code @JsonValue} always wins. */
  private EnumStyle enumStyle = EnumStyle.NAME;

  /** BigDecimal as a plain-notation string keeping its scale ("12.50"), or as a number. */
  private DecimalStyle decimalStyle = DecimalStyle.STRING;

  /** STRING_WHEN_UNSAFE writes long and BigInteger values outside +-(2^53-1) as strings (JavaScript readers). */
  private LargeIntegerStyle largeIntegers = LargeIntegerStyle.NUMBER;

  /** Zone OffsetDateTime and ZonedDateTime values are converted to (same instant); unset keeps their own. */
  private ZoneId zone;

  /** Nesting of arrays and objects allowed (1 to 500); deeper values become "[MAX_DEPTH]". */
  private int maxDepth = 100;

  /** Chars kept of a string or key; longer ones are cut and end in "...[TRUNCATED]". */
  private int maxStringLength = 1000000;

  /** Items kept per array or object. */
  private int maxItems = 10000;

  /** Values per document; the next one becomes "[TRUNCATED]" and every open array and object closes there. */
  private int maxValues = 1000000;

  /** Chars of input fromJson (and the safe mapper) reads at most. */
  private long maxInputLength = 16777216L;

  /** Keys (case-insensitive, at any depth) whose values are written as "[REDACTED]". */
  private List<String> redact = new ArrayList<>();

  /** Sort every object's keys, so equal inputs give identical bytes. */
  private boolean sortKeys;

  /** Escape <, >, &, ', U+2028 and U+2029, so the output can sit in a <script> element. */
  private boolean htmlSafe;

  private final Web web = new Web();

  private final WebSocket websocket = new WebSocket();

  private final Logging logging = new Logging();

  /** A builder holding these settings. */
  SafeSerializer.Builder toBuilder() {
    SafeSerializer.Builder builder = SafeSerializer.builder()
        .enumStyle(enumStyle)
        .decimalStyle(decimalStyle)
        .largeIntegers(largeIntegers)
        .maxDepth(maxDepth)
        .maxStringLength(maxStringLength)
        .maxItems(maxItems)
        .maxValues(maxValues)
        .maxInputLength(maxInputLength)
        .sortKeys(sortKeys)
        .htmlSafe(htmlSafe)
        .redact(redact.toArray(String[]::new));
    if (zone != null) {
      builder.zone(zone);
    }
    return builder;
  }

  public EnumStyle getEnumStyle() {
    return enumStyle;
  }

  public void setEnumStyle(EnumStyle enumStyle) {
    this.enumStyle = enumStyle;
  }

  public DecimalStyle getDecimalStyle() {
    return decimalStyle;
  }

  public void setDecimalStyle(DecimalStyle decimalStyle) {
    this.decimalStyle = decimalStyle;
  }

  public LargeIntegerStyle getLargeIntegers() {
    return largeIntegers;
  }

  public void setLargeIntegers(LargeIntegerStyle largeIntegers) {
    this.largeIntegers = largeIntegers;
  }

  public ZoneId getZone() {
    return zone;
  }

  public void setZone(ZoneId zone) {
    this.zone = zone;
  }

  public int getMaxDepth() {
    return maxDepth;
  }

  public void setMaxDepth(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  public int getMaxStringLength() {
    return maxStringLength;
  }

  public void setMaxStringLength(int maxStringLength) {
    this.maxStringLength = maxStringLength;
  }

  public int getMaxItems() {
    return maxItems;
  }

  public void setMaxItems(int maxItems) {
    this.maxItems = maxItems;
  }

  public int getMaxValues() {
    return maxValues;
  }

  public void setMaxValues(int maxValues) {
    this.maxValues = maxValues;
  }

  public long getMaxInputLength() {
    return maxInputLength;
  }

  public void setMaxInputLength(long maxInputLength) {
    this.maxInputLength = maxInputLength;
  }

  public List<String> getRedact() {
    return redact;
  }

  public void setRedact(List<String> redact) {
    this.redact = redact;
  }

  public boolean isSortKeys() {
    return sortKeys;
  }

  public void setSortKeys(boolean sortKeys) {
    this.sortKeys = sortKeys;
  }

  public boolean isHtmlSafe() {
    return htmlSafe;
  }

  public void setHtmlSafe(boolean htmlSafe) {
    this.htmlSafe = htmlSafe;
  }

  public Web getWeb() {
    return web;
  }

  public WebSocket getWebsocket() {
    return websocket;
  }

  public Logging getLogging() {
    return logging;
  }

  /** {@code safejson.web.*}: Boot's own JSON mapper. */
  public static class Web {
    /**
     * Boot's JSON mapper (Jackson 3 on Boot 4, Jackson 2 on Boot 3.5) writes every value as the SafeSerializer
     * bean does, so MVC, WebFlux and STOMP responses carry the normalized values. Off: the starter leaves the
     * application's JSON output as it was.
     */
    private boolean enabled;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** {@code safejson.websocket.*}: the limits of every sender the SafeWebSocketSenders bean makes. */
  public static class WebSocket {
    /** UTF-8 bytes allowed to wait behind the message in flight, per connection. */
    private DataSize maxPendingBytes = DataSize.ofMegabytes(16);

    /** Messages allowed to wait behind the message in flight, per connection; unset: no count cap. */
    private Integer maxPendingMessages;

    /** What happens to a message that would pass a limit: FAIL_NEW, DROP_OLDEST or CLOSE_SESSION (code 1013). */
    private OverflowPolicy overflowPolicy = OverflowPolicy.FAIL_NEW;

    /** Time limit for one send once it has started; unset: none. */
    private Duration sendTimeout;

    public DataSize getMaxPendingBytes() {
      return maxPendingBytes;
    }

    public void setMaxPendingBytes(DataSize maxPendingBytes) {
      this.maxPendingBytes = maxPendingBytes;
    }

    public Integer getMaxPendingMessages() {
      return maxPendingMessages;
    }

    public void setMaxPendingMessages(Integer maxPendingMessages) {
      this.maxPendingMessages = maxPendingMessages;
    }

    public OverflowPolicy getOverflowPolicy() {
      return overflowPolicy;
    }

    public void setOverflowPolicy(OverflowPolicy overflowPolicy) {
      this.overflowPolicy = overflowPolicy;
    }

    public Duration getSendTimeout() {
      return sendTimeout;
    }

    public void setSendTimeout(Duration sendTimeout) {
      this.sendTimeout = sendTimeout;
    }
  }

  /**
   * {@code safejson.logging.*}: the SafeJsonStructuredLogFormatter's options, those of safejson-logging's
   * {@code SafeJsonEncoder}. Read from the Environment when Boot's logging starts, before any bean exists.
   */
  public static class Logging {
    /** The line format: safejson, ecs, gcp, logstash or gelf. */
    private LogFormat format = LogFormat.SAFEJSON;

    /** Service name on every line; default spring.application.name. */
    private String serviceName;

    /** Service version on every line; default spring.application.version (Boot sets it from the jar manifest). */
    private String serviceVersion;

    /** Deployment environment on every line. */
    private String serviceEnvironment;

    /** String fields written on every line. */
    private Map<String, String> staticFields = new LinkedHashMap<>();

    /** Chars kept of any one string field before it is cut visibly. */
    private int maxFieldLength = 32768;

    /** Bytes a line may take, newline included (at least 16384; gcp never more than the default). */
    private int maxEventBytes = 253952;

    /** Chars kept of a stack trace. */
    private int maxStackTraceLength = 16384;

    /** Stack traces start with the root cause. */
    private boolean rootCauseFirst;

    /** Write the calling class, method, file and line (costs a stack walk per event). */
    private boolean includeCallerData;

    /** Promote trace and span ids found in the MDC to each format's own fields. */
    private boolean traceCorrelation = true;

    /** MDC keys holding the trace id, in order of precedence; unset: trace_id, traceId, dd.trace_id. */
    private List<String> traceIdMdcKeys;

    /** MDC keys holding the span id, in order of precedence; unset: span_id, spanId, dd.span_id. */
    private List<String> spanIdMdcKeys;

    /** MDC keys holding the W3C trace flags; unset: trace_flags. */
    private List<String> traceFlagsMdcKeys;

    /** GCP project id: gcp writes the trace as projects/ID/traces/TRACE. */
    private String gcpProjectId;

    /** Keys whose values are written as "[REDACTED]", added to the built-in secret keys. */
    private List<String> redact = new ArrayList<>();

    /** Redact the built-in secret keys (password, token, authorization, cookie...). */
    private boolean redactDefaults = true;

    /** Renames of standard top-level fields, old name to new name. */
    private Map<String, String> renameFields = new LinkedHashMap<>();

    /** Standard top-level fields left out. */
    private List<String> excludeFields = new ArrayList<>();

    /** GELF host; default the Logback context's HOSTNAME. */
    private String host;

    public LogFormat getFormat() {
      return format;
    }

    public void setFormat(LogFormat format) {
      this.format = format;
    }

    public String getServiceName() {
      return serviceName;
    }

    public void setServiceName(String serviceName) {
      this.serviceName = serviceName;
    }

    public String getServiceVersion() {
      return serviceVersion;
    }

    public void setServiceVersion(String serviceVersion) {
      this.serviceVersion = serviceVersion;
    }

    public String getServiceEnvironment() {
      return serviceEnvironment;
    }

    public void setServiceEnvironment(String serviceEnvironment) {
      this.serviceEnvironment = serviceEnvironment;
    }

    public Map<String, String> getStaticFields() {
      return staticFields;
    }

    public void setStaticFields(Map<String, String> staticFields) {
      this.staticFields = staticFields;
    }

    public int getMaxFieldLength() {
      return maxFieldLength;
    }

    public void setMaxFieldLength(int maxFieldLength) {
      this.maxFieldLength = maxFieldLength;
    }

    public int getMaxEventBytes() {
      return maxEventBytes;
    }

    public void setMaxEventBytes(int maxEventBytes) {
      this.maxEventBytes = maxEventBytes;
    }

    public int getMaxStackTraceLength() {
      return maxStackTraceLength;
    }

    public void setMaxStackTraceLength(int maxStackTraceLength) {
      this.maxStackTraceLength = maxStackTraceLength;
    }

    public boolean isRootCauseFirst() {
      return rootCauseFirst;
    }

    public void setRootCauseFirst(boolean rootCauseFirst) {
      this.rootCauseFirst = rootCauseFirst;
    }

    public boolean isIncludeCallerData() {
      return includeCallerData;
    }

    public void setIncludeCallerData(boolean includeCallerData) {
      this.includeCallerData = includeCallerData;
    }

    public boolean isTraceCorrelation() {
      return traceCorrelation;
    }

    public void setTraceCorrelation(boolean traceCorrelation) {
      this.traceCorrelation = traceCorrelation;
    }

    public List<String> getTraceIdMdcKeys() {
      return traceIdMdcKeys;
    }

    public void setTraceIdMdcKeys(List<String> traceIdMdcKeys) {
      this.traceIdMdcKeys = traceIdMdcKeys;
    }

    public List<String> getSpanIdMdcKeys() {
      return spanIdMdcKeys;
    }

    public void setSpanIdMdcKeys(List<String> spanIdMdcKeys) {
      this.spanIdMdcKeys = spanIdMdcKeys;
    }

    public List<String> getTraceFlagsMdcKeys() {
      return traceFlagsMdcKeys;
    }

    public void setTraceFlagsMdcKeys(List<String> traceFlagsMdcKeys) {
      this.traceFlagsMdcKeys = traceFlagsMdcKeys;
    }

    public String getGcpProjectId() {
      return gcpProjectId;
    }

    public void setGcpProjectId(String gcpProjectId) {
      this.gcpProjectId = gcpProjectId;
    }

    public List<String> getRedact() {
      return redact;
    }

    public void setRedact(List<String> redact) {
      this.redact = redact;
    }

    public boolean isRedactDefaults() {
      return redactDefaults;
    }

    public void setRedactDefaults(boolean redactDefaults) {
      this.redactDefaults = redactDefaults;
    }

    public Map<String, String> getRenameFields() {
      return renameFields;
    }

    public void setRenameFields(Map<String, String> renameFields) {
      this.renameFields = renameFields;
    }

    public List<String> getExcludeFields() {
      return excludeFields;
    }

    public void setExcludeFields(List<String> excludeFields) {
      this.excludeFields = excludeFields;
    }

    public String getHost() {
      return host;
    }

    public void setHost(String host) {
      this.host = host;
    }
  }
}
