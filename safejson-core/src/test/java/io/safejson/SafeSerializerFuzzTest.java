package io.safejson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.FuzzedGraph.Mood;
import io.safejson.buildtools.FuzzInput;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Currency;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link SafeSerializer}'s two directions.
 *
 * <p>{@code fromJson} (into a map, a list, a record of table types and a tree): returns or throws {@link
 * JsonReadException}, nothing else, within the timeout; what it returns is written back as valid JSON, and
 * as plain Jackson writes it whenever that write reported nothing.
 *
 * <p>{@code toJson} over graphs the fuzzer builds ({@link FuzzedGraph}): never throws, the output passes the
 * strict checker and Jackson reads it, the incidents are those the planted values call for (every hostile
 * value within reach is reported, nothing unplanted is), the listener hears the same incidents, the bytes are
 * the text's, and a root scalar is written as the README says.
 */
final class SafeSerializerFuzzTest {
  /** Input bound for the reader, well above libFuzzer's default input length of 4 KiB. */
  static final int MAX_INPUT = 64 * 1024;

  static final SafeSerializer READER = SafeSerializer.builder().maxInputLength(MAX_INPUT).build();

  private static final List<Incident> HEARD = new ArrayList<>();

  /** Chosen by the first input byte: the defaults, and every output option turned on. */
  private static final SafeSerializer[] WRITERS = {
    SafeSerializer.builder().maxDepth(FuzzedGraph.MAX_DEPTH).onIncident(HEARD::add).build(),
    SafeSerializer.builder()
        .maxDepth(FuzzedGraph.MAX_DEPTH)
        .decimalStyle(DecimalStyle.NUMBER)
        .largeIntegers(LargeIntegerStyle.STRING_WHEN_UNSAFE)
        .enumStyle(EnumStyle.LOWER_CASE)
        .sortKeys(true)
        .htmlSafe(true)
        .zone(ZoneId.of("Asia/Kolkata"))
        .onIncident(HEARD::add)
        .build()
  };

  /** Jackson as a consumer reads output: duplicate keys and trailing tokens refused, long numbers allowed. */
  private static final ObjectMapper JACKSON =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(100_000).build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private static final ObjectMapper PLAIN = new ObjectMapper();

  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  /** Every table type the reader knows, as a record: the shape a typed message has. */
  record Reading(
      String name,
      int count,
      long total,
      double ratio,
      BigDecimal cost,
      BigInteger big,
      Instant at,
      OffsetDateTime offset,
      ZonedDateTime zoned,
      LocalDate day,
      LocalDateTime local,
      LocalTime time,
      Duration took,
      Period period,
      Date date,
      Calendar calendar,
      UUID id,
      Mood mood,
      Path file,
      URI uri,
      Locale locale,
      ZoneId zone,
      InetAddress address,
      Currency currency,
      Class<?> kind,
      Optional<String> note,
      OptionalInt slot,
      byte[] blob,
      char[] letters,
      List<Integer> counts,
      Map<String, Instant> stamps,
      Map<UUID, Mood> moods,
      Reading child,
      Object any) {}

  @FuzzTest
  @Timeout(10)
  void fromJsonIntoAMapReturnsOrThrowsJsonReadException(byte[] input) throws Exception {
    Map<?, ?> value = readsOrRefuses(FuzzInput.text(input), Map.class);
    if (value != null) {
      writesBackWhatWasRead(value);
    }
  }

  @FuzzTest
  @Timeout(10)
  void fromJsonIntoAListReturnsOrThrowsJsonReadException(byte[] input) throws Exception {
    List<?> value = readsOrRefuses(FuzzInput.text(input), List.class);
    if (value != null) {
      writesBackWhatWasRead(value);
    }
  }

  @FuzzTest
  @Timeout(10)
  void fromJsonIntoARecordOfTableTypesReturnsOrThrowsJsonReadException(byte[] input) throws Exception {
    Reading value = readsOrRefuses(FuzzInput.text(input), Reading.class);
    if (value != null) {
      SafeResult written = READER.serialize(value);
      assertNull(StrictJson.problem(written.json()), written.json());
    }
  }

  @FuzzTest
  @Timeout(10)
  void fromJsonIntoATreeReturnsOrThrowsJsonReadException(byte[] input) throws Exception {
    JsonNode value = readsOrRefuses(FuzzInput.text(input), JsonNode.class);
    if (value != null) {
      writesBackWhatWasRead(value);
    }
  }

