package io.safejson.kafka.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.safejson.Incident;
import io.safejson.SafeSerializer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class BytesSerializerTest {
  private static Map<String, Object> hostile() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("note", "lone \uD800 surrogate");
    value.put("score", Double.NaN);
    value.put("smile", "\uD83D\uDE00");
    return value;
  }

  @Test
  void theSerializersListenerSeesEachIncidentOnceAndTheResultHasThemInOrder() {
    List<Incident> heard = new ArrayList<>();
    SafeSerializer serializer = SafeSerializer.builder().onIncident(heard::add).build();

    BytesSerializer.Serialized result = new BytesSerializer(serializer).serialize(hostile());

    assertEquals(List.of("$.note", "$.score"), result.incidents().stream().map(Incident::path).toList());
    assertEquals(result.incidents(), heard);
    assertEquals("{\"note\":\"lone \uFFFD surrogate\",\"score\":null,\"smile\":\"\uD83D\uDE00\"}",
        new String(result.json(), StandardCharsets.UTF_8));
  }

  @Test
  void aListenerThatThrowsLosesNoIncidentOfTheResult() {
    SafeSerializer serializer = SafeSerializer.builder()
        .onIncident(incident -> {
          throw new IllegalStateException("listener bug");
        })
        .build();

    BytesSerializer.Serialized result = new BytesSerializer(serializer).serialize(hostile());

    assertEquals(SafeSerializer.defaults().serialize(hostile()).incidents(), result.incidents());
  }

  @Test
  void aCleanValueHasTheSharedEmptyListOfIncidents() {
    BytesSerializer.Serialized result = new BytesSerializer(SafeSerializer.defaults()).serialize(List.of("a", 1));

    assertSame(List.of(), result.incidents());
    assertEquals("[\"a\",1]", new String(result.json(), StandardCharsets.UTF_8));
  }
}
