package io.safejson.nats.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.safejson.SafeSerializer;
import org.junit.jupiter.api.Test;

final class SerializerLimitsTest {

  @Test
  void theDefaultsAreRead() {
    assertEquals(
        new SerializerLimits(
            SafeSerializer.DEFAULT_MAX_STRING_LENGTH, SafeSerializer.DEFAULT_MAX_ITEMS, SafeSerializer.DEFAULT_MAX_VALUES),
        SerializerLimits.of(SafeSerializer.defaults()));
  }

  @Test
  void anApplicationsOwnLimitsAreRead() {
    SafeSerializer chosen =
        SafeSerializer.builder().maxStringLength(123).maxItems(45).maxValues(6789).build();
    assertEquals(new SerializerLimits(123, 45, 6789), SerializerLimits.of(chosen));
  }
}
