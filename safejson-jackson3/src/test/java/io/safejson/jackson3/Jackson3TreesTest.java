package io.safejson.jackson3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.Incident;
import io.safejson.SafeSerializer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

final class Jackson3TreesTest {
  private static final String TEXT =
      "{\"a\":1,\"b\":[true,\"x/y\",null,1.5,12345678901234567890],\"c\":{\"d\":\"e\"},\"f\":{}}";

  private final List<Incident> incidents = new ArrayList<>();
  private final SafeSerializer serializer = SafeSerializer.builder().onIncident(incidents::add).build();
  private final JsonMapper mapper = SafeJackson3.jsonMapper(serializer);
  private final JsonNode tree = JsonMapper.builder().build().readTree(TEXT);

  @Test
  void aJackson3TreeIsWrittenAsTheJsonItHolds() {
    assertEquals(TEXT, mapper.writeValueAsString(tree));
    assertEquals("{\"tree\":" + TEXT + "}", mapper.writeValueAsString(Map.of("tree", tree)));
    assertEquals("[" + TEXT + "]", mapper.writeValueAsString(List.of(tree)));
  }

  @Test
  void aJackson3TreeIsWrittenAsTheCoreWritesTheSameJackson2Tree() throws Exception {
    com.fasterxml.jackson.databind.JsonNode jackson2 = new ObjectMapper().readTree(TEXT);

    assertEquals(serializer.toJson(jackson2), mapper.writeValueAsString(tree));
  }

  @Test
  void aJackson3TreeGetsTheCoresDepthAndNumberRules() {
    ArrayNode deep = JsonNodeFactory.instance.arrayNode();
    ArrayNode inner = deep;
    for (int i = 0; i < 150; i++) {
      inner = inner.addArray();
    }
    ObjectNode hostile = JsonNodeFactory.instance.objectNode();
    hostile.put("nan", Double.NaN);
    hostile.set("deep", deep);

    String json = mapper.writeValueAsString(hostile);

    assertEquals(
        "{\"nan\":null,\"deep\":" + "[".repeat(99) + "\"[MAX_DEPTH]\"" + "]".repeat(99) + "}", json);
    assertEquals(
        List.of(Incident.Kind.NON_FINITE, Incident.Kind.MAX_DEPTH),
        incidents.stream().map(Incident::kind).toList());
  }

  @Test
  void theWriterWritesAJackson3TreeAsTheJsonItHolds() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = GeneratorWriterTest.jackson3Generator(out)) {
      SafeJackson3.GeneratorWriter values = SafeJackson3.writerFor(serializer, generator);
      generator.writeStartObject();
      generator.writeName("tree");
      values.write(tree);
      generator.writeEndObject();
    }

    assertEquals("{\"tree\":" + TEXT + "}", out.toString(StandardCharsets.UTF_8));
  }
}
