package io.safejson.kafka.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.safejson.SafeSerializer;
import org.junit.jupiter.api.Test;

/** Pins the core builder's {@code toString()} fields that shrinking reads. */
final class SerializerLimitsTest {
  @Test
  void theConfiguredLimitsAreRead() {
    SafeSerializer serializer = SafeSerializer.builder().maxStringLength(77).maxItems(5).maxValues(1234).build();
    assertEquals(new SerializerLimits(77, 5, 1234), SerializerLimits.of(serializer));
  }

  @Test
  void theDefaultsAreRead() {
    assertEquals(
        new SerializerLimits(
            SafeSerializer.DEFAULT_MAX_STRING_LENGTH, SafeSerializer.DEFAULT_MAX_ITEMS, SafeSerializer.DEFAULT_MAX_VALUES),
        SerializerLimits.of(SafeSerializer.defaults()));
  }
}
