package io.safejson.kafka.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.safejson.Incident;
import io.safejson.SafeResult;
import io.safejson.SafeSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Serializes a value to UTF-8 bytes together with its incidents, in one pass and straight into bytes.
 *
 * <p>{@link SafeSerializer#serialize} is the core's only call that returns the incidents of one value, and it
 * returns a {@code String}: a record value then cost the text's chars, the {@code String}, and the encoder's
 * oversized scratch array before the bytes. This writes through {@link SafeSerializer#writerFor(JsonGenerator,
 * Consumer)} into a UTF-8 generator of the serializer's own {@link JsonFactory} instead, as
 * {@link SafeSerializer#toJsonBytes} does inside the core, so the bytes are the same as {@code toJsonBytes}'s
 * and the incidents the same as {@code serialize}'s, in the same order, after the serializer's own listener
 * has seen each one.
 *
 * <p>Two cases go through {@code serialize} instead: Jackson before 2.18 (its UTF-8 generator escapes
 * supplementary characters, so the core encodes its text output there too), and a failure the core's writer
 * does not absorb, where {@code serialize} writes the core's placeholder document and {@code FAILED} incident
 * (the serializer's listener then sees the incidents met before the failure twice).
 *
 * <p>Immutable and thread-safe.
 */
public final class BytesSerializer {
  /** Whether this Jackson writes supplementary characters as 4-byte UTF-8, as the core then does (2.18+). */
  private static final boolean DIRECT = hasFeature("COMBINE_UNICODE_SURROGATES_IN_UTF8");

  private final SafeSerializer serializer;
  private final JsonFactory factory;

  /** A serializer writing with {@code serializer}'s rules, limits and listener. */
  public BytesSerializer(SafeSerializer serializer) {
    this.serializer = serializer;
    // A copy of the factory the core writes with: same features, constraints and escapes (htmlSafe).
    this.factory = serializer.objectMapper().getFactory();
  }

  /** One value's UTF-8 JSON and the incidents of writing it (empty when nothing was fixed). */
  public record Serialized(byte[] json, List<Incident> incidents) {}

  /** Serializes {@code value}; never throws for a value. */
  public Serialized serialize(Object value) {
    if (!DIRECT) {
      return viaText(value);
    }
    Collector incidents = new Collector();
    BufferRecycler recycler = factory._getBufferRecycler();
    try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
      try (JsonGenerator generator = factory.createGenerator(out, JsonEncoding.UTF8)) {
        serializer.writerFor(generator, incidents).write(value);
      }
      byte[] json = out.toByteArray();
      out.release();
      return new Serialized(json, incidents.list());
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return viaText(value);
    } finally {
      recycler.releaseToPool();
    }
  }

  private Serialized viaText(Object value) {
    SafeResult result = serializer.serialize(value);
    return new Serialized(result.json().getBytes(StandardCharsets.UTF_8), result.incidents());
  }

  private static boolean hasFeature(String name) {
    try {
      JsonWriteFeature.valueOf(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Keeps one value's incidents; allocates nothing until the first. */
  private static final class Collector implements Consumer<Incident> {
    private List<Incident> incidents;

    @Override
    public void accept(Incident incident) {
      if (incidents == null) {
        incidents = new ArrayList<>(4);
      }
      incidents.add(incident);
    }

    List<Incident> list() {
      return incidents == null ? List.of() : incidents;
    }
  }
}
