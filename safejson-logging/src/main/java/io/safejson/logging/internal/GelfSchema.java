package io.safejson.logging.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.safejson.SafeResult;
import io.safejson.logging.internal.Field.Part;
import io.safejson.logging.internal.Field.Use;
import java.io.IOException;
import java.util.List;
import org.slf4j.Marker;

/**
 * The {@code gelf} format (GELF 1.1): {@code version}, {@code host}, {@code short_message},
 * {@code full_message}, {@code timestamp} in seconds, syslog {@code level}; every other field
 * {@code _}-prefixed with a name matching {@code ^[\w.\-]*$}, never {@code _id}, and a string or number value.
 * Everything GELF-specific lives here: its fields, its key spelling ({@link #KEYS}) and its limits.
 */
final class GelfSchema extends LineSchema {
  /**
   * The field cap readers accept, less room for what full_message adds to the message: a newline and a cut
   * stack trace's suffix.
   */
  static final int MAX_FIELD_LENGTH =
      EncoderSettings.MAX_READABLE_FIELD_LENGTH - 1 - Texts.TRUNCATED_SUFFIX.length();

  /**
   * The options only this format reads. Immutable.
   *
   * @param host the GELF {@code host}; the Logback context's {@code HOSTNAME} when null
   */
  record Options(String host) {
    static final Options DEFAULTS = new Options(null);

    /** These options with {@code contextHost} (or {@code unknown}) as the host when none is configured. */
    Options orHost(String contextHost) {
      return new Options(host != null ? host : contextHost != null ? contextHost : "unknown");
    }
  }

  /**
   * GELF additional fields: {@code _} prefix, every char outside {@code [A-Za-z0-9_.-]} replaced by {@code _};
   * values only strings and numbers, so any other value is written as its JSON text in a string.
   */
  static final KeyStyle KEYS = new GelfKeys();

  private enum Special { HOST, SHORT_MESSAGE, FULL_MESSAGE, SECONDS, SYSLOG_LEVEL, MARKER_NAMES, TRUNCATED }

  /** The fields, in write order, then the names GELF forbids ({@code _id}) or leaves empty. */
  private static final List<Field> FIELDS =
      List.of(
          Field.constant("version", "1.1"),
          Field.special("host", Use.REQUIRED, Special.HOST),
          Field.special("short_message", Use.REQUIRED, Special.SHORT_MESSAGE),
          Field.special("full_message", Use.OPTIONAL, Special.FULL_MESSAGE),
          Field.special("timestamp", Use.REQUIRED, Special.SECONDS),
          Field.special("level", Use.REQUIRED, Special.SYSLOG_LEVEL),
          Field.required("_level_name", Part.LEVEL),
          Field.required("_logger", Part.LOGGER),
          Field.required("_thread", Part.THREAD),
          Field.required("_error_type", Part.ERROR_TYPE),
          Field.required("_error_message", Part.ERROR_MESSAGE),
          Field.shared("_trace_id", Part.TRACE_ID),
          Field.shared("_span_id", Part.SPAN_ID),
          Field.optional("_context", Part.CONTEXT),
          Field.optional("_service_name", Part.SERVICE_NAME),
          Field.optional("_service_version", Part.SERVICE_VERSION),
          Field.optional("_service_environment", Part.SERVICE_ENVIRONMENT),
          Field.special("_markers", Use.OPTIONAL, Special.MARKER_NAMES),
          Field.optional("_caller_class", Part.CALLER_CLASS),
          Field.optional("_caller_method", Part.CALLER_METHOD),
          Field.optional("_caller_file", Part.CALLER_FILE),
          Field.optional("_caller_line", Part.CALLER_LINE),
          Field.userFields(),
          Field.required("_encoder_error", Part.ENCODER_ERROR),
          Field.special("_truncated", Use.REQUIRED, Special.TRUNCATED),
          // GELF reserves _id; a user key "id" becomes _kv_id / _mdc_id.
          Field.reserved("_id"),
          Field.reserved("_"));

  GelfSchema(EncoderSettings config) {
    super(config, FIELDS, KEYS);
  }

