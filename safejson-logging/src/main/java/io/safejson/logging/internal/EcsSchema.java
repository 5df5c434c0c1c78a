package io.safejson.logging.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/**
 * The {@code ecs} format, following the ECS logging spec: dotted top-level names ({@code log.level}, not a
 * nested {@code log} object), {@code @timestamp}, {@code log.level}, {@code message}, {@code ecs.version}
 * first; key-values and MDC top level.
 */
final class EcsSchema extends LineSchema {
  /** The ECS version ecs-logging libraries declare. */
  static final String ECS_VERSION = "1.6.0";

  private final SerializedString timestamp;
  private final SerializedString level;
  private final SerializedString message;
  private final SerializedString ecsVersion;
  private final SerializedString logger;
  private final SerializedString thread;
  private final SerializedString context;
  private final SerializedString serviceName;
  private final SerializedString serviceVersion;
  private final SerializedString serviceEnvironment;
  private final SerializedString eventDataset;
  private final SerializedString tags;
  private final SerializedString originFile;
  private final SerializedString originLine;
  private final SerializedString originFunction;
  private final SerializedString errorType;
  private final SerializedString errorMessage;
  private final SerializedString errorStack;
  private final SerializedString traceId;
  private final SerializedString spanId;

  EcsSchema(RendererConfig config) {
    this(config, new FieldNames(config));
  }

  private EcsSchema(RendererConfig config, FieldNames names) {
    super(config, names, KeyStyle.PLAIN);
    timestamp = names.get("@timestamp");
    level = names.get("log.level");
    message = names.get("message");
    ecsVersion = names.get("ecs.version");
    logger = names.get("log.logger");
    thread = names.get("process.thread.name");
    context = names.get("context");
    serviceName = names.get("service.name");
    serviceVersion = names.get("service.version");
    serviceEnvironment = names.get("service.environment");
    eventDataset = names.get("event.dataset");
    tags = names.get("tags");
    originFile = names.get("log.origin.file.name");
    originLine = names.get("log.origin.file.line");
    originFunction = names.get("log.origin.function");
    errorType = names.get("error.type");
    errorMessage = names.get("error.message");
    errorStack = names.get("error.stack_trace");
    // Shared: Elastic's APM agent puts trace.id in the MDC itself, and it passes through on lines without ours.
    traceId = names.shared("trace.id");
    spanId = names.shared("span.id");
    seal(names);
  }

  @Override
  void write(LineWriter w, ILoggingEvent event, String note) throws IOException {
    w.timestamp(timestamp, EventContent.epochMillis(event));
    w.repeatedString(level, EventContent.level(event));
    w.string(message, EventContent.message(event));
    w.repeatedString(ecsVersion, ECS_VERSION);
    w.repeatedString(logger, EventContent.logger(event));
    w.repeatedString(thread, EventContent.thread(event));
    if (full(w)) {
      writeTrace(w, event, traceId, spanId, null);
      w.repeatedString(context, EventContent.contextName(event));
      w.repeatedString(serviceName, config.serviceName());
      w.repeatedString(serviceVersion, config.serviceVersion());
      w.repeatedString(serviceEnvironment, config.serviceEnvironment());
      // The spec: a configured service name implies event.dataset, which log anomaly detection needs.
      w.repeatedString(eventDataset, config.serviceName());
      EventContent.writeMarkers(w, tags, event);
      StackTraceElement frame = config.includeCallerData() ? EventContent.caller(event) : null;
      if (frame != null) {
        w.repeatedString(originFile, frame.getFileName());
        w.number(originLine, frame.getLineNumber());
        w.repeatedString(originFunction, frame.getMethodName());
      }
    }
    IThrowableProxy error = throwable(event);
    if (error != null) {
      w.repeatedString(errorType, error.getClassName());
      w.string(errorMessage, error.getMessage());
      if (full(w)) {
        writeStackTrace(w, errorStack, error);
      }
    }
    if (full(w)) {
      writeUserFieldsTopLevel(w, event);
    }
    writeTrailer(w, note);
  }
}
