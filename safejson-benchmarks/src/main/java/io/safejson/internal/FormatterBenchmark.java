package io.safejson.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Writes one value of each common normalized type as a JSON string into a UTF-8 generator: formatted into a
 * reused char buffer (the table's {@link TextRule} char formats, {@link DecimalText}) against the JDK text the
 * same rule builds as its text format ({@code ScalarWriter.plain} for decimals). In package {@code io.safejson.internal} because the
 * formatters are package-private. Run it alone with {@code NO_README=1 safejson-benchmarks/run.sh Formatter}:
 * a full {@code run.sh} run would give it a README table like any other class.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FormatterBenchmark {
  private static final int VALUES = 64;

  @Param({
    "Instant", "OffsetDateTime", "ZonedDateTime", "LocalDateTime", "LocalDate", "LocalTime", "Duration", "UUID",
    "BigDecimal"
  })
  public String type;

  private Object[] values;
  private TextRule rule;
  private int next;
  private final char[] scratch = new char[FormattedText.MAX_CHARS];
  private JsonGenerator generator;

  /** Builds {@value #VALUES} distinct values of the type and a generator that discards its bytes. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Random random = new Random(7);
    Instant base = Instant.parse("2026-11-24T09:30:15.123456Z");
    values = new Object[VALUES];
    for (int i = 0; i < VALUES; i++) {
      Instant instant = base.plusNanos(random.nextInt(1_000_000_000) * 1_000L);
      values[i] = value(type, instant, random, i);
    }
    rule = values[0] instanceof BigDecimal
        ? null : (TextRule) NormalizationTable.ruleFor(values[0].getClass(), SafeConfig.DEFAULTS, null);
    generator = new JsonFactory().createGenerator(OutputStream.nullOutputStream(), JsonEncoding.UTF8);
    generator.writeStartArray();
  }

  private static Object value(String type, Instant instant, Random random, int i) {
    switch (type) {
      case "Instant":
        return instant;
      case "OffsetDateTime":
        return instant.atOffset(ZoneOffset.ofHours(i % 5 - 2));
      case "ZonedDateTime":
        return instant.atZone(ZoneId.of("Europe/Paris"));
      case "LocalDateTime":
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
      case "LocalDate":
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
      case "LocalTime":
        return LocalTime.ofInstant(instant, ZoneOffset.UTC);
      case "Duration":
        return Duration.ofMillis(random.nextInt(10_000_000));
      case "UUID":
        return new UUID(random.nextLong(), random.nextLong());
      case "BigDecimal":
        return new BigDecimal("0.000425").add(BigDecimal.valueOf(i, 6));
      default:
        throw new IllegalArgumentException(type);
    }
  }

  /** Closes the generator. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    generator.close();
  }

  private Object nextValue() {
    next = (next + 1) & (VALUES - 1);
    return values[next];
  }

  /** The fast path: formatted into the reused chars, handed to the generator. */
  @Benchmark
  public void safeJsonFormat() throws IOException {
    Object value = nextValue();
    int length =
        rule == null ? DecimalText.plain((BigDecimal) value, scratch) : rule.formatChars(value, scratch);
    generator.writeString(scratch, 0, length);
  }

  /** The JDK path: the text as a new String, handed to the generator. */
  @Benchmark
  public void jdkFormat() throws IOException {
    Object value = nextValue();
    String text = rule == null ? ScalarWriter.plain((BigDecimal) value) : rule.keyText(value);
    generator.writeString(text);
  }
}