  /** The stack trace cap readers accept, when full_message also holds a message of up to {@code fieldLength}. */
  static int maxStackTraceLength(int fieldLength) {
    return EncoderSettings.MAX_READABLE_FIELD_LENGTH - Texts.TRUNCATED_SUFFIX.length() - 1 - fieldLength;
  }

  /** The syslog severity GELF expects: ERROR 3, WARN 4, INFO 6, DEBUG and TRACE 7. */
  static int syslogLevel(int level) {
    if (level >= Level.ERROR_INT) {
      return 3;
    } else if (level >= Level.WARN_INT) {
      return 4;
    } else if (level >= Level.INFO_INT) {
      return 6;
    }
    return 7;
  }

  /** full_message marks a line cut even when it is excluded (the message was still cut): always written. */
  @Override
  boolean specialWritesNothing(Field field, SerializableString name) {
    return field.special() != Special.FULL_MESSAGE && name == null;
  }

  @Override
  void writeSpecial(LineWriter w, Field field, SerializableString name, ILoggingEvent event, IThrowableProxy error)
      throws IOException {
    switch ((Special) field.special()) {
      case HOST -> w.repeatedString(name, config.gelf().host());
      case SHORT_MESSAGE -> {
        String text = EventContent.message(event);
        w.string(name, text == null || text.isEmpty() ? "-" : text);
      }
      case FULL_MESSAGE -> writeFullMessage(w, name, event, error);
      case SECONDS -> w.epochSeconds(name, EventContent.epochMillis(event));
      case SYSLOG_LEVEL -> w.number(name, syslogLevel(EventContent.levelInt(event)));
      case MARKER_NAMES -> w.string(name, markerNames(event));
      // GELF 1.1 allows only strings and numbers in additional fields: the flag is the string "true".
      case TRUNCATED -> {
        if (w.truncated()) {
          w.string(name, "true");
        }
      }
    }
  }

  /** The message (cut to the field cap), a newline and the stack trace, when there is an exception. */
  private void writeFullMessage(LineWriter w, SerializableString name, ILoggingEvent event, IThrowableProxy error)
      throws IOException {
    if (error == null) {
      return;
    }
    String message = String.valueOf(EventContent.message(event));
    if (Texts.exceeds(message, w.budget().fieldCap())) {
      w.markTruncated();
    }
    w.stackTrace(name, Texts.cap(message, w.budget().fieldCap()) + "\n", error, config.rootCauseFirst());
  }

  /** GELF values are strings or numbers, so markers are joined with commas. */
  private static String markerNames(ILoggingEvent event) {
    if (!EventContent.hasMarkers(event)) {
      return null;
    }
    StringBuilder names = new StringBuilder();
    List<Marker> list = event.getMarkerList();
    for (Marker marker : list) {
      if (names.length() > 0) {
        names.append(',');
      }
      names.append(marker == null ? "null" : marker.getName());
    }
    return names.toString();
  }

  /** GELF's key spelling, and its strings-and-numbers-only values. */
  private static final class GelfKeys implements KeyStyle {
    /** Reads SafeSerializer's own output back, to write a number as a number and anything else as its text. */
    private static final ObjectReader JSON_VALUES = new ObjectMapper().readerFor(Object.class);

    @Override
    public String apply(String key) {
      StringBuilder out = new StringBuilder(key.length() + 1).append('_');
      for (int i = 0; i < key.length(); i++) {
        char c = key.charAt(i);
        boolean allowed =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
                || c == '-';
        out.append(allowed ? c : '_');
      }
      return out.toString();
    }

    @Override
    public void writeValue(LineWriter w, Object value) throws IOException {
      SafeResult result = w.budget().serializer().serialize(value);
      result.incidents().forEach(w::noteIncident);
      Object plain = JSON_VALUES.readValue(result.json());
      if (plain instanceof String text) {
        w.stringValue(text, w.budget().fieldCap());
      } else if (plain instanceof Integer || plain instanceof Long) {
        w.generator().writeNumber(((Number) plain).longValue());
      } else if (plain instanceof Double number && Double.isFinite(number)) {
        w.generator().writeNumber(number);
      } else {
        w.stringValue(result.json(), w.budget().fieldCap());
      }
    }
  }
}
