package io.safejson.spring.boot.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ContextBase;
import ch.qos.logback.core.status.Status;
import io.safejson.logging.SafeJsonEncoder;
import io.safejson.spring.boot.SafeJsonProperties;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * Spring Boot structured logging in safejson-logging's formats: the line {@link SafeJsonEncoder} writes, in the
 * format named by {@code safejson.logging.format} (safejson, ecs, gcp, logstash, gelf), with the service name
 * from {@code spring.application.name}.
 *
 * <pre>{@code
 * logging.structured.format.console=io.safejson.spring.boot.logging.SafeJsonStructuredLogFormatter
 * safejson.logging.format=ecs
 * }</pre>
 *
 * <p>It configures one {@link SafeJsonEncoder} from the {@code safejson.logging.*} properties and hands every
 * event to it, so it has the encoder's guarantees: one valid JSON line per event, never throws, never drops, no
 * duplicate keys, default redaction, size caps, trace ids where each backend looks for them. Invalid properties
 * fail at startup, naming them. Thread-safe.
 */
public final class SafeJsonStructuredLogFormatter implements StructuredLogFormatter<ILoggingEvent> {
  private final SafeJsonEncoder encoder;

  /** Reads {@code safejson.logging.*} from the environment; Boot calls it when logging starts. */
  public SafeJsonStructuredLogFormatter(Environment environment) {
    SafeJsonProperties.Logging settings = Binder.get(environment)
        .bind("safejson.logging", Bindable.of(SafeJsonProperties.Logging.class))
        .orElseGet(SafeJsonProperties.Logging::new);
    this.encoder = startedEncoder(settings, environment);
  }

  private static SafeJsonEncoder startedEncoder(SafeJsonProperties.Logging settings, Environment environment) {
    // A context of its own: the encoder's configuration errors are read back here and fail the startup,
    // rather than going to a status manager nobody reads while logging silently falls back.
    ContextBase context = new ContextBase();
    context.setName("safejson");
    SafeJsonEncoder encoder = new SafeJsonEncoder();
    encoder.setContext(context);
    encoder.setFormat(settings.getFormat().name());
    encoder.setServiceName(firstSet(settings.getServiceName(), environment.getProperty("spring.application.name")));
    encoder.setServiceVersion(
        firstSet(settings.getServiceVersion(), environment.getProperty("spring.application.version")));
    encoder.setServiceEnvironment(settings.getServiceEnvironment());
    for (Map.Entry<String, String> field : settings.getStaticFields().entrySet()) {
      encoder.addStaticField(field.getKey() + "=" + field.getValue());
    }
    encoder.setMaxFieldLength(settings.getMaxFieldLength());
    encoder.setMaxEventBytes(settings.getMaxEventBytes());
    encoder.setMaxStackTraceLength(settings.getMaxStackTraceLength());
    encoder.setRootCauseFirst(settings.isRootCauseFirst());
    encoder.setIncludeCallerData(settings.isIncludeCallerData());
    encoder.setTraceCorrelation(settings.isTraceCorrelation());
    if (settings.getTraceIdMdcKeys() != null) {
      encoder.setTraceIdMdcKeys(String.join(",", settings.getTraceIdMdcKeys()));
    }
    if (settings.getSpanIdMdcKeys() != null) {
      encoder.setSpanIdMdcKeys(String.join(",", settings.getSpanIdMdcKeys()));
    }
    if (settings.getTraceFlagsMdcKeys() != null) {
      encoder.setTraceFlagsMdcKeys(String.join(",", settings.getTraceFlagsMdcKeys()));
    }
    encoder.setGcpProjectId(settings.getGcpProjectId());
    if (!settings.getRedact().isEmpty()) {
      encoder.setRedact(String.join(",", settings.getRedact()));
    }
    encoder.setRedactDefaults(settings.isRedactDefaults());
    for (Map.Entry<String, String> rename : settings.getRenameFields().entrySet()) {
      encoder.addRenameField(rename.getKey() + "=" + rename.getValue());
    }
    for (String field : settings.getExcludeFields()) {
      encoder.addExcludeField(field);
    }
    if (settings.getHost() != null) {
      encoder.setHost(settings.getHost());
    }
    encoder.start();
    if (!encoder.isStarted()) {
      List<Status> statuses = context.getStatusManager().getCopyOfStatusList();
      throw new IllegalStateException("Invalid safejson.logging properties: " + statuses.stream()
          .filter(status -> status.getLevel() == Status.ERROR)
          .map(Status::getMessage)
          .collect(Collectors.joining("; ")));
    }
    return encoder;
  }

  private static String firstSet(String preferred, String fallback) {
    return preferred != null && !preferred.isEmpty() ? preferred : fallback;
  }

  /** The event's line, ending in {@code \n}; never throws. */
  @Override
  public String format(ILoggingEvent event) {
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  /** The event's line in the charset, UTF-8 straight from the encoder; never throws. */
  @Override
  public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
    byte[] line = encoder.encode(event);
    if (StandardCharsets.UTF_8.equals(charset)) {
      return line;
    }
    return new String(line, StandardCharsets.UTF_8).getBytes(charset);
  }
}