  @FuzzTest
  @Timeout(10)
  void toJsonWritesAnyGraphAsValidJsonAndReportsWhatWasPlanted(byte[] input) throws Exception {
    int style = input.length == 0 ? 0 : (input[0] & 0xFF) % WRITERS.length;
    SafeSerializer writer = WRITERS[style];
    FuzzedGraph graph = new FuzzedGraph(input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length));

    HEARD.clear();
    SafeResult result = writer.serialize(graph.root);
    String json = result.json();
    assertNull(StrictJson.problem(json), () -> json + "\nplanted: " + graph.plants());
    JsonNode parsed = JACKSON.readTree(json);

    EnumSet<Incident.Kind> reported = EnumSet.noneOf(Incident.Kind.class);
    for (Incident incident : result.incidents()) {
      reported.add(incident.kind());
      assertTrue(incident.path().startsWith("$"), incident::toString);
    }
    String story = "reported " + result.incidents() + "\nplanted " + graph.plants() + "\njson " + json;
    assertTrue(reported.containsAll(graph.expected()), () -> "expected " + graph.expected() + ", " + story);
    assertTrue(graph.allowed().containsAll(reported), () -> "allowed " + graph.allowed() + ", " + story);
    assertEquals(result.incidents(), HEARD, "the listener hears every incident once, in order");
    assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), writer.toJsonBytes(graph.root), json);

    rootIsWrittenAsDocumented(graph.root, parsed, style);
  }

  private static <T> T readsOrRefuses(String text, Class<T> type) {
    try {
      return READER.fromJson(text, type);
    } catch (JsonReadException e) {
      assertTrue(e.path().startsWith("$"), e::getMessage);
      assertTrue(e.getMessage().startsWith("Cannot read JSON at $"), e::getMessage);
      return null;
    }
  }

  /**
   * What was read is written back as valid JSON, meaning what plain Jackson writes for it unless an incident says
   * why not. Not the input text itself: a floating-point number is read as a {@code double}, as Jackson reads it,
   * so {@code 0.49999999999999999999999999} comes back as {@code 0.5} (found by this fuzz test, by design).
   */
  private static void writesBackWhatWasRead(Object value) throws Exception {
    SafeResult written = READER.serialize(value);
    assertNull(StrictJson.problem(written.json()), written.json());
    if (written.isClean()) {
      StrictJson.assertJsonEquals(PLAIN.writeValueAsString(value), written.json());
    }
  }

  private static void rootIsWrittenAsDocumented(Object root, JsonNode parsed, int style) {
    if (root instanceof String s) {
      assertEquals(repaired(s), parsed.textValue());
    } else if (root instanceof Instant || root instanceof UUID) {
      assertEquals(root.toString(), parsed.textValue());
    } else if (root instanceof Mood mood) {
      assertEquals(style == 0 ? mood.name() : mood.name().toLowerCase(Locale.ROOT), parsed.textValue());
    } else if (root instanceof BigDecimal d && style == 0) {
      assertEquals(normalized(d.unscaledValue(), -(long) d.scale()), normalized(parsed.textValue()),
          () -> d + " written as " + parsed);
    } else if (root instanceof Double d && Double.isFinite(d)) {
      assertEquals(d, parsed.doubleValue(), () -> d + " written as " + parsed);
    } else if (root instanceof Long l) {
      boolean asString = style == 1 && (l > MAX_SAFE_INTEGER || l < -MAX_SAFE_INTEGER);
      assertEquals(asString, parsed.isTextual(), () -> l + " written as " + parsed);
      assertEquals(l.toString(), parsed.asText());
    }
  }

  /**
   * The value of a decimal text as digits (no trailing zeros) and a power of ten, in a long: {@code new
   * BigDecimal(text)} cannot read back what {@code BigDecimal.toString()} writes once the exponent passes an int.
   */
  private static List<Object> normalized(String text) {
    int e = text.indexOf('E');
    String mantissa = e < 0 ? text : text.substring(0, e);
    long exponent = e < 0 ? 0 : Long.parseLong(text.substring(e + 1));
    int point = mantissa.indexOf('.');
    if (point >= 0) {
      exponent -= mantissa.length() - point - 1;
      mantissa = mantissa.substring(0, point) + mantissa.substring(point + 1);
    }
    return normalized(new BigInteger(mantissa), exponent);
  }

  private static List<Object> normalized(BigInteger digits, long exponent) {
    if (digits.signum() == 0) {
      return List.of(BigInteger.ZERO, 0L);
    }
    while (digits.mod(BigInteger.TEN).signum() == 0) {
      digits = digits.divide(BigInteger.TEN);
      exponent++;
    }
    return List.of(digits, exponent);
  }

  /** Each lone surrogate replaced by U+FFFD, as the README promises; pairs kept. */
  private static String repaired(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }
}
