package io.safejson.logging.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/** The {@code logstash} format: the field names of logstash-logback-encoder's {@code LogstashEncoder}. */
final class LogstashSchema extends LineSchema {
  private final SerializedString timestamp;
  private final SerializedString version;
  private final SerializedString message;
  private final SerializedString logger;
  private final SerializedString thread;
  private final SerializedString level;
  private final SerializedString levelValue;
  private final SerializedString stackTrace;
  private final SerializedString tags;
  private final SerializedString context;
  private final SerializedString serviceName;
  private final SerializedString serviceVersion;
  private final SerializedString serviceEnvironment;
  private final SerializedString callerClass;
  private final SerializedString callerMethod;
  private final SerializedString callerFile;
  private final SerializedString callerLine;
  private final SerializedString traceId;
  private final SerializedString spanId;

  LogstashSchema(RendererConfig config) {
    this(config, new FieldNames(config));
  }

  private LogstashSchema(RendererConfig config, FieldNames names) {
    super(config, names, KeyStyle.PLAIN);
    timestamp = names.get("@timestamp");
    version = names.get("@version");
    message = names.get("message");
    logger = names.get("logger_name");
    thread = names.get("thread_name");
    level = names.get("level");
    levelValue = names.get("level_value");
    stackTrace = names.get("stack_trace");
    tags = names.get("tags");
    context = names.get("context");
    serviceName = names.get("service_name");
    serviceVersion = names.get("service_version");
    serviceEnvironment = names.get("service_environment");
    callerClass = names.get("caller_class_name");
    callerMethod = names.get("caller_method_name");
    callerFile = names.get("caller_file_name");
    callerLine = names.get("caller_line_number");
    traceId = names.shared("trace_id");
    spanId = names.shared("span_id");
    seal(names);
  }

  @Override
  void write(LineWriter w, ILoggingEvent event, String note) throws IOException {
    w.timestamp(timestamp, EventContent.epochMillis(event));
    w.repeatedString(version, "1");
    w.string(message, EventContent.message(event));
    w.repeatedString(logger, EventContent.logger(event));
    w.repeatedString(thread, EventContent.thread(event));
    w.repeatedString(level, EventContent.level(event));
    w.number(levelValue, EventContent.levelInt(event));
    IThrowableProxy error = throwable(event);
    if (error != null) {
      if (full(w)) {
        writeStackTrace(w, stackTrace, error);
      } else {
        w.string(stackTrace, error.getClassName() + ": " + error.getMessage());
      }
    }
    if (full(w)) {
      writeTrace(w, event, traceId, spanId, null);
      EventContent.writeMarkers(w, tags, event);
      w.repeatedString(context, EventContent.contextName(event));
      w.repeatedString(serviceName, config.serviceName());
      w.repeatedString(serviceVersion, config.serviceVersion());
      w.repeatedString(serviceEnvironment, config.serviceEnvironment());
      StackTraceElement frame = config.includeCallerData() ? EventContent.caller(event) : null;
      if (frame != null) {
        w.repeatedString(callerClass, frame.getClassName());
        w.repeatedString(callerMethod, frame.getMethodName());
        w.repeatedString(callerFile, frame.getFileName());
        w.number(callerLine, frame.getLineNumber());
      }
      writeUserFieldsTopLevel(w, event);
    }
    writeTrailer(w, note);
  }
}
