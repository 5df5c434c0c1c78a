package io.safejson.logging.internal;

import io.safejson.SafeText;
import java.util.Arrays;
import java.util.Locale;

/**
 * A structured argument: renders into the message through {@code toString()} and is written by the
 * encoder as a field. Immutable; thread-safe when its value is.
 *
 * @param key the field name
 * @param value the field value, written by SafeSerializer
 * @param showKey whether the message shows {@code key=value} or only the value
 */
public record KeyValueArgument(String key, Object value, boolean showKey) {
  @Override
  public String toString() {
    // The message cannot see the encoder's configuration; the default secret names at least never leak.
    String shown =
        key != null && SecretKeys.DEFAULTS.contains(key.toLowerCase(Locale.ROOT))
            ? SafeText.REDACTED
            : value instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(value);
    return showKey ? key + "=" + shown : shown;
  }
}
