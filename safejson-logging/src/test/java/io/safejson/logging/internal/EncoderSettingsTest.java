package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.status.Status;
import io.safejson.logging.LogCapture;
import io.safejson.logging.LogFormat;
import io.safejson.logging.SafeJsonEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The options table of the README: defaults, the limits {@code start()} reports with {@code addError}
 * (the component then does not start), the warning for gcp above Cloud Logging's entry limit, and how the
 * comma-separated and {@code name=value} elements are read.
 */
final class EncoderSettingsTest {
  @Test
  void theDefaultsAreTheOnesTheReadmeLists() {
    EncoderSettings settings = new EncoderSettings();
    EncoderSettings config = settings.resolved(null);
    assertEquals(LogFormat.SAFEJSON, config.format());
    assertEquals(32_768, config.maxFieldLength());
    assertEquals(253_952, config.maxEventBytes(), "256 KiB - 8 KiB");
    assertEquals(16_384, config.maxStackTraceLength());
    assertEquals(false, config.rootCauseFirst());
    assertEquals(false, config.includeCallerData());
    assertEquals("trace_id", config.traceKeys().traceIds().get(0));
    assertEquals("span_id", config.traceKeys().spanIds().get(0));
    assertNull(config.serviceName());
    assertNull(config.serviceVersion());
    assertNull(config.serviceEnvironment());
    assertNull(config.gcp().projectId());
    assertEquals("unknown", config.gelf().host(), "no <host>, no HOSTNAME");
    assertTrue(config.redactKeys().containsAll(Set.of("password", "authorization", "jsessionid")));
    assertEquals(List.of(), config.staticFields());
    assertEquals(Map.of(), config.renames());
    assertEquals(Set.of(), config.excludes());
  }

  @Test
  void everyLimitIsCheckedAtItsBoundary() {
    assertEquals(List.of(), errors(s -> {
      s.setMaxFieldLength(16);
      s.setMaxEventBytes(16_384);
      s.setMaxStackTraceLength(0);
    }));
    assertEquals(List.of(
        "<maxFieldLength> must be at least 16: 15",
        "<maxEventBytes> must be at least 16384: 16383",
        "<maxStackTraceLength> must not be negative: -1"), errors(s -> {
      s.setMaxFieldLength(15);
      s.setMaxEventBytes(16_383);
      s.setMaxStackTraceLength(-1);
    }));
  }

  @Test
  void anUnknownFormatIsAnErrorNamingTheKnownOnes() {
    assertEquals(List.of("<format>: unknown format 'yaml': expected one of safejson, ecs, gcp, logstash, gelf"),
        errors(s -> s.setFormat("yaml")));
    assertEquals(List.of(), errors(s -> s.setFormat(" GeLf ")));
  }

  @Test
  void blankTraceOrSpanKeysAreErrors() {
    String expected = "<traceIdMdcKey> and <spanIdMdcKey> must not be blank";
    assertEquals(List.of(expected), errors(s -> s.setTraceIdMdcKey(" ")));
    assertEquals(List.of(expected), errors(s -> s.setTraceIdMdcKey(null)));
    assertEquals(List.of(expected), errors(s -> s.setSpanIdMdcKey("")));
    assertEquals(List.of(expected), errors(s -> s.setSpanIdMdcKey(null)));
  }

  @Test
  void staticFieldsAndRenamesMustBeNameEqualsValue() {
    assertEquals(List.of(
        "<staticField> must be name=value: novalue",
        "<staticField> must be name=value: =v",
        "<staticField> must be name=value:  =v",
        "<renameField> must be old=new: logger",
        "<renameField> must be old=new: logger= ",
        "<renameField> must be old=new: =x"), errors(s -> {
      s.addStaticField("novalue");
      s.addStaticField("=v");
      s.addStaticField(" =v");
      s.addStaticField("empty=");
      s.addRenameField("logger");
      s.addRenameField("logger= ");
      s.addRenameField("=x");
    }));
  }

