package io.safejson.logging;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The five formats as the trace tests configure them (real XML, default trace keys, no GCP project), with the
 * fields each writes promoted trace context to and where its MDC dump lives.
 */
enum TraceFormat {
  SAFEJSON("logback-safejson.xml", "trace_id", "span_id", "trace_flags", ""),
  ECS("logback-ecs.xml", "trace.id", "span.id", null, ""),
  GCP("logback-trace-gcp.xml", "logging.googleapis.com/trace", "logging.googleapis.com/spanId",
      "logging.googleapis.com/trace_sampled", ""),
  LOGSTASH("logback-logstash.xml", "trace_id", "span_id", null, ""),
  GELF("logback-gelf.xml", "_trace_id", "_span_id", null, "_");

  final String resource;
  final String traceField;
  final String spanField;
  /** Where the trace flags go (safejson: the hex digits; gcp: the sampled bit), or null: they stay in the dump. */
  final String flagsField;
  /** What the format puts before a user key (GELF's additional-field underscore). */
  final String userPrefix;

  TraceFormat(String resource, String traceField, String spanField, String flagsField, String userPrefix) {
    this.resource = resource;
    this.traceField = traceField;
    this.spanField = spanField;
    this.flagsField = flagsField;
    this.userPrefix = userPrefix;
  }

  /** The MDC dump's entry for {@code key} (keys here need no GELF char replacement), or null. */
  JsonNode dumped(JsonNode line, String key) {
    return this == SAFEJSON ? line.path("mdc").get(key) : line.get(userPrefix + key);
  }

  /** The dump's entry for {@code key} after a collision renamed it ({@code mdc_key}), or null. */
  JsonNode renamedInDump(JsonNode line, String key) {
    return this == SAFEJSON ? null : line.get(userPrefix + "mdc_" + key);
  }
}
