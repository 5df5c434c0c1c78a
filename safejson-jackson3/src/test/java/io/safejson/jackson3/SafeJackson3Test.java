package io.safejson.jackson3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.safejson.SafeSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

final class SafeJackson3Test {
  private final SafeSerializer serializer = SafeSerializer.defaults();
  private final JsonMapper mapper = JsonMapper.builder().addModule(SafeJackson3.module(serializer)).build();

  private static byte[] golden(String name) throws IOException {
    try (InputStream in = SafeJackson3Test.class.getResourceAsStream("/golden/" + name)) {
      return in.readAllBytes();
    }
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void aHostileMapIsWrittenAsTheGoldenFileAndAsToJsonBytes() throws IOException {
    byte[] expected = golden("hostile-map.json");

    assertEquals(text(expected), text(mapper.writeValueAsBytes(Values.hostileMap())));
    assertArrayEquals(expected, serializer.toJsonBytes(Values.hostileMap()), "the golden file is toJson's");
    assertEquals(text(expected), mapper.writeValueAsString(Values.hostileMap()));
  }

  @Test
  void anArrayCutAtMaxDepthIsWrittenAsTheGoldenFile() throws IOException {
    SafeSerializer shallow = SafeSerializer.builder().maxDepth(2).build();
    JsonMapper mapper = SafeJackson3.jsonMapper(shallow);

    assertEquals(text(golden("list.json")), text(mapper.writeValueAsBytes(Values.list())));
    assertEquals(text(golden("list.json")), shallow.toJson(Values.list()));
  }

  @Test
  void aThrowingGetterIsWrittenAsTheGoldenFileInsteadOfFailingTheMapper() throws IOException {
    assertEquals(text(golden("failing-bean.json")), mapper.writeValueAsString(new Values.Failing()));
  }

  @Test
  void aClassWithItsOwnJackson3SerializerIsStillWrittenByTheCore() {
    JsonMapper plain = JsonMapper.builder().build();

    assertEquals("\"LOUD\"", plain.writeValueAsString(new Values.Annotated()), "Jackson 3 alone uses it");
    assertEquals("{\"name\":\"quiet\"}", mapper.writeValueAsString(new Values.Annotated()));
    assertEquals("\"VALUE\"", plain.writeValueAsString(new Values.Valued()), "Jackson 3 alone uses it");
    assertEquals(serializer.toJson(new Values.Valued()), mapper.writeValueAsString(new Values.Valued()));
  }

  @Test
  void containersJackson3WouldWalkAreWrittenByTheCoreFromTheRoot() {
    Map<Object, Object> keys = new LinkedHashMap<>();
    keys.put(null, "null key");
    keys.put(1.5, "double key");
    keys.put("\uDC00", Double.POSITIVE_INFINITY);
    List<Object> list = new ArrayList<>(List.of(keys, Values.hostileMap()));
    list.add(list);

    assertEquals(serializer.toJson(list), mapper.writeValueAsString(list));
    assertEquals(serializer.toJson(List.of(list)), mapper.writeValueAsString(List.of(list)));
    assertEquals(
        "[{\"null\":\"null key\",\"1.5\":\"double key\",\"\uFFFD\":null}]",
        mapper.writeValueAsString(List.of(keys)));
  }

  @Test
  void aValueWrittenInsideTheCallersDocumentIsTheCoresJsonThere() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = mapper.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeName("event");
      mapper.writeValue(generator, Values.hostileMap());
      generator.writeEndObject();
    }

    assertEquals(
        "{\"event\":" + serializer.toJson(Values.hostileMap()) + "}", text(out.toByteArray()));
  }

  @Test
  void nullAndScalarsAtTheRootAreToJsons() {
    for (Object value : new Object[] {null, "x/y", 42, Long.MIN_VALUE, Double.NaN, 'c', new int[] {1, 2}}) {
      assertEquals(serializer.toJson(value), mapper.writeValueAsString(value), String.valueOf(value));
    }
  }

  @Test
  void jsonMapperReadsBackWhatItWrote() {
    JsonMapper mapper = SafeJackson3.jsonMapper(serializer);

    Object read = mapper.readValue(mapper.writeValueAsString(Values.hostileMap()), Object.class);

    assertEquals(serializer.toJsonValue(Values.hostileMap()), read);
  }

  @Test
  void jsonMapperRejectsDuplicateKeysAndTrailingTokens() {
    JsonMapper mapper = SafeJackson3.jsonMapper(serializer);

    assertThrows(JacksonException.class, () -> mapper.readValue("{\"a\":1,\"a\":2}", Map.class));
    assertThrows(JacksonException.class, () -> mapper.readValue("{\"a\":1} {}", Map.class));
    assertThrows(JacksonException.class, () -> mapper.readValue("[1] x", Object.class));
  }

  @Test
  void jsonMapperReadsWithTheSerializersDepthStringAndNumberLimits() {
    SafeSerializer small = SafeSerializer.builder().maxDepth(3).maxStringLength(2_000).build();
    JsonMapper mapper = SafeJackson3.jsonMapper(small);
    String longest = "x".repeat(2_000 + 64);

    assertEquals(List.of(List.of(List.of())), mapper.readValue("[[[]]]", Object.class));
    assertThrows(JacksonException.class, () -> mapper.readValue("[[[[]]]]", Object.class));
    assertEquals(longest, mapper.readValue("\"" + longest + "\"", String.class));
    assertThrows(JacksonException.class, () -> mapper.readValue("\"" + longest + "x\"", String.class));
    String digits = "1".repeat(1_000);
    assertEquals(digits, mapper.readValue(digits, java.math.BigInteger.class).toString());
    assertThrows(JacksonException.class, () -> mapper.readValue(digits + "1", java.math.BigInteger.class));
  }

  @Test
  void jsonMapperReadsTheLengthOfAStringTheSerializerCut() {
    SafeSerializer small = SafeSerializer.builder().maxStringLength(5_000).build();
    JsonMapper mapper = SafeJackson3.jsonMapper(small);
    String cut = mapper.writeValueAsString("y".repeat(10_000));

    assertEquals("y".repeat(5_000) + "...[TRUNCATED]", mapper.readValue(cut, String.class));
  }

  /** A type that a polymorphic reader would instantiate from a class name in the document. */
  public record Holder(Object content) {}

  @Test
  void jsonMapperHasNoPolymorphicTypingAndIgnoresUnknownProperties() {
    JsonMapper mapper = SafeJackson3.jsonMapper(serializer);

    Holder holder =
        mapper.readValue(
            "{\"content\":[\"java.io.File\",\"/etc/passwd\"],\"extra\":1}", Holder.class);

    assertInstanceOf(List.class, holder.content());
    assertEquals(List.of("java.io.File", "/etc/passwd"), holder.content());
  }

  @Test
  void aNullArgumentIsRejectedByName() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> SafeJackson3.module(null));
    assertEquals("serializer", e.getMessage());
  }
}