  @Test
  void gcpAboveTheEntryLimitIsWarnedAboutAndCapped() {
    EncoderSettings settings = new EncoderSettings();
    settings.setFormat("gcp");
    settings.setMaxEventBytes(253_953);
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    settings.validate(errors, warnings);
    assertEquals(List.of(), errors);
    assertEquals(List.of("<maxEventBytes> 253953 exceeds Cloud Logging's 256 KiB entry limit; using 253952"), warnings);
    assertEquals(253_952, settings.resolved(null).maxEventBytes());

    EncoderSettings atLimit = new EncoderSettings();
    atLimit.setFormat("gcp");
    List<String> none = new ArrayList<>();
    atLimit.validate(new ArrayList<>(), none);
    assertEquals(List.of(), none);

    EncoderSettings other = new EncoderSettings();
    other.setFormat("ecs");
    other.setMaxEventBytes(1_000_000);
    List<String> noWarning = new ArrayList<>();
    other.validate(new ArrayList<>(), noWarning);
    assertEquals(List.of(), noWarning, "only Cloud Logging has that limit");
    assertEquals(1_000_000, other.resolved(null).maxEventBytes());

    EncoderSettings unknown = new EncoderSettings();
    unknown.setFormat("nope");
    unknown.setMaxEventBytes(1_000_000);
    List<String> unknownWarnings = new ArrayList<>();
    unknown.validate(new ArrayList<>(), unknownWarnings);
    assertEquals(List.of(), unknownWarnings);
  }

  @Test
  void theGcpWarningReachesLogbacksStatusAndTheEncoderStillStarts() {
    try (LogCapture capture = LogCapture.configureAllowingErrors("logback-gcp-oversized.xml")) {
      List<String> warnings = capture.context().getStatusManager().getCopyOfStatusList().stream()
          .filter(s -> s.getLevel() == Status.WARN)
          .map(Status::getMessage)
          .toList();
      assertTrue(warnings.contains("<maxEventBytes> 400000 exceeds Cloud Logging's 256 KiB entry limit; using 253952"),
          warnings.toString());
      capture.logger("c").info("still gcp");
      assertEquals("INFO", capture.onlyEvent().get("severity").asText());
    }
  }

  @Test
  void listsAreReadTrimmedAndBlanksSkipped() {
    EncoderSettings settings = new EncoderSettings();
    settings.setFormat("logstash");
    settings.setServiceName("  chat  ");
    settings.setServiceVersion(" ");
    settings.setServiceEnvironment(null);
    settings.setGcpProjectId(" p-1 ");
    settings.setHost("  ");
    settings.setTraceIdMdcKey(" tid ");
    settings.setSpanIdMdcKey(" sid ");
    settings.addStaticField(" region = eu-west-1 ");
    settings.addStaticField("empty=");
    settings.addStaticField("url=a=b");
    settings.setRedact(" Customer_Ssn , ,OTP");
    settings.setRedact(null);
    settings.setRedact("pin");
    settings.setRedactDefaults(false);
    settings.addRenameField(" logger_name = logger ");
    settings.addExcludeField(" thread_name, ,level_value ");
    settings.addExcludeField("tags");
    settings.setMaxFieldLength(100);
    settings.setMaxEventBytes(20_000);
    settings.setMaxStackTraceLength(500);
    settings.setRootCauseFirst(true);
    settings.setIncludeCallerData(true);
    assertEquals(List.of(), errors(settings));
    EncoderSettings config = settings.resolved("context-host");
    assertEquals(LogFormat.LOGSTASH, config.format());
    assertEquals("chat", config.serviceName());
    assertNull(config.serviceVersion());
    assertNull(config.serviceEnvironment());
    assertEquals("p-1", config.gcp().projectId());
    assertEquals("context-host", config.gelf().host(), "a blank <host> falls back to HOSTNAME");
    assertEquals("tid", config.traceKeys().traceIds().get(0));
    assertEquals("sid", config.traceKeys().spanIds().get(0));
    assertEquals(List.of(Map.entry("region", "eu-west-1"), Map.entry("empty", ""), Map.entry("url", "a=b")),
        config.staticFields());
    assertEquals(Set.of("customer_ssn", "otp", "pin"), config.redactKeys(), "lower-cased, defaults off");
    assertEquals(Map.of("logger_name", "logger"), config.renames());
    assertEquals(List.of("thread_name", "level_value", "tags"), List.copyOf(config.excludes()));
    assertEquals(100, config.maxFieldLength());
    assertEquals(20_000, config.maxEventBytes());
    assertEquals(500, config.maxStackTraceLength());
    assertTrue(config.rootCauseFirst());
    assertTrue(config.includeCallerData());
  }

