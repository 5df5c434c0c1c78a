package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.SafeSerializer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The rule registry against the normalization table: the rule chosen for a table type is the table's, it is
 * cached once per class whichever question comes first, and its key text is the text the value is written as.
 */
@StatisticsReport(onFailureOnly = true)
final class TypeRulesProperties {
  private static final SafeConfig CONFIG = TestConfigs.defaults();
  private static final SafeSerializer JSON = SafeSerializer.defaults();

  enum Tone {
    LOUD,
    quiet
  }

  /** A bean: Jackson's view, not the table's. */
  public record Point(int x, int y) {}

  @Property(tries = 1500)
  void theRuleOfATableValueIsTheTablesAndItsKeyTextIsTheTextItIsWrittenAs(
      @ForAll("tableValues") Object value) {
    Class<?> type = value.getClass();
    Statistics.collect(type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName());
    ObjectMapper mapper = new ObjectMapper();
    TypeRules rules = new TypeRules(CONFIG, mapper);
    ValueRule rule = rules.ruleFor(type);
    ValueRule table = NormalizationTable.ruleFor(type, CONFIG, new JacksonView(CONFIG, mapper));
    assertEquals(table.getClass(), rule.getClass(), "the table's rule for " + type);
    if (table instanceof BuiltinRule) {
      assertSame(table, rule, "the table's constant for " + type);
    }
    assertTrue(rule.isNormalizationTableType(), type + " is in the table");
    assertTrue(rules.isTableType(type), type + " is routed back from Jackson");
    assertSame(rule, rules.ruleFor(type), "cached: one rule per class");

    String written = JSON.toJson(value);
    String asString = written.startsWith("\"") ? written : "\"" + written + "\"";
    Map<Object, Integer> map = new HashMap<>();
    map.put(value, 1);
    assertEquals("{" + asString + ":1}", JSON.toJson(map), "key text of " + type + " " + value);
  }

  @Property(tries = 300)
  void aClassHasOneCachedRuleWhicheverQuestionComesFirst(
      @ForAll("classes") Class<?> type, @ForAll boolean tableQuestionFirst) {
    Statistics.collect(tableQuestionFirst ? "isTableType first" : "ruleFor first");
    TypeRules rules = new TypeRules(CONFIG, new ObjectMapper());
    boolean table;
    ValueRule rule;
    if (tableQuestionFirst) {
      table = rules.isTableType(type);
      rule = rules.ruleFor(type);
    } else {
      rule = rules.ruleFor(type);
      table = rules.isTableType(type);
    }
    assertEquals(rule.isNormalizationTableType(), table, type.getName());
    assertSame(rule, rules.ruleFor(type), type.getName());
    boolean inTable = NormalizationTable.ENTRIES.stream().anyMatch(e -> e.matches().test(type));
    assertEquals(inTable, table, "the registry's answer is the table's for " + type.getName());
  }

  @Provide
  Arbitrary<Class<?>> classes() {
    return Arbitraries.of(
        String.class, Integer.class, BigDecimal.class, Tone.class, UUID.class, Instant.class, ArrayList.class,
        HashMap.class, Optional.class, int[].class, Point.class, Object.class, Thread.class, Path.of("a").getClass(),
        Date.class, IllegalStateException.class, StringBuilder.class, AtomicLong.class);
  }

  @Provide
  Arbitrary<Object> tableValues() {
    Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars("éü€\u2028").ofMaxLength(12);
    Arbitrary<Instant> instants =
        Arbitraries.longs()
            .between(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(), Instant.parse("9999-12-31T23:59:59Z").getEpochSecond())
            .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    return Arbitraries.oneOf(
        List.of(
            text.map(s -> (Object) s),
            text.map(StringBuilder::new),
            Arbitraries.of(true, false),
            Arbitraries.integers().map(i -> (Object) i),
            Arbitraries.shorts().map(s -> (Object) s),
            Arbitraries.longs().map(l -> (Object) l),
            Arbitraries.bigIntegers().between(BigInteger.valueOf(-1L << 60).pow(2), BigInteger.valueOf(1L << 60).pow(2)),
            Arbitraries.doubles().map(d -> (Object) d),
            Arbitraries.floats().map(f -> (Object) f),
            Arbitraries.bigDecimals().ofScale(3).map(d -> (Object) d),
            Arbitraries.chars().range(' ', '\uD7FF').map(c -> (Object) c),
            Arbitraries.of(Tone.class).map(t -> (Object) t),
            Arbitraries.create(UUID::randomUUID).map(u -> (Object) u),
            instants.map(i -> (Object) i),
            instants.map(i -> (Object) Date.from(i)),
            instants.map(i -> (Object) i.atOffset(ZoneOffset.ofHours(3))),
            instants.map(i -> (Object) LocalDateTime.ofInstant(i, ZoneOffset.UTC)),
            instants.map(i -> (Object) LocalDate.ofInstant(i, ZoneOffset.UTC)),
            instants.map(i -> (Object) LocalTime.ofInstant(i, ZoneOffset.UTC)),
            instants.map(i -> (Object) YearMonth.from(i.atOffset(ZoneOffset.UTC))),
            instants.map(i -> (Object) MonthDay.from(i.atOffset(ZoneOffset.UTC))),
            Arbitraries.integers().between(-9999, 9999).map(y -> (Object) Year.of(y)),
            Arbitraries.longs().between(-1_000_000, 1_000_000).map(s -> (Object) Duration.ofMillis(s * 37)),
            Arbitraries.integers().between(-99, 99).map(d -> (Object) Period.of(d, -d, d * 3)),
            Arbitraries.integers().between(-18, 18).map(h -> (Object) ZoneOffset.ofHours(h)),
            Arbitraries.of(Locale.getAvailableLocales()).map(l -> (Object) l),
            Arbitraries.of(Currency.getAvailableCurrencies()).map(c -> (Object) c),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> (Object) URI.create("https://x.test/" + s)),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> (Object) Path.of("/tmp", s))));
  }
}
