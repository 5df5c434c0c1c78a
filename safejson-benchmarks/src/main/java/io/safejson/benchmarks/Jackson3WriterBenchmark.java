package io.safejson.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import io.safejson.SafeSerializer;
import io.safejson.jackson3.SafeJackson3;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Writes the chat message's values, one {@code writerFor} call per field, into a reused generator, as a log
 * encoder writes an event's key-values: through the core's Jackson 2 {@link SafeSerializer#writerFor} into a
 * Jackson 2 generator, and through safejson-jackson3's {@link SafeJackson3#writerFor} into a Jackson 3 one, in the
 * same run. Each operation writes one object of ten fields into an output that is then emptied.
 *
 * <p>Naming convention (read by {@link ComparisonTable}): {@code jackson3<Case>} and {@code jackson2<Case>}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Jackson3WriterBenchmark {
  private final SafeSerializer serializer = SafeSerializer.defaults();
  private String[] names;
  private Object[] values;

  private ByteArrayOutputStream out2;
  private com.fasterxml.jackson.core.JsonGenerator generator2;
  private SafeSerializer.GeneratorWriter writer2;

  private ByteArrayOutputStream out3;
  private tools.jackson.core.JsonGenerator generator3;
  private SafeJackson3.GeneratorWriter writer3;

  /** Makes both generators once, and fails fast unless both write the same document. */
  @Setup
  public void setUp() throws IOException {
    ChatMessage message = ChatMessages.message(0);
    names = new String[] {
      "type", "id", "sentAt", "state", "cost", "attachment", "parts", "room", "user", "sequence"
    };
    values = new Object[] {
      message.type(), message.id(), message.sentAt(), message.state(), message.cost(), message.attachment(),
      message.parts(), message.room(), message.user(), message.sequence()
    };
    out2 = new ByteArrayOutputStream(4096);
    generator2 = new JsonFactory().createGenerator(out2);
    writer2 = serializer.writerFor(generator2);
    out3 = new ByteArrayOutputStream(4096);
    // Jackson 3 escapes '/' by default, Jackson 2 does not: the same setting on both, to compare like for like.
    generator3 = tools.jackson.core.json.JsonFactory.builder()
        .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
        .build()
        .createGenerator(ObjectWriteContext.empty(), out3);
    writer3 = SafeJackson3.writerFor(serializer, generator3);

    writeJackson2();
    String viaJackson2 = out2.toString(StandardCharsets.UTF_8);
    out2.reset();
    writeJackson3();
    String viaJackson3 = out3.toString(StandardCharsets.UTF_8);
    out3.reset();
    if (!viaJackson2.equals(viaJackson3) || !viaJackson2.contains("\"tokens\":22")) {
      throw new IllegalStateException("the writers differ:\n" + viaJackson2 + "\n" + viaJackson3);
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    generator2.close();
    generator3.close();
  }

  /** The core's writerFor into a Jackson 2 generator; returns the document (the output is then emptied). */
  @Benchmark
  public byte[] jackson2Message() throws IOException {
    writeJackson2();
    return drain(out2);
  }

  /** safejson-jackson3's writerFor into a Jackson 3 generator; returns the document (the output is then emptied). */
  @Benchmark
  public byte[] jackson3Message() {
    writeJackson3();
    return drain(out3);
  }

  private void writeJackson2() throws IOException {
    generator2.writeStartObject();
    for (int i = 0; i < names.length; i++) {
      generator2.writeFieldName(names[i]);
      writer2.write(values[i]);
    }
    generator2.writeEndObject();
    generator2.flush();
  }

  private void writeJackson3() {
    generator3.writeStartObject();
    for (int i = 0; i < names.length; i++) {
      generator3.writeName(names[i]);
      writer3.write(values[i]);
    }
    generator3.writeEndObject();
    generator3.flush();
  }

  /** A fixed small result, so the benchmark measures writing, not copying the document. */
  private static final byte[] SIZE = new byte[0];

  private static byte[] drain(ByteArrayOutputStream out) {
    if (out.size() == 0) {
      throw new IllegalStateException("nothing written");
    }
    out.reset();
    return SIZE;
  }
}
