package io.safejson.logging.internal;

import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Hands a format its pre-encoded top-level field names, applying {@code <renameField>} and
 * {@code <excludeField>}, and remembers every name handed out: user keys that collide with one are renamed.
 * Not thread-safe: used while a format is constructed.
 */
final class FieldNames {
  private final Map<String, String> renames;
  private final Set<String> excludes;
  private final Set<String> taken = new HashSet<>();
  private final Set<String> reserved = new HashSet<>();

  FieldNames(RendererConfig config) {
    this.renames = config.renames();
    this.excludes = config.excludes();
  }

  /**
   * The name to write for the standard field {@code name}, or null when it is excluded.
   *
   * @throws IllegalArgumentException when a rename makes two fields share a name (the line would hold a
   *     duplicate key); the component reports it and does not start
   */
  SerializedString get(String name) {
    return take(name, true);
  }

  /**
   * Like {@link #get}, for a field written only when the event supplies it under a name users write too
   * (ECS {@code trace.id}, which Elastic's APM agent puts in the MDC; logstash {@code trace_id}): not reserved,
   * so a user key keeps that name on lines without the field; a line that writes the field claims the name
   * first ({@link LineWriter#claim}), and a user key then takes its prefixed name.
   */
  SerializedString shared(String name) {
    return take(name, false);
  }

  private SerializedString take(String name, boolean reserve) {
    if (excludes.contains(name)) {
      return null;
    }
    String written = renames.getOrDefault(name, name);
    if (!taken.add(written)) {
      throw new IllegalArgumentException(
          "<renameField> gives two fields the name \"" + written + "\" (one of them is " + name + ")");
    }
    if (reserve) {
      reserved.add(written);
    }
    return TextCaches.escaped(written);
  }

  /**
   * Reserves a name the format may write without a constant, or that its platform treats specially (GELF's
   * forbidden {@code _id}, Cloud Logging's {@code httpRequest}); call after every {@link #get}.
   *
   * @throws IllegalArgumentException when a rename already gave a field this name
   */
  void reserve(String name) {
    reserved.add(name);
    if (!taken.add(name)) {
      throw new IllegalArgumentException(
          "<renameField> gives a field the name \"" + name + "\", which this format keeps for its own use");
    }
  }

  Set<String> reserved() {
    return Collections.unmodifiableSet(new HashSet<>(reserved));
  }
}
