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
    if (excludes.contains(name)) {
      return null;
    }
    String written = renames.getOrDefault(name, name);
    if (!reserved.add(written)) {
      throw new IllegalArgumentException(
          "<renameField> gives two fields the name \"" + written + "\" (one of them is " + name + ")");
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
    if (!reserved.add(name)) {
      throw new IllegalArgumentException(
          "<renameField> gives a field the name \"" + name + "\", which this format keeps for its own use");
    }
  }

  Set<String> reserved() {
    return Collections.unmodifiableSet(new HashSet<>(reserved));
  }
}
