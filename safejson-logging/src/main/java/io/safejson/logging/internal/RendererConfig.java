package io.safejson.logging.internal;

import io.safejson.logging.LogFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated encoder configuration. Immutable (the collections are unmodifiable copies); thread-safe.
 *
 * @param staticFields user fields written on every line, in configuration order
 * @param redactKeys case-insensitive key names whose values become {@code "[REDACTED]"}
 * @param renames standard field name to the name written instead
 * @param excludes standard field names never written
 * @param traceIdMdcKey the first of {@code traceIdMdcKeys} (the singular {@code <traceIdMdcKey>} when set)
 * @param spanIdMdcKey the first of {@code spanIdMdcKeys}
 * @param traceIdMdcKeys MDC keys a trace id is read from, first well-formed one wins
 * @param spanIdMdcKeys MDC keys a span id is read from, first well-formed one wins
 * @param traceFlagsMdcKeys MDC keys the W3C trace flags are read from
 */
public record RendererConfig(
    LogFormat format,
    String serviceName,
    String serviceVersion,
    String serviceEnvironment,
    List<Map.Entry<String, String>> staticFields,
    int maxFieldLength,
    int maxEventBytes,
    int maxStackTraceLength,
    boolean rootCauseFirst,
    boolean includeCallerData,
    String traceIdMdcKey,
    String spanIdMdcKey,
    List<String> traceIdMdcKeys,
    List<String> spanIdMdcKeys,
    List<String> traceFlagsMdcKeys,
    String gcpProjectId,
    Set<String> redactKeys,
    Map<String, String> renames,
    Set<String> excludes,
    String host) {}
