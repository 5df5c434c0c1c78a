package io.safejson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Currency;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Pins every row of the README's normalization table with expectations written by hand from the spec. */
final class NormalizationTableTest {
  private static final SafeSerializer JSON = SafeSerializer.defaults();
  private static final Instant INSTANT = Instant.parse("2026-11-24T00:05:30.123Z");

  enum ConnectionState {
    CONNECTED,
    RECONNECTING
  }

  enum Priority {
    HIGH("high!");

    private final String wire;

    Priority(String wire) {
      this.wire = wire;
    }

    @JsonValue
    String wire() {
      return wire;
    }
  }

  private static void assertClean(String expectedJson, Object value) {
    SafeResult result = JSON.serialize(value);
    assertEquals(expectedJson, result.json(), () -> "for " + value);
    assertEquals(List.of(), result.incidents(), () -> "incidents for " + value);
  }

  @Test
  void instantsAndLegacyDatesAreIsoUtcWithoutLosingPrecision() {
    assertClean("\"2026-11-24T00:05:30.123Z\"", INSTANT);
    assertClean("\"2026-11-24T00:05:30.123456789Z\"", INSTANT.plusNanos(456_789));
    assertClean("\"2026-11-24T00:05:30.123Z\"", Date.from(INSTANT));
    Timestamp timestamp = Timestamp.from(INSTANT.plusNanos(456_789));
    assertClean("\"2026-11-24T00:05:30.123456789Z\"", timestamp);
    Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("Europe/Paris"));
    calendar.setTimeInMillis(INSTANT.toEpochMilli());
    assertClean("\"2026-11-24T00:05:30.123Z\"", calendar);
  }

  @Test
  void offsetAndZonedDateTimesKeepTheirOffsetWithoutZoneSuffix() {
    assertClean(
        "\"2026-11-24T02:05:30.123+02:00\"", OffsetDateTime.parse("2026-11-24T02:05:30.123+02:00"));
    assertClean(
        "\"2026-11-24T01:05:30.123+01:00\"",
        ZonedDateTime.ofInstant(INSTANT, ZoneId.of("Europe/Paris")));
  }

  @Test
  void zoneOptionMovesOffsetAndZonedValuesToThatZone() {
    SafeSerializer utc = SafeSerializer.builder().zone(ZoneOffset.UTC).build();
    assertEquals(
        "\"2026-11-24T00:05:30.123Z\"",
        utc.toJson(OffsetDateTime.parse("2026-11-24T02:05:30.123+02:00")));
    SafeSerializer tokyo = SafeSerializer.builder().zone(ZoneId.of("Asia/Tokyo")).build();
    assertEquals(
        "\"2026-11-24T09:05:30.123+09:00\"",
        tokyo.toJson(ZonedDateTime.ofInstant(INSTANT, ZoneId.of("Europe/Paris"))));
    assertEquals("\"2026-11-24T00:05:30.123Z\"", tokyo.toJson(INSTANT), "instants stay UTC");
  }

  @Test
  void localDateTimeTypesAreIsoStrings() {
    assertClean("\"2026-11-24T10:15:00\"", LocalDateTime.of(2026, 11, 24, 10, 15));
    assertClean("\"2026-11-24\"", LocalDate.of(2026, 11, 24));
    assertClean("\"10:15:00\"", LocalTime.of(10, 15));
    assertClean("\"10:15:30.5+02:00\"", OffsetTime.of(10, 15, 30, 500_000_000, ZoneOffset.ofHours(2)));
    assertClean("\"2026\"", Year.of(2026));
    assertClean("\"2026-11\"", YearMonth.of(2026, 11));
    assertClean("\"--11-24\"", MonthDay.of(11, 24));
    assertClean("\"2026-11-24\"", java.sql.Date.valueOf(LocalDate.of(2026, 11, 24)));
  }

  @Test
  void durationsAndPeriodsAreIso() {
    assertClean("\"PT1M30S\"", Duration.ofSeconds(90));
    assertClean("\"P1Y2M3D\"", Period.of(1, 2, 3));
  }

  @Test
  void zonesLocalesCurrenciesCharsetsAndClassesAreStrings() {
    assertClean("\"Europe/Paris\"", ZoneId.of("Europe/Paris"));
    assertClean("\"+02:00\"", ZoneOffset.ofHours(2));
    assertClean("\"en-US\"", Locale.US);
    assertClean("\"EUR\"", Currency.getInstance("EUR"));
    assertClean("\"UTF-8\"", StandardCharsets.UTF_8);
    assertClean("\"java.lang.String\"", String.class);
    assertClean("\"UTC\"", TimeZone.getTimeZone("UTC"));
  }

  @Test
  void uuidIsLowercaseCanonical() {
    assertClean(
        "\"123e4567-e89b-12d3-a456-426614174000\"",
        UUID.fromString("123E4567-E89B-12D3-A456-426614174000"));
  }

  @Test
  void enumsAreNamesUnlessJsonValueSaysOtherwise() {
    assertClean("\"CONNECTED\"", ConnectionState.CONNECTED);
    assertClean("\"high!\"", Priority.HIGH);
    assertEquals(
        "\"reconnecting\"",
        SafeSerializer.builder()
            .enumStyle(EnumStyle.LOWER_CASE)
            .build()
            .toJson(ConnectionState.RECONNECTING));
  }

  @Test
  void bigDecimalsArePlainStringsKeepingScale() {
    assertClean("\"12.50\"", new BigDecimal("12.50"));
    assertClean("\"1000\"", new BigDecimal("1E+3"));
    assertClean("\"0.000001\"", new BigDecimal("1E-6"));
    SafeSerializer numbers = SafeSerializer.builder().decimalStyle(DecimalStyle.NUMBER).build();
    assertEquals("12.50", numbers.toJson(new BigDecimal("12.50")));
    assertEquals("1000", numbers.toJson(new BigDecimal("1E+3")));
  }

  @Test
  void hugeExponentsStayCompactInsteadOfExpandingToMegabytes() {
    String json = JSON.toJson(new BigDecimal("1E+100000000"));
    assertEquals("\"1E+100000000\"", json);
  }

  @Test
  void longsAndBigIntegersAreNumbersOrStringsWhenUnsafe() {
    assertClean("9007199254740993", 9_007_199_254_740_993L);
    assertClean("123456789012345678901234567890", new BigInteger("123456789012345678901234567890"));
    SafeSerializer js = SafeSerializer.builder().largeIntegers(LargeIntegerStyle.STRING_WHEN_UNSAFE).build();
    assertEquals("9007199254740991", js.toJson(9_007_199_254_740_991L), "2^53-1 is still safe");
    assertEquals("\"9007199254740992\"", js.toJson(9_007_199_254_740_992L));
    assertEquals("-9007199254740991", js.toJson(-9_007_199_254_740_991L));
    assertEquals("\"-9007199254740992\"", js.toJson(-9_007_199_254_740_992L));
    assertEquals("\"123456789012345678901234567890\"", js.toJson(new BigInteger("123456789012345678901234567890")));
    assertEquals("\"9007199254740993\"", js.toJson(new AtomicLong(9_007_199_254_740_993L)));
  }

  @Test
  void nanAndInfinitiesBecomeNullWithAnIncident() {
    for (Object value : List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY)) {
      SafeResult result = JSON.serialize(value);
      assertEquals("null", result.json());
      assertEquals(1, result.incidents().size());
      assertEquals(Incident.Kind.NON_FINITE, result.incidents().get(0).kind());
      assertEquals("$", result.incidents().get(0).path());
    }
  }

  @Test
  void pathsFilesUrisAndUrlsAreTheirToStringNeverFileUris() throws Exception {
    assertClean("\"/var/data/report.txt\"", Path.of("/var/data/report.txt"));
    assertClean("\"relative/report.txt\"", new File("relative/report.txt"));
    assertClean("\"https://example.com/a?b=c\"", URI.create("https://example.com/a?b=c"));
    assertClean("\"https://example.com/a\"", new URL("https://example.com/a"));
  }

  @Test
  void inetAddressesAreLiteralsWithoutDnsLookup() throws Exception {
    assertClean("\"127.0.0.1\"", InetAddress.getByAddress("unresolvable.invalid", new byte[] {127, 0, 0, 1}));
    assertClean("\"0:0:0:0:0:0:0:1\"", InetAddress.getByName("::1"));
  }

  @Test
  void optionalsAndAtomicsAreTheirValueOrNull() {
    assertClean("\"x\"", Optional.of("x"));
    assertClean("null", Optional.empty());
    assertClean("7", OptionalInt.of(7));
    assertClean("null", OptionalInt.empty());
    assertClean("3", new AtomicInteger(3));
    assertClean("\"2026-11-24T00:05:30.123Z\"", new AtomicReference<>(INSTANT));
  }

  @Test
  void byteArraysAreBase64AndCharArraysStrings() {
    assertClean("\"AQID/w==\"", new byte[] {1, 2, 3, -1});
    assertClean("\"hi\"", new char[] {'h', 'i'});
  }

  @Test
  void arraysCollectionsIterablesIteratorsAndStreamsAreArrays() {
    assertClean("[1,2]", new int[] {1, 2});
    assertClean("[\"a\",null]", new String[] {"a", null});
    assertClean("[1,2]", List.of(1, 2));
    assertClean("[\"a\"]", Set.of("a"));
    Iterable<Integer> iterable = () -> List.of(3, 4).iterator();
    assertClean("[3,4]", iterable);
    assertClean("[5]", List.of(5).iterator());
    assertClean("[\"2026-11-24\"]", Stream.of(LocalDate.of(2026, 11, 24)));
  }

  @Test
  void mapKeysAreNormalizedLikeValues() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(ConnectionState.CONNECTED, 1);
    map.put(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), 2);
    map.put(LocalDate.of(2026, 11, 24), 3);
    map.put(null, 4);
    map.put(5, 5);
    assertClean(
        "{\"CONNECTED\":1,\"123e4567-e89b-12d3-a456-426614174000\":2,\"2026-11-24\":3,\"null\":4,\"5\":5}",
        map);
  }

  @Test
  void collidingMapKeysAreRenamedNeverDuplicated() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("CONNECTED", "string key");
    map.put(ConnectionState.CONNECTED, "enum key");
    map.put("null", "string null");
    map.put(null, "null key");
    SafeResult result = JSON.serialize(map);
    assertEquals(
        "{\"CONNECTED\":\"string key\",\"CONNECTED~2\":\"enum key\",\"null\":\"string null\",\"null~2\":\"null key\"}",
        result.json());
    assertEquals(2, result.incidents().size());
    assertEquals(Incident.Kind.DUPLICATE_KEY, result.incidents().get(0).kind());
    assertEquals("$['CONNECTED~2']", result.incidents().get(0).path());
  }

  @Test
  void throwablesAreTypeMessageAndCause() {
    RuntimeException error = new RuntimeException("outer", new IllegalStateException("inner"));
    assertClean(
        "{\"type\":\"java.lang.RuntimeException\",\"message\":\"outer\",\"cause\":"
            + "{\"type\":\"java.lang.IllegalStateException\",\"message\":\"inner\",\"cause\":null}}",
        error);
  }

  record Message(String type, Instant at, ConnectionState state) {}

  public static final class Bean {
    public String getName() {
      return "ada";
    }

    public int getAge() {
      return 36;
    }
  }

  @Test
  void recordsAndBeansAreObjectsByJacksonRules() {
    assertClean(
        "{\"type\":\"joined\",\"at\":\"2026-11-24T00:05:30.123Z\",\"state\":\"CONNECTED\"}",
        new Message("joined", INSTANT, ConnectionState.CONNECTED));
    String bean = JSON.toJson(new Bean());
    assertTrue(bean.equals("{\"age\":36,\"name\":\"ada\"}") || bean.equals("{\"name\":\"ada\",\"age\":36}"), bean);
  }

  @Test
  void valuesWithoutPropertiesFallBackToToStringWithAnIncident() {
    Object plain = new Object() {
      @Override
      public String toString() {
        return "plain thing";
      }
    };
    SafeResult result = JSON.serialize(Map.of("thing", plain));
    assertEquals("{\"thing\":\"plain thing\"}", result.json());
    assertEquals(Incident.Kind.UNKNOWN_TYPE, result.incidents().get(0).kind());
    assertEquals("$.thing", result.incidents().get(0).path());
    Runnable lambda = () -> {};
    SafeResult lambdaResult = JSON.serialize(lambda);
    assertTrue(lambdaResult.json().startsWith("\""), lambdaResult.json());
    assertEquals(Incident.Kind.UNKNOWN_TYPE, lambdaResult.incidents().get(0).kind());
  }

  @Test
  void aToStringThatReturnsNullIsWrittenAsNull() {
    Object nullText = new Object() {
      @Override
      public String toString() {
        return null;
      }
    };
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("value", nullText);
    map.put(nullText, "key");
    SafeResult result = JSON.serialize(map);
    assertEquals("{\"value\":null,\"null\":\"key\"}", result.json());
    assertEquals(Incident.Kind.UNKNOWN_TYPE, result.incidents().get(0).kind());
  }

  // Jackson orders getters as reflection lists them, which PIT's instrumentation can change: fix the order.
  @com.fasterxml.jackson.annotation.JsonPropertyOrder(alphabetic = true)
  public static final class ThrowingGetter {
    public String getBefore() {
      return "kept";
    }

    public String getBroken() {
      throw new IllegalStateException("database is down");
    }

    public String getZafter() {
      return "also kept";
    }
  }

  @Test
  void aThrowingGetterReplacesOnlyItsValue() {
    SafeResult result = JSON.serialize(new ThrowingGetter());
    assertEquals("{\"before\":\"kept\",\"broken\":\"[FAILED]\",\"zafter\":\"also kept\"}", result.json());
    Incident incident = result.incidents().get(0);
    assertEquals(Incident.Kind.FAILED, incident.kind());
    assertEquals("$.broken", incident.path());
    assertTrue(incident.detail().contains("database is down"), incident.detail());
  }

  @Test
  void aCycleIsCutAtTheRepeatAndReported() {
    Map<String, Object> room = new LinkedHashMap<>();
    List<Object> members = new ArrayList<>();
    room.put("name", "lobby");
    room.put("members", members);
    members.add("ada");
    members.add(room);
    SafeResult result = JSON.serialize(room);
    assertEquals("{\"name\":\"lobby\",\"members\":[\"ada\",\"[CYCLE]\"]}", result.json());
    assertEquals(
        List.of(new Incident("$.members[1]", Incident.Kind.CYCLE, "java.util.LinkedHashMap", "repeats an enclosing value")),
        result.incidents());
  }

  @Test
  void sharedButAcyclicReferencesAreWrittenEachTime() {
    List<Integer> shared = List.of(1);
    assertClean("[[1],[1]]", List.of(shared, shared));
  }

  @Test
  void twentyThousandLevelsAreCutAtMaxDepthWithoutOverflowingTheStack() {
    List<Object> root = new ArrayList<>();
    List<Object> current = root;
    for (int i = 0; i < 20_000; i++) {
      List<Object> next = new ArrayList<>();
      current.add(next);
      current = next;
    }
    SafeResult result = JSON.serialize(root);
    String expected = "[".repeat(100) + "\"[MAX_DEPTH]\"" + "]".repeat(100);
    assertEquals(expected, result.json());
    assertEquals(Incident.Kind.MAX_DEPTH, result.incidents().get(0).kind());
    assertEquals("$" + "[0]".repeat(100), result.incidents().get(0).path());
  }

  @Test
  void loneSurrogatesBecomeReplacementCharacters() {
    SafeResult result = JSON.serialize(List.of("a\uD800b", "\uDC00", "ok \uD83D\uDE00"));
    assertEquals("[\"a\uFFFDb\",\"\uFFFD\",\"ok \uD83D\uDE00\"]", result.json());
    assertEquals(2, result.incidents().size());
    assertEquals("$[0]", result.incidents().get(0).path());
    assertEquals(Incident.Kind.INVALID_STRING, result.incidents().get(1).kind());
    assertEquals("$[1]", result.incidents().get(1).path());
  }

  @Test
  void aTenMegabyteStringIsTruncatedVisibly() {
    String huge = "x".repeat(10_000_000);
    SafeResult result = JSON.serialize(Map.of("blob", huge));
    String expected = "{\"blob\":\"" + "x".repeat(SafeSerializer.DEFAULT_MAX_STRING_LENGTH) + "...[TRUNCATED]\"}";
    assertEquals(expected, result.json());
    assertEquals(Incident.Kind.TRUNCATED, result.incidents().get(0).kind());
    assertEquals("$.blob", result.incidents().get(0).path());
    assertFalse(result.incidents().get(0).detail().isEmpty());
  }
}
