package io.safejson.jackson3;

import io.safejson.Incident;
import io.safejson.SafeSerializer;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connects a {@link SafeSerializer} to Jackson 3: a module and a {@link JsonMapper} that write every value exactly
 * as {@link SafeSerializer#toJson} does, and a writer of values into a Jackson 3 generator.
 *
 * <pre>{@code
 * JsonMapper mapper = SafeJackson3.jsonMapper(serializer);
 * String json = mapper.writeValueAsString(order); // the chars of serializer.toJson(order)
 * }</pre>
 *
 * <p>Stateless; the module and mapper are thread-safe, a {@link GeneratorWriter} is not.
 */
public final class SafeJackson3 {
  /** Chars in a number token the mapper reads, as Jackson 2 and 3 allow by default. */
  static final int MAX_NUMBER_LENGTH = 1_000;

  private SafeJackson3() {}

  /**
   * Returns a module that makes a Jackson 3 mapper write every value, from the root, as {@code serializer}'s
   * {@link SafeSerializer#toJson} writes it (same bytes), never throwing for a value. Jackson 3 trees
   * ({@code tools.jackson.databind.JsonNode}, anywhere in a value) are written as the JSON they hold, as the core
   * writes them, with the rules it applies to a Jackson 2 tree.
   */
  public static JacksonModule module(SafeSerializer serializer) {
    return new SafeModule(Objects.requireNonNull(serializer, "serializer"));
  }

  /**
   * Returns a new Jackson 3 mapper that writes with {@link #module(SafeSerializer)} and reads with
   * {@code serializer}'s limits: nesting depth {@link SafeSerializer#maxDepth()}, string length
   * {@link SafeSerializer#maxStringLength()} (with room for the marker of a cut string), numbers of at most
   * 1,000 chars; duplicate keys and trailing tokens rejected, unknown properties ignored, no polymorphic typing.
   */
  public static JsonMapper jsonMapper(SafeSerializer serializer) {
    Objects.requireNonNull(serializer, "serializer");
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(serializer.maxDepth())
                    .maxStringLength(readableStringLength(serializer.maxStringLength()))
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    return JsonMapper.builder(factory)
        .addModule(module(serializer))
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  /** The string length a reader must accept: a string cut to {@code maxStringLength} plus its marker. */
  static int readableStringLength(int maxStringLength) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(maxStringLength + 64L, 1024L));
  }

  /**
   * Returns a writer of values into the Jackson 3 {@code generator}, the twin of
   * {@link SafeSerializer#writerFor(com.fasterxml.jackson.core.JsonGenerator)}: same values, incidents and
   * paths, and common values allocate nothing.
   *
   * <pre>{@code
   * SafeJackson3.GeneratorWriter values = SafeJackson3.writerFor(serializer, generator);
   * generator.writeStartObject();
   * generator.writeName("state");
   * values.write(ConnectionState.OPEN);
   * generator.writeEndObject();
   * }</pre>
   */
  public static GeneratorWriter writerFor(SafeSerializer serializer, JsonGenerator generator) {
    Objects.requireNonNull(serializer, "serializer");
    Jackson2Facade facade =
        new Jackson2Facade(Objects.requireNonNull(generator, "generator"), serializer);
    return new GeneratorWriter(facade, serializer.writerFor(facade));
  }

  /**
   * Like {@link #writerFor(SafeSerializer, JsonGenerator)}, also handing every incident of this writer's values
   * to {@code onIncident}, after the serializer's own listener.
   */
  public static GeneratorWriter writerFor(
      SafeSerializer serializer, JsonGenerator generator, Consumer<Incident> onIncident) {
    Objects.requireNonNull(serializer, "serializer");
    Jackson2Facade facade =
        new Jackson2Facade(Objects.requireNonNull(generator, "generator"), serializer);
    return new GeneratorWriter(
        facade, serializer.writerFor(facade, Objects.requireNonNull(onIncident, "onIncident")));
  }

  /**
   * Writes values into one Jackson 3 generator with a serializer's rules; made by {@link #writerFor}. Not
   * thread-safe: use it where the generator is used, one value at a time.
   */
  public static final class GeneratorWriter {
    private final Jackson2Facade facade;
    private final SafeSerializer.GeneratorWriter writer;

    GeneratorWriter(Jackson2Facade facade, SafeSerializer.GeneratorWriter writer) {
      this.facade = facade;
      this.writer = writer;
    }

    /**
     * Writes {@code value} at the generator's current position.
     *
     * @throws JacksonException only when the generator's output fails (or the generator is not at a
     *     position that takes a value)
     */
    public void write(Object value) {
      facade.syncWithGenerator();
      try {
        writer.write(value);
      } catch (IOException e) {
        throw JacksonIOException.construct(e);
      }
    }
  }
}
