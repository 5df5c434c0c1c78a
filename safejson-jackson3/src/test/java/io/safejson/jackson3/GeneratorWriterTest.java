package io.safejson.jackson3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import io.safejson.Incident;
import io.safejson.SafeSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonWriteFeature;

final class GeneratorWriterTest {
  private final SafeSerializer serializer = SafeSerializer.defaults();

  /** A Jackson 3 generator that escapes like Jackson 2's (Jackson 3 escapes '/' by default). */
  static JsonGenerator jackson3Generator(OutputStream out) {
    return tools.jackson.core.json.JsonFactory.builder()
        .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
        .build()
        .createGenerator(ObjectWriteContext.empty(), out);
  }

  enum State {
    OPEN
  }

  @Test
  void valuesWrittenBetweenTheCallersOwnTokensAreTheCoresJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = jackson3Generator(out)) {
      SafeJackson3.GeneratorWriter values = SafeJackson3.writerFor(serializer, generator);
      generator.writeStartObject();
      generator.writeName("state");
      values.write(State.OPEN);
      generator.writeName("event");
      values.write(Values.hostileMap());
      generator.writeName("n");
      generator.writeNumber(1);
      generator.writeName("list");
      values.write(Values.list());
      generator.writeEndObject();
    }

    assertEquals(
        "{\"state\":\"OPEN\",\"event\":" + serializer.toJson(Values.hostileMap()) + ",\"n\":1,\"list\":"
            + serializer.toJson(Values.list()) + "}",
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void incidentsNameThePathFromTheCallersDocumentAsJackson2sWriterDoes() throws IOException {
    List<Incident> jackson3 = new ArrayList<>();
    try (JsonGenerator generator = jackson3Generator(OutputStream.nullOutputStream())) {
      SafeJackson3.GeneratorWriter values = SafeJackson3.writerFor(serializer, generator, jackson3::add);
      generator.writeStartObject();
      generator.writeName("event");
      generator.writeStartArray();
      generator.writeString("first");
      values.write(Values.hostileMap());
      generator.writeEndArray();
      generator.writeEndObject();
    }
    List<Incident> jackson2 = new ArrayList<>();
    try (com.fasterxml.jackson.core.JsonGenerator generator =
        new JsonFactory().createGenerator(OutputStream.nullOutputStream())) {
      SafeSerializer.GeneratorWriter values = serializer.writerFor(generator, jackson2::add);
      generator.writeStartObject();
      generator.writeFieldName("event");
      generator.writeStartArray();
      generator.writeString("first");
      values.write(Values.hostileMap());
      generator.writeEndArray();
      generator.writeEndObject();
    }

    assertEquals(
        List.of("$.event[1].score", "$.event[1].note", "$.event[1].loop.again"),
        jackson3.stream().map(Incident::path).toList());
    assertEquals(jackson2, jackson3);
  }

  @Test
  void theCallersCurrentValueIsSeenAsAnEnclosingValue() {
    Map<String, Object> event = Map.of("k", "v");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Incident> incidents = new ArrayList<>();
    try (JsonGenerator generator = jackson3Generator(out)) {
      SafeJackson3.GeneratorWriter values = SafeJackson3.writerFor(serializer, generator, incidents::add);
      generator.writeStartObject(event);
      generator.writeName("self");
      values.write(event);
      generator.writeEndObject();
    }

    assertEquals("{\"self\":\"[CYCLE]\"}", out.toString(StandardCharsets.UTF_8));
    assertEquals("$.self", incidents.get(0).path());
    assertEquals(Incident.Kind.CYCLE, incidents.get(0).kind());
  }

  @Test
  void maxDepthCountsFromWhereTheWriterWrites() {
    SafeSerializer shallow = SafeSerializer.builder().maxDepth(2).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = jackson3Generator(out)) {
      SafeJackson3.GeneratorWriter values = SafeJackson3.writerFor(shallow, generator);
      generator.writeStartArray();
      generator.writeStartArray();
      generator.writeStartArray();
      values.write(List.of(List.of(List.of("deep"))));
      generator.writeEndArray();
      generator.writeEndArray();
      generator.writeEndArray();
    }

    assertEquals("[[[[[\"[MAX_DEPTH]\"]]]]]", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void manyValuesAtTheRootAreSeparatedAsJackson3Separates() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = jackson3Generator(out)) {
      SafeJackson3.GeneratorWriter values = SafeJackson3.writerFor(serializer, generator);
      values.write(1);
      values.write("two");
      values.write(List.of(3));
    }

    assertEquals("1 \"two\" [3]", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void commonValuesAllocateNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    // Not a double: Jackson itself (2 and 3) formats one into a new String.
    Object[] common = {"text", 42, 7L, true, State.OPEN, null, "caf\u00e9 \u2615"};
    try (JsonGenerator generator = jackson3Generator(OutputStream.nullOutputStream())) {
      SafeJackson3.GeneratorWriter values = SafeJackson3.writerFor(serializer, generator);
      generator.writeStartArray();
      for (int i = 0; i < 20_000; i++) { // warm up the path
        values.write(common[i % common.length]);
      }
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 70_000; i++) {
        values.write(common[i % common.length]);
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      generator.writeEndArray();

      // The measurement itself allocates a little; a single allocation per value would be 70,000 x 16 bytes.
      assertTrue(allocated < 70_000, "allocated " + allocated + " bytes for 70,000 values");
    }
  }
}
