package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.safejson.SafeSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

final class PooledScratchTest {
  private static final SafeSerializer SERIALIZER = SafeSerializer.defaults();
  private static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

  /** A date whose millis are read while it serializes another value with the same serializer. */
  static final class ReenteringDate extends Date {
    private static final long serialVersionUID = 1L;
    String inner;

    ReenteringDate(long millis) {
      super(millis);
    }

    @Override
    public long getTime() {
      inner = new String(SERIALIZER.toJsonBytes(List.of(ID, Instant.EPOCH)), StandardCharsets.UTF_8);
      return super.getTime();
    }
  }

  @Test
  void aValueSerializingAnotherWhileItIsFormattedKeepsBothOutputsWhole() {
    ReenteringDate date = new ReenteringDate(1_764_000_000_123L);
    String outer = new String(SERIALIZER.toJsonBytes(List.of(ID, date, ID)), StandardCharsets.UTF_8);
    assertEquals(
        "[\"123e4567-e89b-12d3-a456-426614174000\",\"2025-11-24T16:00:00.123Z\","
            + "\"123e4567-e89b-12d3-a456-426614174000\"]",
        outer);
    assertEquals("[\"123e4567-e89b-12d3-a456-426614174000\",\"1970-01-01T00:00:00Z\"]", date.inner);
  }

  @Test
  void callsInARowOnOneThreadEachFormatFromAFreshStart() {
    for (int i = 0; i < 3; i++) {
      assertEquals(
          "\"123e4567-e89b-12d3-a456-426614174000\"",
          new String(SERIALIZER.toJsonBytes(ID), StandardCharsets.UTF_8));
      assertEquals("\"1970-01-01T00:00:00.001Z\"", SERIALIZER.toJson(Instant.ofEpochMilli(1)));
    }
  }
}
