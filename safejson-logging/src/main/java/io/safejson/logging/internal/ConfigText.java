package io.safejson.logging.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * How {@link EncoderSettings} reads its text options: comma-separated lists, {@code name=value} pairs, blanks.
 * Thread-safe: stateless; every list returned is unmodifiable.
 */
final class ConfigText {
  private ConfigText() {}

  /** {@code first} (trimmed; none when null), then the other keys without it. */
  static List<String> firstThen(String first, List<String> others) {
    return append(first == null ? List.of() : List.of(first.trim()), others);
  }

  /** {@code list} then the keys of {@code more} it does not hold yet, as a new immutable list. */
  static List<String> append(List<String> list, List<String> more) {
    List<String> joined = new ArrayList<>(list);
    more.stream().filter(key -> !joined.contains(key)).forEach(joined::add);
    return List.copyOf(joined);
  }

  /** {@code list} and then {@code item} (null or repeated alike, reported by {@link #validate}), unmodifiable. */
  static List<String> plus(List<String> list, String item) {
    List<String> joined = new ArrayList<>(list);
    joined.add(item);
    return Collections.unmodifiableList(joined);
  }

  /** The non-blank, trimmed items of a comma-separated list. */
  static List<String> split(String commaSeparated) {
    List<String> items = new ArrayList<>();
    if (commaSeparated != null) {
      for (String item : commaSeparated.split(",")) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
    }
    return items;
  }

  static Map.Entry<String, String> pair(String text) {
    int equals = text == null ? -1 : text.indexOf('=');
    if (equals <= 0 || text.substring(0, equals).isBlank()) {
      return null;
    }
    return Map.entry(text.substring(0, equals).trim(), text.substring(equals + 1).trim());
  }

  static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  static String blankToNull(String text) {
    return isBlank(text) ? null : text.trim();
  }
}
