package io.safejson.logging.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.fasterxml.jackson.core.SerializableString;
import io.safejson.logging.internal.Field.Part;
import io.safejson.logging.internal.Field.Use;
import java.io.IOException;
import java.util.List;

/** The {@code logstash} format: the field names of logstash-logback-encoder's {@code LogstashEncoder}. */
final class LogstashSchema extends LineSchema {
  private enum Special { LEVEL_VALUE }

  /** The fields, in write order. */
  private static final List<Field> FIELDS =
      List.of(
          Field.required("@timestamp", Part.ISO_TIME),
          Field.constant("@version", "1"),
          Field.required("message", Part.MESSAGE),
          Field.required("logger_name", Part.LOGGER),
          Field.required("thread_name", Part.THREAD),
          Field.required("level", Part.LEVEL),
          Field.special("level_value", Use.REQUIRED, Special.LEVEL_VALUE),
          Field.required("stack_trace", Part.STACK_TRACE),
          Field.shared("trace_id", Part.TRACE_ID),
          Field.shared("span_id", Part.SPAN_ID),
          Field.optional("tags", Part.MARKERS),
          Field.optional("context", Part.CONTEXT),
          Field.optional("service_name", Part.SERVICE_NAME),
          Field.optional("service_version", Part.SERVICE_VERSION),
          Field.optional("service_environment", Part.SERVICE_ENVIRONMENT),
          Field.optional("caller_class_name", Part.CALLER_CLASS),
          Field.optional("caller_method_name", Part.CALLER_METHOD),
          Field.optional("caller_file_name", Part.CALLER_FILE),
          Field.optional("caller_line_number", Part.CALLER_LINE),
          Field.userFields(),
          Field.required("encoder_error", Part.ENCODER_ERROR),
          Field.required("truncated", Part.TRUNCATED));

  LogstashSchema(EncoderSettings config) {
    super(config, FIELDS, KeyStyle.PLAIN);
  }

  /** {@code level_value}: Logback's number for the level (INFO 20000), as LogstashEncoder writes it. */
  @Override
  void writeSpecial(LineWriter w, Field field, SerializableString name, ILoggingEvent event, IThrowableProxy error)
      throws IOException {
    w.number(name, EventContent.levelInt(event));
  }
}
