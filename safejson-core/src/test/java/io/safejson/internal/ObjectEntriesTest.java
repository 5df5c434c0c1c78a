package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.safejson.Incident;
import io.safejson.SafeResult;
import io.safejson.SafeSerializer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ObjectEntriesTest {
  private static List<String> incidents(SafeResult result) {
    return result.incidents().stream().map(i -> i.path() + " " + i.kind() + ": " + i.detail()).toList();
  }

  @Test
  void repairedKeyThatCollidesReportsTheRepairAndTheRename() {
    // Found by SafeSerializerFuzzTest: the rename used to replace the INVALID_STRING incident.
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a\uFFFD", 1);
    map.put("a\uD800", 2);

    SafeResult result = SafeSerializer.defaults().serialize(map);

    assertEquals("{\"a\uFFFD\":1,\"a\uFFFD~2\":2}", result.json());
    assertEquals(
        List.of(
            "$['a\uFFFD~2'] INVALID_STRING: lone surrogate in key at index 1",
            "$['a\uFFFD~2'] DUPLICATE_KEY: key 'a\uFFFD' already present; renamed"),
        incidents(result));
  }

  @Test
  void keyThatIsCutAndRepairedReportsBoth() {
    Map<String, Object> map = Map.of("\uDC00" + "b".repeat(20), 1);

    SafeResult result = SafeSerializer.builder().maxStringLength(16).build().serialize(map);

    assertEquals("{\"\uFFFD" + "b".repeat(15) + "...[TRUNCATED]\":1}", result.json());
    assertEquals(
        List.of(Incident.Kind.TRUNCATED, Incident.Kind.INVALID_STRING),
        result.incidents().stream().map(Incident::kind).toList());
  }
}
