package io.safejson.jackson3;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import io.safejson.Incident;
import io.safejson.SafeSerializer;
import io.safejson.buildtools.HostileValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

@StatisticsReport(onFailureOnly = true)
final class SafeJackson3Properties {
  private final SafeSerializer serializer = SafeSerializer.builder().maxStringLength(50_000).build();
  private final JsonMapper mapper = SafeJackson3.jsonMapper(serializer);

  @Provide
  Arbitrary<List<HostileValues.Part>> messages() {
    return HostileValues.messages(10_000, 200_000);
  }

  private static void collect(List<HostileValues.Part> parts) {
    for (HostileValues.Part part : parts) {
      Statistics.collect(part.kind);
    }
  }

  @Property(tries = 200)
  void theJackson3MappersBytesAreToJsonBytes(@ForAll("messages") List<HostileValues.Part> parts) {
    collect(parts);
    Map<String, Object> message = HostileValues.message(parts);
    List<Object> values = new ArrayList<>();
    parts.forEach(part -> values.add(part.value));

    String written = new String(mapper.writeValueAsBytes(message), StandardCharsets.UTF_8);
    assertValidJson(written);
    assertEquals(new String(serializer.toJsonBytes(message), StandardCharsets.UTF_8), written);
    assertEquals(serializer.toJson(values), mapper.writeValueAsString(values));
    assertEquals(serializer.toJson(values.get(0)), mapper.writeValueAsString(values.get(0)));
  }

  @Property(tries = 200)
  void theJackson3WriterWritesAndReportsAsTheJackson2Writer(
      @ForAll("messages") List<HostileValues.Part> parts) throws IOException {
    collect(parts);
    List<Incident> jackson3Incidents = new ArrayList<>();
    ByteArrayOutputStream jackson3 = new ByteArrayOutputStream();
    try (JsonGenerator generator = GeneratorWriterTest.jackson3Generator(jackson3)) {
      SafeJackson3.GeneratorWriter values = SafeJackson3.writerFor(serializer, generator, jackson3Incidents::add);
      generator.writeStartObject();
      for (int i = 0; i < parts.size(); i++) {
        generator.writeName("p" + i);
        values.write(parts.get(i).value);
      }
      generator.writeEndObject();
    }
    List<Incident> jackson2Incidents = new ArrayList<>();
    // Jackson 2 writes to chars: its UTF-8 generator escapes a surrogate pair (an emoji) as two escaped halves by
    // default where Jackson 3's writes the four bytes; that is the generators' setting, not safejson's output.
    StringWriter jackson2 = new StringWriter();
    try (com.fasterxml.jackson.core.JsonGenerator generator = new JsonFactory().createGenerator(jackson2)) {
      SafeSerializer.GeneratorWriter values = serializer.writerFor(generator, jackson2Incidents::add);
      generator.writeStartObject();
      for (int i = 0; i < parts.size(); i++) {
        generator.writeFieldName("p" + i);
        values.write(parts.get(i).value);
      }
      generator.writeEndObject();
    }

    assertValidJson(jackson3.toString(StandardCharsets.UTF_8));
    assertEquals(jackson2.toString(), jackson3.toString(StandardCharsets.UTF_8));
    assertEquals(jackson2Incidents, jackson3Incidents);
  }
}
