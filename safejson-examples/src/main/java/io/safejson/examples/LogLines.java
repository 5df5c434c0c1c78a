package io.safejson.examples;

import io.safejson.Incident;
import org.slf4j.spi.LoggingEventBuilder;

/** The key-values the demo logs for an agent event and for an incident, the same fields wherever they appear. */
final class LogLines {
  private LogLines() {}

  /** Adds the fields of {@code event} to {@code line} and returns it. */
  static LoggingEventBuilder event(LoggingEventBuilder line, AgentEvent event) {
    return line.addKeyValue("event_type", event.type())
        .addKeyValue("event_id", event.eventId())
        .addKeyValue("event_timestamp", event.timestamp())
        .addKeyValue("state", event.state())
        .addKeyValue("cost", event.cost())
        .addKeyValue("attachment", event.attachment())
        .addKeyValue("request_id", event.requestId())
        .addKeyValue("detail", event.detail());
  }

  /** Adds the fields of {@code incident} to {@code line} and returns it. */
  static LoggingEventBuilder incident(LoggingEventBuilder line, Incident incident) {
    return line.addKeyValue("path", incident.path())
        .addKeyValue("kind", incident.kind())
        .addKeyValue("type", incident.type())
        .addKeyValue("detail", incident.detail());
  }
}
