package io.safejson.logging.internal;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.safejson.logging.LogFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.slf4j.event.KeyValuePair;

/**
 * Every format's field table reserves its names: a user key (key-value, MDC entry, static field) equal to any
 * of the format's field names, as the format spells user keys, is written under another name, never as a
 * duplicate key, and its value is never lost; with or without a promoted trace id (whose shared names a line
 * claims), on full lines and on lines cut to fit.
 */
final class FieldTableProperties {
  private static final JsonFactory JSON = new JsonFactory();

  /** One collision case: the format, the user keys, where they go, and whether the line is full. */
  record Case(LogFormat format, List<String> keys, boolean traced, boolean oversized) {}

  @Property(tries = 300)
  void aUserKeyNamedLikeAFormatFieldIsRenamedNeverDuplicated(@ForAll("cases") Case c) throws IOException {
    EncoderSettings settings = new EncoderSettings();
    settings.setFormat(c.format().name());
    settings.setMaxEventBytes(EncoderSettings.MIN_EVENT_BYTES);
    settings.setIncludeCallerData(true);
    settings.setServiceName("svc");
    for (int i = 0; i < c.keys().size(); i++) {
      if (!c.keys().get(i).isEmpty()) { // a static field needs a name: <staticField>=v is a configuration error
        settings.addStaticField(c.keys().get(i) + "=static-" + i);
      }
    }
    LineRenderer renderer = new LineRenderer(settings.resolved("host"));
    String line = new String(renderer.render(event(c)), StandardCharsets.UTF_8);

    assertValidJson(line); // strict: a duplicate key anywhere fails here
    List<String> names = topLevelNames(line);
    assertEquals(new HashSet<>(names).size(), names.size(), () -> "duplicate top-level name in " + line);
    if (!c.oversized()) {
      for (int i = 0; i < c.keys().size(); i++) {
        for (String origin : c.keys().get(i).isEmpty() ? List.of("kv-", "mdc-") : List.of("kv-", "mdc-", "static-")) {
          assertTrue(line.contains("\"" + origin + i + "\""), origin + i + " was lost: " + line);
        }
      }
    }
    Statistics.label("format").collect(c.format());
    Statistics.label("line").collect(c.oversized() ? "cut to fit" : "full", c.traced() ? "traced" : "untraced");
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.of(LogFormat.class).flatMap(format -> {
      List<String> candidates = candidateKeys(format);
      return Combinators.combine(
              Arbitraries.of(candidates).list().uniqueElements().ofMinSize(1).ofMaxSize(6),
              Arbitraries.of(true, false),
              Arbitraries.of(true, false))
          .as((keys, traced, oversized) -> new Case(format, keys, traced, oversized));
    });
  }

  /**
   * The user keys that land on a field name of {@code format}: each field name, and for GELF (whose user keys
   * are written {@code _key}) the name without its leading underscore.
   */
  private static List<String> candidateKeys(LogFormat format) {
    List<String> keys = new ArrayList<>();
    for (Field field : schema(format).fields()) {
      if (field.name() != null) {
        keys.add(field.name());
        if (field.name().startsWith("_")) {
          keys.add(field.name().substring(1));
        }
      }
    }
    return keys;
  }

  private static LineSchema schema(LogFormat format) {
    EncoderSettings settings = new EncoderSettings();
    settings.setFormat(format.name().toLowerCase(Locale.ROOT));
    EncoderSettings config = settings.resolved(null);
    return switch (format) {
      case SAFEJSON -> new SafeJsonSchema(config);
      case ECS -> new EcsSchema(config);
      case GCP -> new GcpSchema(config);
      case LOGSTASH -> new LogstashSchema(config);
      case GELF -> new GelfSchema(config);
    };
  }

  private static LoggingEvent event(Case c) {
    LoggingEvent event = new LoggingEvent();
    event.setLevel(Level.ERROR);
    event.setLoggerName("chat.Api");
    event.setThreadName("worker-1");
    event.setMessage(c.oversized() ? "m".repeat(40_000) : "collide");
    event.setTimeStamp(TestEvents.MILLIS);
    event.setCallerData(new StackTraceElement[] {new StackTraceElement("chat.Api", "send", "Api.java", 7)});
    event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(new TestEvents.Frameless("boom")));
    event.addMarker(new org.slf4j.helpers.BasicMarkerFactory().getMarker("AUDIT"));
    Map<String, String> mdc = new LinkedHashMap<>();
    if (c.traced()) {
      mdc.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
      mdc.put("span_id", "00f067aa0ba902b7");
      mdc.put("trace_flags", "01");
    }
    for (int i = 0; i < c.keys().size(); i++) {
      String padding = c.oversized() ? "v".repeat(3_000) : "";
      event.addKeyValuePair(new KeyValuePair(c.keys().get(i), "kv-" + i + padding));
      mdc.put(c.keys().get(i), "mdc-" + i + padding);
    }
    event.setMDCPropertyMap(mdc);
    return event;
  }

  private static List<String> topLevelNames(String line) throws IOException {
    List<String> names = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(line)) {
      parser.nextToken();
      for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
        names.add(parser.currentName());
        parser.nextToken();
        parser.skipChildren();
      }
    }
    return names;
  }
}
