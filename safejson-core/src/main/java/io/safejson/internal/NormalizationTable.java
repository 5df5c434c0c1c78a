package io.safejson.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.safejson.Sensitive;
import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.Charset;
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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.Collection;
import java.util.Currency;
import java.util.Date;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.BaseStream;

/**
 * The normalization table: every class safejson writes itself instead of asking Jackson, in the order they
 * are matched (the first entry whose test accepts a class gives its rule). Adding a type is one entry here.
 */
final class NormalizationTable {
  private NormalizationTable() {}

  /** Makes the rule of one matched class. */
  @FunctionalInterface
  interface RuleMaker {
    ValueRule make(Class<?> type, SafeConfig config, JacksonView jackson);
  }

  /** One row: which classes it takes, and their rule. */
  record Entry(Predicate<Class<?>> matches, RuleMaker rule) {}

  static final List<Entry> ENTRIES =
      List.of(
          fixed(type -> type.isAnnotationPresent(Sensitive.class), BuiltinRule.SENSITIVE),
          fixed(CharSequence.class::isAssignableFrom, BuiltinRule.CHAR_SEQUENCE),
          fixed(is(Boolean.class), BuiltinRule.BOOLEAN),
          fixed(is(Integer.class, Short.class, Byte.class, AtomicInteger.class), BuiltinRule.INT),
          fixed(is(Long.class, AtomicLong.class, LongAdder.class, LongAccumulator.class), BuiltinRule.LONG),
          fixed(is(BigInteger.class), BuiltinRule.BIG_INTEGER),
          fixed(is(Float.class), BuiltinRule.FLOAT),
          fixed(is(BigDecimal.class), BuiltinRule.BIG_DECIMAL),
          fixed(Number.class::isAssignableFrom, BuiltinRule.DOUBLE),
          fixed(is(Character.class), BuiltinRule.CHARACTER),
          fixed(is(Optional.class), BuiltinRule.OPTIONAL),
          fixed(is(OptionalInt.class), BuiltinRule.OPTIONAL_INT),
          fixed(is(OptionalLong.class), BuiltinRule.OPTIONAL_LONG),
          fixed(is(OptionalDouble.class), BuiltinRule.OPTIONAL_DOUBLE),
          fixed(is(AtomicReference.class), BuiltinRule.ATOMIC_REFERENCE),
          fixed(is(AtomicBoolean.class), BuiltinRule.ATOMIC_BOOLEAN),
          fixed(is(byte[].class), BuiltinRule.BYTES),
          fixed(is(char[].class), BuiltinRule.CHARS),
          fixed(Class::isArray, BuiltinRule.ARRAY),
          new Entry(Enum.class::isAssignableFrom, EnumRule::of),
          text(is(UUID.class), (v, zone) -> v.toString(), FormattedText.UUID_TEXT),
          text(is(Instant.class), (v, zone) -> v.toString(), FormattedText.INSTANT),
          text(Timestamp.class::isAssignableFrom, (v, zone) -> ((Timestamp) v).toInstant().toString(),
              FormattedText.TIMESTAMP),
          // java.sql.Date and java.sql.Time themselves: their toString() is an ISO local date or time.
          text(type -> type.getName().equals("java.sql.Date") || type.getName().equals("java.sql.Time"),
              (v, zone) -> v.toString()),
          text(Date.class::isAssignableFrom, (v, zone) -> Instant.ofEpochMilli(((Date) v).getTime()).toString(),
              FormattedText.UTIL_DATE),
          text(Calendar.class::isAssignableFrom,
              (v, zone) -> Instant.ofEpochMilli(((Calendar) v).getTimeInMillis()).toString(), FormattedText.CALENDAR),
          text(is(OffsetDateTime.class), NormalizationTable::offsetDateTime, FormattedText.OFFSET_DATE_TIME),
          text(is(ZonedDateTime.class), NormalizationTable::zonedDateTime, FormattedText.ZONED_DATE_TIME),
          text(is(LocalDateTime.class), (v, zone) -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format((LocalDateTime) v),
              FormattedText.LOCAL_DATE_TIME),
          text(is(LocalTime.class), (v, zone) -> DateTimeFormatter.ISO_LOCAL_TIME.format((LocalTime) v),
              FormattedText.LOCAL_TIME),
          text(is(OffsetTime.class), (v, zone) -> DateTimeFormatter.ISO_OFFSET_TIME.format((OffsetTime) v),
              FormattedText.OFFSET_TIME),
          text(is(LocalDate.class, Year.class, YearMonth.class, MonthDay.class, Duration.class, Period.class),
              (v, zone) -> v.toString(), FormattedText.DATE_OR_DURATION),
          text(type -> Path.class.isAssignableFrom(type) || File.class.isAssignableFrom(type),
              (v, zone) -> v.toString()),
          text(is(URI.class, URL.class, Pattern.class), (v, zone) -> v.toString()),
          text(ZoneId.class::isAssignableFrom, (v, zone) -> ((ZoneId) v).getId()),
          text(TimeZone.class::isAssignableFrom, (v, zone) -> ((TimeZone) v).getID()),
          text(is(Locale.class), (v, zone) -> ((Locale) v).toLanguageTag()),
          text(is(Currency.class), (v, zone) -> ((Currency) v).getCurrencyCode()),
          text(Charset.class::isAssignableFrom, (v, zone) -> ((Charset) v).name()),
          text(is(Class.class), (v, zone) -> ((Class<?>) v).getName()),
          text(InetAddress.class::isAssignableFrom, (v, zone) -> ((InetAddress) v).getHostAddress()),
          fixed(JsonNode.class::isAssignableFrom, BuiltinRule.JSON_NODE),
          new Entry(Jackson3TreeRule::matches, (type, config, jackson) -> Jackson3TreeRule.of(type, config)),
          fixed(Map.class::isAssignableFrom, BuiltinRule.MAP),
          fixed(Collection.class::isAssignableFrom, BuiltinRule.COLLECTION),
          fixed(Iterable.class::isAssignableFrom, BuiltinRule.ITERABLE),
          fixed(Iterator.class::isAssignableFrom, BuiltinRule.ITERATOR),
          fixed(Enumeration.class::isAssignableFrom, BuiltinRule.ENUMERATION),
          fixed(BaseStream.class::isAssignableFrom, BuiltinRule.STREAM),
          fixed(Throwable.class::isAssignableFrom, BuiltinRule.THROWABLE));

