package io.safejson.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.LifeCycle;
import io.safejson.logging.internal.EncoderSettings;
import java.util.function.Function;

/**
 * The options and life cycle shared by {@link SafeJsonEncoder} and {@link SafeJsonLayout}: one set of
 * setters, in Logback's idiom ({@code setX} for a property, {@code addX} for a repeatable element), so both
 * accept exactly the same configuration.
 *
 * <p>Thread-safe once started. Configure it on one thread before {@link #start()}, as Logback does.
 */
public abstract class SafeJsonOptions extends ContextAwareBase implements LifeCycle {
  private final EncoderSettings settings = new EncoderSettings();
  private volatile Function<ILoggingEvent, byte[]> renderer;

  SafeJsonOptions() {}

  /** The format: {@code safejson} (default), {@code ecs}, {@code gcp}, {@code logstash} or {@code gelf}. */
  public void setFormat(String format) {
    settings.setFormat(format);
  }

  /** The service name written on every line (ECS {@code service.name}, GCP {@code serviceContext}...). */
  public void setServiceName(String serviceName) {
    settings.setServiceName(serviceName);
  }

  /** The service version written on every line. */
  public void setServiceVersion(String serviceVersion) {
    settings.setServiceVersion(serviceVersion);
  }

  /** The deployment environment written on every line. */
  public void setServiceEnvironment(String serviceEnvironment) {
    settings.setServiceEnvironment(serviceEnvironment);
  }

  /** Adds a field written on every line, as {@code name=value}; repeatable. */
  public void addStaticField(String nameEqualsValue) {
    settings.addStaticField(nameEqualsValue);
  }

  /** Chars kept of any one string field before it is cut visibly; default 32,768. */
  public void setMaxFieldLength(int maxFieldLength) {
    settings.setMaxFieldLength(maxFieldLength);
  }

  /** Bytes a line may take, newline included (at least 16 KiB; default 248 KiB, and never more for gcp). */
  public void setMaxEventBytes(int maxEventBytes) {
    settings.setMaxEventBytes(maxEventBytes);
  }

  /** Chars kept of a stack trace; default 16,384. */
  public void setMaxStackTraceLength(int maxStackTraceLength) {
    settings.setMaxStackTraceLength(maxStackTraceLength);
  }

  /** Whether stack traces start with the root cause; default false. */
  public void setRootCauseFirst(boolean rootCauseFirst) {
    settings.setRootCauseFirst(rootCauseFirst);
  }

  /** Whether to write the calling class, method, file and line (costly); default false. */
  public void setIncludeCallerData(boolean includeCallerData) {
    settings.setIncludeCallerData(includeCallerData);
  }

  /** An MDC key holding the trace id, read before those of {@link #setTraceIdMdcKeys}. */
  public void setTraceIdMdcKey(String key) {
    settings.setTraceIdMdcKey(key);
  }

  /** An MDC key holding the span id, read before those of {@link #setSpanIdMdcKeys}. */
  public void setSpanIdMdcKey(String key) {
    settings.setSpanIdMdcKey(key);
  }

  /**
   * Comma-separated MDC keys holding the trace id, first well-formed one wins; default
   * {@code trace_id,traceId,dd.trace_id} (OpenTelemetry, Micrometer Tracing, Datadog).
   */
  public void setTraceIdMdcKeys(String commaSeparatedKeys) {
    settings.setTraceIdMdcKeys(commaSeparatedKeys);
  }

  /** Comma-separated MDC keys holding the span id, first well-formed one wins; default {@code span_id,spanId,dd.span_id}. */
  public void setSpanIdMdcKeys(String commaSeparatedKeys) {
    settings.setSpanIdMdcKeys(commaSeparatedKeys);
  }

  /** Whether trace and span ids are promoted from the MDC to the format's trace fields; default true. */
  public void setTraceCorrelation(boolean traceCorrelation) {
    settings.setTraceCorrelation(traceCorrelation);
  }

  /** Comma-separated MDC keys holding the W3C trace flags ({@code 01}: sampled); default {@code trace_flags}. */
  public void setTraceFlagsMdcKeys(String commaSeparatedKeys) {
    settings.setTraceFlagsMdcKeys(commaSeparatedKeys);
  }

  /** The Google Cloud project: gcp traces are then written as {@code projects/ID/traces/TRACE}. */
  public void setGcpProjectId(String projectId) {
    settings.setGcpProjectId(projectId);
  }

  /** Adds comma-separated keys whose values are written as {@code [REDACTED]}; additive. */
  public void setRedact(String commaSeparatedKeys) {
    settings.setRedact(commaSeparatedKeys);
  }

  /** Whether the built-in secret keys (password, token, authorization...) are redacted; default true. */
  public void setRedactDefaults(boolean redactDefaults) {
    settings.setRedactDefaults(redactDefaults);
  }

  /** Renames a standard field, as {@code old=new}; repeatable. */
  public void addRenameField(String oldEqualsNew) {
    settings.addRenameField(oldEqualsNew);
  }

  /** Leaves out standard fields, comma-separated; repeatable. */
  public void addExcludeField(String commaSeparatedNames) {
    settings.addExcludeField(commaSeparatedNames);
  }

  /** The GELF {@code host}; default the Logback context's {@code HOSTNAME}. */
  public void setHost(String host) {
    settings.setHost(host);
  }

  /** Validates the configuration, reporting problems with {@code addError}; starts only when it is valid. */
  @Override
  public void start() {
    if (isStarted()) {
      return;
    }
    renderer = settings.start(this);
  }

  @Override
  public void stop() {
    renderer = null;
  }

  @Override
  public boolean isStarted() {
    return renderer != null;
  }

  /** Returns the event as one JSON line ending in {@code \n}; never throws, even before {@link #start()}. */
  byte[] renderLine(ILoggingEvent event) {
    Function<ILoggingEvent, byte[]> current = renderer;
    return (current != null ? current : EncoderSettings.defaultRenderer()).apply(event);
  }
}
