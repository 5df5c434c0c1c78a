package io.safejson.internal;

import io.safejson.DecimalStyle;
import io.safejson.EnumStyle;
import io.safejson.Incident;
import io.safejson.LargeIntegerStyle;
import io.safejson.SafeSerializer;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Builds {@link SafeConfig}s for tests of the engine's parts, with the public defaults unless told. */
final class TestConfigs {
  private TestConfigs() {}

  /** The settings of {@code SafeSerializer.defaults()}. */
  static SafeConfig defaults() {
    return listeningTo(null);
  }

  /** The default settings with an incident listener (null for none). */
  static SafeConfig listeningTo(Consumer<Incident> listener) {
    return new SafeConfig(
        EnumStyle.NAME,
        DecimalStyle.STRING,
        LargeIntegerStyle.NUMBER,
        null,
        SafeSerializer.DEFAULT_MAX_DEPTH,
        SafeSerializer.DEFAULT_MAX_STRING_LENGTH,
        SafeSerializer.DEFAULT_MAX_ITEMS,
        SafeSerializer.DEFAULT_MAX_VALUES,
        SafeSerializer.DEFAULT_MAX_INPUT_LENGTH,
        Set.of(),
        false,
        false,
        listener,
        List.of(),
        List.of());
  }
}
