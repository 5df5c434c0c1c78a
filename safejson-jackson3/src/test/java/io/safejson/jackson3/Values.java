package io.safejson.jackson3;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/** The fixed values of the golden files and example tests. */
final class Values {
  private Values() {}

  /** golden/hostile-map.json: JDK value types, NaN, a lone surrogate, a cycle and an empty map. */
  static Map<String, Object> hostileMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    map.put("at", Instant.parse("2026-11-24T00:05:30Z"));
    map.put("cost", new BigDecimal("12.50"));
    map.put("score", Double.NaN);
    map.put("note", "a\uD800b");
    map.put("tags", List.of("x", "y/z"));
    Map<String, Object> loop = new LinkedHashMap<>();
    loop.put("name", "start");
    loop.put("again", loop);
    map.put("loop", loop);
    map.put("empty", Map.of());
    return map;
  }

  /** golden/list.json with maxDepth 2: a large long, control chars, and a list nested too deep. */
  static Object[] list() {
    return new Object[] {
      1, 9007199254740993L, 1.5f, Float.NaN, true, "\u0000\"\\", List.of(List.of("deep"))
    };
  }

  /** A bean whose second getter throws, as a lazy proxy's does: golden/failing-bean.json. */
  public static final class Failing {
    public String getOk() {
      return "fine";
    }

    public Object getBoom() {
      throw new IllegalStateException("lazy proxy not initialized");
    }
  }

  /** A class that names its own Jackson 3 serializer: the module still writes it as the core does. */
  @JsonSerialize(using = Shouting.class)
  public static final class Annotated {
    public String getName() {
      return "quiet";
    }
  }

  /** A class that names its own JSON value: the module still writes it as the core does (a bean). */
  public static final class Valued {
    public String getName() {
      return "bean";
    }

    @JsonValue
    public String asJson() {
      return "VALUE";
    }
  }

  /** The serializer {@link Annotated} asks for. */
  public static final class Shouting extends ValueSerializer<Annotated> {
    @Override
    public void serialize(Annotated value, JsonGenerator generator, SerializationContext context) {
      generator.writeString("LOUD");
    }
  }
}
