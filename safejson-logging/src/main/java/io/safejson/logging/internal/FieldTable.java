package io.safejson.logging.internal;

import com.fasterxml.jackson.core.io.SerializedString;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A format's field table resolved against {@code <renameField>} and {@code <excludeField>}, in one step: the
 * rows to write, in order, each with its pre-encoded name (null when excluded), and the names user keys never
 * take, derived from the same rows. Immutable and thread-safe.
 */
final class FieldTable {
  private final Field[] rows;
  private final SerializedString[] names;
  private final SerializedString[] byPart = new SerializedString[Field.Part.values().length];
  private final Set<String> reserved;

  /**
   * Resolves {@code fields}.
   *
   * @throws IllegalArgumentException when a rename gives two fields one name, or a field a name the format
   *     reserves (the line would hold a duplicate key); the component reports it and does not start
   */
  FieldTable(List<Field> fields, Map<String, String> renames, Set<String> excludes) {
    Set<String> taken = new HashSet<>();
    Set<String> reservedNames = new HashSet<>();
    List<Field> written = new ArrayList<>();
    List<SerializedString> writtenNames = new ArrayList<>();
    for (Field field : fields) {
      if (field.use() == Field.Use.RESERVED) {
        continue;
      }
      String name = field.name() == null || excludes.contains(field.name())
          ? null : renames.getOrDefault(field.name(), field.name());
      if (name != null && !taken.add(name)) {
        throw new IllegalArgumentException(
            "<renameField> gives two fields the name \"" + name + "\" (one of them is " + field.name() + ")");
      }
      if (name != null && field.use() != Field.Use.SHARED) {
        reservedNames.add(name);
      }
      SerializedString escaped = name == null ? null : TextCaches.escaped(name);
      written.add(field);
      writtenNames.add(escaped);
      if (byPart[field.part().ordinal()] == null) {
        byPart[field.part().ordinal()] = escaped;
      }
    }
    for (Field field : fields) {
      if (field.use() == Field.Use.RESERVED) {
        reservedNames.add(field.name());
        if (!taken.add(field.name())) {
          throw new IllegalArgumentException("<renameField> gives a field the name \"" + field.name()
              + "\", which this format keeps for its own use");
        }
      }
    }
    this.rows = written.toArray(new Field[0]);
    this.names = writtenNames.toArray(new SerializedString[0]);
    this.reserved = Collections.unmodifiableSet(reservedNames);
  }

  /** How many rows are written (reserved-only names excluded). */
  int size() {
    return rows.length;
  }

  Field row(int index) {
    return rows[index];
  }

  /** The name row {@code index} is written under, or null when it is excluded (or a section of user fields). */
  SerializedString name(int index) {
    return names[index];
  }

  /** The name of the first row written as {@code part}, or null when there is none or it is excluded. */
  SerializedString name(Field.Part part) {
    return byPart[part.ordinal()];
  }

  /** Every top-level name the format may write or keeps for its platform: user keys never take one. */
  Set<String> reserved() {
    return reserved;
  }
}
