package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;
import io.safejson.Incident;
import io.safejson.SafeSerializer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The public mapper routes every kind of type Jackson asks about to safejson's writer. NaN tells the two
 * apart: Jackson alone writes it as a bare {@code NaN} token, safejson as {@code null} with an incident.
 */
final class SafeValueSerializerTest {

  @Test
  void mapsCollectionsArraysAndReferencesAreAllWrittenBySafejson() throws Exception {
    List<Incident> heard = new ArrayList<>();
    ObjectMapper mapper = SafeSerializer.builder().sortKeys(true).onIncident(heard::add).build().objectMapper();
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("b", Double.NaN);
    map.put("a", 1);
    assertEquals("{\"a\":1,\"b\":null}", mapper.writeValueAsString(map));
    assertEquals("[null]", mapper.writeValueAsString(List.of(Double.NaN)));
    assertEquals("[null]", mapper.writeValueAsString(new double[] {Double.NaN}));
    assertEquals("[null]", mapper.writeValueAsString(new Double[] {Double.NaN}));
    assertEquals("null", mapper.writeValueAsString(Optional.of(Double.NaN)));
    assertEquals("null", mapper.writeValueAsString(new AtomicReference<>(Double.NaN)));
    assertEquals("null", mapper.writeValueAsString(Double.NaN));
    assertEquals(7, heard.size(), "each NaN reached the listener once");
    assertEquals("$.b", heard.get(0).path());
  }

  /** Not final, so that NON_FINAL typing applies to it. */
  public static class Holder {
    public double getValue() {
      return Double.NaN;
    }
  }

  @Test
  void typeInformationJacksonWouldAddIsLeftToTheValuesOwnRules() throws Exception {
    ObjectMapper mapper = SafeSerializer.defaults().objectMapper();
    mapper.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL);
    assertEquals("[1,\"x\"]", mapper.writeValueAsString(new ArrayList<>(List.of(1, "x"))));
    assertEquals("{\"value\":null}", mapper.writeValueAsString(new Holder()));
  }
}