  @Test
  void anExplicitHostWinsOverTheContextsHostname() {
    EncoderSettings settings = new EncoderSettings();
    settings.setHost(" gelf-host ");
    assertEquals("gelf-host", settings.resolved("context-host").gelf().host());
  }

  @Test
  void startTakesTheHostnameFromTheLogbackContext() {
    ch.qos.logback.classic.LoggerContext context = new ch.qos.logback.classic.LoggerContext();
    context.putProperty(CoreConstants.HOSTNAME_KEY, "from-context");
    SafeJsonEncoder component = new SafeJsonEncoder();
    component.setContext(context);
    EncoderSettings settings = new EncoderSettings();
    settings.setFormat("gelf");
    LineRenderer renderer = (LineRenderer) settings.start(component);
    assertNotNull(renderer);
    assertEquals("from-context", renderer.config().gelf().host());
  }

  @Test
  void startWithoutAContextStillGivesARenderer() {
    SafeJsonEncoder component = new SafeJsonEncoder();
    LineRenderer renderer = (LineRenderer) new EncoderSettings().start(component);
    assertNotNull(renderer);
    assertEquals("unknown", renderer.config().gelf().host());
  }

  @Test
  void startReportsEveryErrorAndGivesNoRenderer() {
    ch.qos.logback.classic.LoggerContext context = new ch.qos.logback.classic.LoggerContext();
    SafeJsonEncoder component = new SafeJsonEncoder();
    component.setContext(context);
    EncoderSettings settings = new EncoderSettings();
    settings.setMaxFieldLength(1);
    settings.setFormat("x");
    assertNull(settings.start(component));
    List<String> errors = context.getStatusManager().getCopyOfStatusList().stream()
        .filter(s -> s.getLevel() == Status.ERROR)
        .map(Status::getMessage)
        .toList();
    assertEquals(2, errors.size(), errors.toString());
  }

  @Test
  void aRenameThatCollidesIsReportedByStartNotThrown() {
    ch.qos.logback.classic.LoggerContext context = new ch.qos.logback.classic.LoggerContext();
    SafeJsonEncoder component = new SafeJsonEncoder();
    component.setContext(context);
    EncoderSettings settings = new EncoderSettings();
    settings.setFormat("gelf");
    settings.addRenameField("host=_id");
    assertNull(settings.start(component));
    List<String> errors = context.getStatusManager().getCopyOfStatusList().stream()
        .filter(s -> s.getLevel() == Status.ERROR)
        .map(Status::getMessage)
        .toList();
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("safejson-logging could not start: "), errors.get(0));
    assertTrue(errors.get(0).contains("\"_id\""), errors.get(0));
  }

  private static List<String> errors(Consumer<EncoderSettings> configure) {
    EncoderSettings settings = new EncoderSettings();
    configure.accept(settings);
    return errors(settings);
  }

  private static List<String> errors(EncoderSettings settings) {
    List<String> errors = new ArrayList<>();
    settings.validate(errors, new ArrayList<>());
    return errors;
  }
}
