package io.safejson.logging.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.fasterxml.jackson.core.SerializableString;
import io.safejson.logging.internal.Field.Part;
import java.util.List;

/**
 * The {@code ecs} format, following the ECS logging spec: dotted top-level names ({@code log.level}, not a
 * nested {@code log} object), {@code @timestamp}, {@code log.level}, {@code message}, {@code ecs.version}
 * first; key-values and MDC top level. A table only: no field of its own.
 */
final class EcsSchema extends LineSchema {
  /** The ECS version ecs-logging libraries declare. */
  static final String ECS_VERSION = "1.6.0";

  /** The fields, in write order. */
  private static final List<Field> FIELDS =
      List.of(
          Field.required("@timestamp", Part.ISO_TIME),
          Field.required("log.level", Part.LEVEL),
          Field.required("message", Part.MESSAGE),
          Field.constant("ecs.version", ECS_VERSION),
          Field.required("log.logger", Part.LOGGER),
          Field.required("process.thread.name", Part.THREAD),
          // Shared: Elastic's APM agent puts trace.id in the MDC itself, and it passes through on lines without ours.
          Field.shared("trace.id", Part.TRACE_ID),
          Field.shared("span.id", Part.SPAN_ID),
          Field.optional("context", Part.CONTEXT),
          Field.optional("service.name", Part.SERVICE_NAME),
          Field.optional("service.version", Part.SERVICE_VERSION),
          Field.optional("service.environment", Part.SERVICE_ENVIRONMENT),
          // The spec: a configured service name implies event.dataset, which log anomaly detection needs.
          Field.optional("event.dataset", Part.SERVICE_NAME),
          Field.optional("tags", Part.MARKERS),
          Field.optional("log.origin.file.name", Part.CALLER_FILE),
          Field.optional("log.origin.file.line", Part.CALLER_LINE),
          Field.optional("log.origin.function", Part.CALLER_METHOD),
          Field.required("error.type", Part.ERROR_TYPE),
          Field.required("error.message", Part.ERROR_MESSAGE),
          Field.optional("error.stack_trace", Part.STACK_TRACE),
          Field.userFields(),
          Field.required("encoder_error", Part.ENCODER_ERROR),
          Field.required("truncated", Part.TRUNCATED));

  EcsSchema(EncoderSettings config) {
    super(config, FIELDS, KeyStyle.PLAIN);
  }

  @Override
  void writeSpecial(LineWriter w, Field field, SerializableString name, ILoggingEvent event, IThrowableProxy error) {
    // None: every ECS field is a shared part.
  }
}
