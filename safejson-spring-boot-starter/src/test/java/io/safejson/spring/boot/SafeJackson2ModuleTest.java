package io.safejson.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.safejson.SafeSerializer;
import io.safejson.spring.boot.app.AwkwardValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class SafeJackson2ModuleTest {
  private final SafeSerializer serializer = SafeSerializer.builder().redact("password").build();
  private final ObjectMapper mapper = new ObjectMapper().registerModule(new SafeJackson2Module(serializer));

  @Test
  void aJackson2MapperWithTheModuleWritesTheAwkwardValuesAsSafejsonDoes() throws Exception {
    assertThat(mapper.writeValueAsString(AwkwardValues.sample())).isEqualTo(AwkwardValues.SAFE_JSON);
  }

  @Test
  void interfaceTypedWritersReferencesAndNullGoThroughTheCoreToo() throws Exception {
    List<Object> list = new ArrayList<>(List.of(1, "two"));
    list.add(list); // a cycle plain Jackson would overflow on

    assertThat(mapper.writerFor(new TypeReference<List<Object>>() {}).writeValueAsString(list))
        .isEqualTo("[1,\"two\",\"[CYCLE]\"]");
    assertThat(mapper.writerFor(new TypeReference<Map<String, Object>>() {})
            .writeValueAsString(Map.of("password", "hunter2")))
        .isEqualTo("{\"password\":\"[REDACTED]\"}");
    assertThat(mapper.writeValueAsString(Optional.of(Double.NaN))).isEqualTo("null");
    assertThat(mapper.writeValueAsString(new double[] {1.5, Double.POSITIVE_INFINITY})).isEqualTo("[1.5,null]");
    assertThat(mapper.writeValueAsString(null)).isEqualTo("null");
  }

  @Test
  void classesWithTheirOwnJacksonAnnotationsAreWrittenByTheCoreRules() throws Exception {
    assertThat(mapper.writeValueAsBytes(new Wrapped("a\ud800b"))).isEqualTo(serializer.toJsonBytes(new Wrapped("a\ud800b")));
    assertThat(mapper.writeValueAsString(new Annotated(12))).isEqualTo(serializer.toJson(new Annotated(12)));
    assertThat(mapper.writeValueAsString(new Wrapped("a\ud800b"))).isEqualTo("\"a\ufffdb\"");
  }

  record Wrapped(String text) {
    @JsonValue
    String value() {
      return text;
    }
  }

  @JsonSerialize(using = ToStringSerializer.class)
  record Annotated(int amount) {}
}
