package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.safejson.Incident;
import io.safejson.LargeIntegerStyle;
import io.safejson.SafeResult;
import io.safejson.SafeSerializer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code long} and {@code int} getters, read without boxing, write exactly what their boxed values would. */
final class PrimitivePropertiesTest {

  /** A long beyond JavaScript's safe integers, a negative int and a text. */
  public record Counters(long big, int small, String name) {}

  /** Zeros under {@code NON_DEFAULT}: a boxed number is never left out, so neither is the primitive. */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public record Zeros(long big, int small) {}

  /** A long getter that throws, then an int property. */
  @JsonPropertyOrder({"reading", "after"})
  public static final class Broken {
    public long getReading() {
      throw new IllegalStateException("sensor offline");
    }

    public int getAfter() {
      return 3;
    }
  }

  private static final Counters COUNTERS = new Counters(9_007_199_254_740_993L, -7, "x");

  private static String json(SafeSerializer serializer, Object value) {
    String text = serializer.toJson(value);
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), serializer.toJsonBytes(value), text);
    return text;
  }

  @Test
  void longAndIntGettersAreWrittenAsNumbersOnEveryCall() {
    SafeSerializer serializer = SafeSerializer.defaults();
    for (int i = 0; i < 3; i++) {
      assertEquals("{\"big\":9007199254740993,\"small\":-7,\"name\":\"x\"}", json(serializer, COUNTERS));
    }
    assertEquals("{\"big\":0,\"small\":0}", json(serializer, new Zeros(0, 0)));
  }

  @Test
  void anUnsafeLongBecomesAStringWhenTheSerializerAsksForIt() {
    SafeSerializer serializer =
        SafeSerializer.builder().largeIntegers(LargeIntegerStyle.STRING_WHEN_UNSAFE).build();
    assertEquals("{\"big\":\"9007199254740993\",\"small\":-7,\"name\":\"x\"}", json(serializer, COUNTERS));
  }

  @Test
  void aConverterForTheBoxedClassStillReplacesThePrimitive() {
    SafeSerializer serializer =
        SafeSerializer.builder()
            .addConverter(Long.class, v -> "L" + v)
            .addConverter(Integer.class, v -> "I" + v)
            .build();
    assertEquals(
        "{\"big\":\"L9007199254740993\",\"small\":\"I-7\",\"name\":\"x\"}", json(serializer, COUNTERS));
  }

  @Test
  void aRedactedPrimitiveIsReplacedByTheMarker() {
    SafeSerializer serializer = SafeSerializer.builder().redact("big", "small").build();
    assertEquals("{\"big\":\"[REDACTED]\",\"small\":\"[REDACTED]\",\"name\":\"x\"}", json(serializer, COUNTERS));
  }

  @Test
  void aPrimitivePastMaxValuesIsTruncatedAndReportedOnce() {
    SafeResult result = SafeSerializer.builder().maxValues(2).build().serialize(COUNTERS);
    assertEquals("{\"big\":9007199254740993,\"small\":\"[TRUNCATED]\"}", result.json());
    List<Incident> incidents = result.incidents();
    assertEquals(1, incidents.size(), incidents.toString());
    assertEquals(Incident.Kind.TRUNCATED, incidents.get(0).kind());
    assertEquals("java.lang.Integer", incidents.get(0).type());
    assertEquals("$.small", incidents.get(0).path());
  }

  @Test
  void aThrowingPrimitiveGetterIsReplacedAndTheNextPropertyIsWritten() {
    SafeResult result = SafeSerializer.defaults().serialize(new Broken());
    assertEquals("{\"reading\":\"[FAILED]\",\"after\":3}", result.json());
    assertEquals(Incident.Kind.FAILED, result.incidents().get(0).kind());
    assertEquals("$.reading", result.incidents().get(0).path());
  }
}
