package io.safejson.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.safejson.SafeResult;
import io.safejson.SafeSerializer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Serializes one chat message and a batch of {@value ChatMessages#BATCH_SIZE} with {@link SafeSerializer} and
 * with a plain Jackson {@link ObjectWriter}, to bytes, in the same run, next to Jackson's generator alone writing
 * safejson's bytes from pre-formatted values ({@link GeneratorFloor}), the least any of them can cost.
 *
 * <p>Naming convention (read by {@link ResultTable}): {@code safeJson<Case>} is the candidate and
 * {@code <competitor><Case>} (a lower-case prefix such as {@code jackson}) its baseline for the same case.
 */
// Gson 2.13.2 is deliberately absent: on Java 17 it throws JsonIOException ("Failed making field
// 'java.time.Instant#seconds' accessible", likewise for sun.nio.fs.UnixPath) for this input unless custom type
// adapters are registered, which would no longer be plain Gson.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SerializationBenchmark {
  private SafeSerializer safeJson;
  // The outputs differ, by design of each library: the Jackson baseline writes BigDecimal as a JSON number and
  // Path as a "file:///" URI (the competitor's behaviour), SafeSerializer a plain-notation string and the path
  // string. Path.toUri() on Unix stats the file to decide on a trailing slash, one syscall (~3 us on the
  // reference machine) per Path, which is a large share of Jackson's time per message here.
  private ObjectWriter jackson;
  // A hand-tuned Jackson as services write it after the first outage: Path as toString(), no file-system call.
  private ObjectWriter tuned;
  private ChatMessage message;
  private List<ChatMessage> batch;
  // Jackson's generator alone writing safejson's bytes from values formatted in setUp (see GeneratorFloor).
  private GeneratorFloor floor;
  private GeneratorFloor.Prepared floorMessage;
  private GeneratorFloor.Prepared[] floorBatch;

  /** Builds the serializers and inputs once, and fails fast if either serializer would not do real work. */
  @Setup
  public void setUp() throws JsonProcessingException {
    safeJson = SafeSerializer.defaults();
    jackson = newJacksonMapper().writer();
    tuned =
        newJacksonMapper()
            .registerModule(
                new com.fasterxml.jackson.databind.module.SimpleModule("path-as-string")
                    .addSerializer(
                        java.nio.file.Path.class,
                        new com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase(
                            java.nio.file.Path.class) {
                          @Override
                          public String valueToString(Object value) {
                            return value.toString();
                          }
                        }))
            .writer();
    message = ChatMessages.message(0);
    batch = ChatMessages.batch();
    requireClean(message);
    requireClean(batch);
    floor = new GeneratorFloor();
    floorMessage = GeneratorFloor.Prepared.of(message);
    floorBatch = batch.stream().map(GeneratorFloor.Prepared::of).toArray(GeneratorFloor.Prepared[]::new);
    requireSameBytes(safeJson.toJsonBytes(message), floor.toBytes(floorMessage));
    requireSameBytes(safeJson.toJsonBytes(batch), floor.toBytes(floorBatch));
    jackson.writeValueAsBytes(batch);
  }

  /** Returns the baseline mapper: jsr310 and jdk8 modules, dates as ISO-8601 strings. */
  static ObjectMapper newJacksonMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(new Jdk8Module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  private void requireClean(Object value) {
    SafeResult result = safeJson.serialize(value);
    if (!result.incidents().isEmpty()) {
      throw new IllegalStateException("SafeSerializer reported incidents for the input: " + result.incidents());
    }
  }

  private static void requireSameBytes(byte[] safe, byte[] floor) {
    if (!Arrays.equals(safe, floor)) {
      throw new IllegalStateException(
          "the generator floor does not write safejson's bytes:\n"
              + new String(safe, StandardCharsets.UTF_8)
              + "\n"
              + new String(floor, StandardCharsets.UTF_8));
    }
  }

  /** SafeSerializer, one message. */
  @Benchmark
  public byte[] safeJsonMessage() {
    return safeJson.toJsonBytes(message);
  }

  /** Plain Jackson, one message. */
  @Benchmark
  public byte[] jacksonMessage() throws JsonProcessingException {
    return jackson.writeValueAsBytes(message);
  }

  /** SafeSerializer, a list of {@value ChatMessages#BATCH_SIZE} messages. */
  @Benchmark
  public byte[] safeJsonBatch() {
    return safeJson.toJsonBytes(batch);
  }

  /** Plain Jackson, a list of {@value ChatMessages#BATCH_SIZE} messages. */
  @Benchmark
  public byte[] jacksonBatch() throws JsonProcessingException {
    return jackson.writeValueAsBytes(batch);
  }

  /** Hand-tuned Jackson (Path as its string), one message: the JSON-writing cost without Path.toUri(). */
  @Benchmark
  public byte[] tunedMessage() throws JsonProcessingException {
    return tuned.writeValueAsBytes(message);
  }

  /**
   * Jackson's generator alone writing safejson's bytes for one message from values formatted before the run: what
   * any serializer built on it pays at least.
   */
  @Benchmark
  public byte[] floorMessage() {
    return floor.toBytes(floorMessage);
  }

  /** Jackson's generator alone writing safejson's bytes for the batch from values formatted before the run. */
  @Benchmark
  public byte[] floorBatch() {
    return floor.toBytes(floorBatch);
  }

  /** Hand-tuned Jackson (Path as its string), a list of {@value ChatMessages#BATCH_SIZE} messages. */
  @Benchmark
  public byte[] tunedBatch() throws JsonProcessingException {
    return tuned.writeValueAsBytes(batch);
  }
}