  /** The rule of the first entry that takes {@code type}, or null when the table does not cover it. */
  static ValueRule ruleFor(Class<?> type, SafeConfig config, JacksonView jackson) {
    for (Entry entry : ENTRIES) {
      if (entry.matches().test(type)) {
        return entry.rule().make(type, config, jackson);
      }
    }
    return null;
  }

  private static Predicate<Class<?>> is(Class<?>... types) {
    Set<Class<?>> set = Set.of(types);
    return set::contains;
  }

  private static Entry fixed(Predicate<Class<?>> matches, BuiltinRule rule) {
    return new Entry(matches, (type, config, jackson) -> rule);
  }

  private static Entry text(Predicate<Class<?>> matches, TextRule.TextFormat format) {
    return text(matches, format, null);
  }

  private static Entry text(
      Predicate<Class<?>> matches, TextRule.TextFormat format, TextRule.CharFormat chars) {
    return new Entry(matches, (type, config, jackson) -> new TextRule(format, chars, config));
  }

  private static String offsetDateTime(Object value, ZoneId zone) {
    OffsetDateTime time = (OffsetDateTime) value;
    if (zone != null) {
      time = time.atZoneSameInstant(zone).toOffsetDateTime();
    }
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
  }

  private static String zonedDateTime(Object value, ZoneId zone) {
    ZonedDateTime time = (ZonedDateTime) value;
    if (zone != null) {
      time = time.withZoneSameInstant(zone);
    }
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
  }
}
