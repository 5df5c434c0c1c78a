package io.safejson.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.SafeSerializer;
import io.safejson.buildtools.HostileValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/** Same bytes everywhere: Boot 3.5's Jackson 2 mapper with the starter's module writes {@code toJsonBytes}. */
@StatisticsReport(onFailureOnly = true)
final class SafeJackson2ModuleProperties {
  private final SafeSerializer serializer = SafeSerializer.builder().maxStringLength(50_000).build();
  private final ObjectMapper mapper = new ObjectMapper().registerModule(new SafeJackson2Module(serializer));

  private static final ObjectMapper PLAIN = new ObjectMapper();

  @Provide
  Arbitrary<List<HostileValues.Part>> messages() {
    return HostileValues.messages(10_000, 200_000);
  }

  @Property(tries = 200)
  void theJackson2MappersBytesAreToJsonBytes(@ForAll("messages") List<HostileValues.Part> parts)
      throws JsonProcessingException {
    List<Object> values = new ArrayList<>();
    for (HostileValues.Part part : parts) {
      Statistics.collect(part.kind);
      values.add(part.value);
    }
    Map<String, Object> message = HostileValues.message(parts);

    assertEquals(serializer.toJson(message), mapper.writeValueAsString(message));
    // As UTF-8 bytes, Jackson 2 (seen on 2.19) may write a surrogate pair that straddles its output segments as two
    // escapes, and the two paths cut their segments differently: the same document, not always the same bytes.
    try {
      assertEquals(PLAIN.readTree(serializer.toJsonBytes(message)), PLAIN.readTree(mapper.writeValueAsBytes(message)));
    } catch (java.io.IOException e) {
      throw new AssertionError("unreadable bytes", e);
    }
    assertEquals(serializer.toJson(values), mapper.writeValueAsString(values));
    assertEquals(serializer.toJson(values.get(0)), mapper.writeValueAsString(values.get(0)));
  }
}
