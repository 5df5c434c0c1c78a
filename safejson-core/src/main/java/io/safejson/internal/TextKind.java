package io.safejson.internal;

import java.io.File;
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
import java.util.Currency;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import java.util.UUID;
import java.util.regex.Pattern;

/** The JDK value types written as one JSON string, and how each becomes its text. */
enum TextKind {
  UUID_TEXT,
  INSTANT,
  TIMESTAMP,
  UTIL_DATE,
  SQL_LOCAL, // java.sql.Date and java.sql.Time: their toString() is ISO local date/time
  CALENDAR,
  OFFSET_DATE_TIME,
  ZONED_DATE_TIME,
  LOCAL_DATE_TIME,
  LOCAL_TIME,
  OFFSET_TIME,
  TO_STRING, // LocalDate, Year, YearMonth, MonthDay, Duration, Period, Path, File, URI, URL, Pattern
  ZONE_ID,
  TIME_ZONE,
  LOCALE,
  CURRENCY,
  CHARSET,
  CLASS_NAME,
  INET_ADDRESS;

  /** Returns the kind for a class, or null when the class is not one of these types. */
  static TextKind of(Class<?> type) {
    if (type == UUID.class) {
      return UUID_TEXT;
    } else if (type == Instant.class) {
      return INSTANT;
    } else if (Date.class.isAssignableFrom(type)) {
      if (Timestamp.class.isAssignableFrom(type)) {
        return TIMESTAMP;
      }
      String name = type.getName();
      return name.equals("java.sql.Date") || name.equals("java.sql.Time") ? SQL_LOCAL : UTIL_DATE;
    } else if (Calendar.class.isAssignableFrom(type)) {
      return CALENDAR;
    } else if (type == OffsetDateTime.class) {
      return OFFSET_DATE_TIME;
    } else if (type == ZonedDateTime.class) {
      return ZONED_DATE_TIME;
    } else if (type == LocalDateTime.class) {
      return LOCAL_DATE_TIME;
    } else if (type == LocalTime.class) {
      return LOCAL_TIME;
    } else if (type == OffsetTime.class) {
      return OFFSET_TIME;
    } else if (type == LocalDate.class
        || type == Year.class
        || type == YearMonth.class
        || type == MonthDay.class
        || type == Duration.class
        || type == Period.class
        || Path.class.isAssignableFrom(type)
        || File.class.isAssignableFrom(type)
        || type == URI.class
        || type == URL.class
        || type == Pattern.class) {
      return TO_STRING;
    } else if (ZoneId.class.isAssignableFrom(type)) {
      return ZONE_ID;
    } else if (TimeZone.class.isAssignableFrom(type)) {
      return TIME_ZONE;
    } else if (type == Locale.class) {
      return LOCALE;
    } else if (type == Currency.class) {
      return CURRENCY;
    } else if (Charset.class.isAssignableFrom(type)) {
      return CHARSET;
    } else if (type == Class.class) {
      return CLASS_NAME;
    } else if (InetAddress.class.isAssignableFrom(type)) {
      return INET_ADDRESS;
    }
    return null;
  }

  /** Formats a value of this kind; {@code zone} (nullable) applies to offset and zoned date-times. */
  String text(Object value, ZoneId zone) {
    switch (this) {
      case UUID_TEXT:
      case TO_STRING:
        return value.toString();
      case INSTANT:
        return value.toString();
      case TIMESTAMP:
        return ((Timestamp) value).toInstant().toString();
      case UTIL_DATE:
        return Instant.ofEpochMilli(((Date) value).getTime()).toString();
      case SQL_LOCAL:
        return value.toString();
      case CALENDAR:
        return Instant.ofEpochMilli(((Calendar) value).getTimeInMillis()).toString();
      case OFFSET_DATE_TIME:
        OffsetDateTime offsetDateTime = (OffsetDateTime) value;
        if (zone != null) {
          offsetDateTime = offsetDateTime.atZoneSameInstant(zone).toOffsetDateTime();
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(offsetDateTime);
      case ZONED_DATE_TIME:
        ZonedDateTime zoned = (ZonedDateTime) value;
        if (zone != null) {
          zoned = zoned.withZoneSameInstant(zone);
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(zoned);
      case LOCAL_DATE_TIME:
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format((LocalDateTime) value);
      case LOCAL_TIME:
        return DateTimeFormatter.ISO_LOCAL_TIME.format((LocalTime) value);
      case OFFSET_TIME:
        return DateTimeFormatter.ISO_OFFSET_TIME.format((OffsetTime) value);
      case ZONE_ID:
        return ((ZoneId) value).getId();
      case TIME_ZONE:
        return ((TimeZone) value).getID();
      case LOCALE:
        return ((Locale) value).toLanguageTag();
      case CURRENCY:
        return ((Currency) value).getCurrencyCode();
      case CHARSET:
        return ((Charset) value).name();
      case CLASS_NAME:
        return ((Class<?>) value).getName();
      case INET_ADDRESS:
        return ((InetAddress) value).getHostAddress();
      default:
        throw new AssertionError(this);
    }
  }
}
