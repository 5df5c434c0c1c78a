package io.safejson.logging;

import java.util.Locale;

/**
 * The JSON schema a {@link SafeJsonEncoder} writes, chosen with {@code <format>} (case-insensitive).
 *
 * <p>Thread-safe: an enum.
 */
public enum LogFormat {
  /** This project's compact schema: {@code ts}, {@code level}, {@code logger}, {@code msg}, {@code kv}, {@code mdc}... */
  SAFEJSON,
  /** Elastic Common Schema logging ({@code @timestamp}, {@code log.level}, {@code ecs.version} 1.6.0...). */
  ECS,
  /** Google Cloud Logging structured stdout ({@code severity}, {@code time}, {@code logging.googleapis.com/trace}...). */
  GCP,
  /** The field names of logstash-logback-encoder's {@code LogstashEncoder}. */
  LOGSTASH,
  /** Graylog Extended Log Format 1.1. */
  GELF;

  /**
   * Returns the format named {@code name}, ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException listing the known names
   */
  public static LogFormat parse(String name) {
    if (name != null) {
      String wanted = name.trim().toUpperCase(Locale.ROOT);
      for (LogFormat format : values()) {
        if (format.name().equals(wanted)) {
          return format;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown format '" + name + "': expected one of safejson, ecs, gcp, logstash, gelf");
  }
}
