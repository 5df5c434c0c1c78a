package io.safejson.logging.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import io.safejson.Incident;
import io.safejson.SafeSerializer;
import io.safejson.SafeText;
import java.io.IOException;
import java.util.Set;

/**
 * One reusable rendering slot: a capped byte buffer, the Jackson generator writing into it, scratch space
 * for timestamps and stack traces, and the user keys already written, so no line ever holds a duplicate key.
 * Not thread-safe: a slot is used by one thread at a time, handed out by {@link SlotPool}.
 */
final class LineWriter {
  /** User keys longer than this are cut; a key is a name, not a payload. */
  static final int MAX_KEY_CHARS = 256;

  private static final String REDACTED = SafeText.REDACTED;

  private final JsonFactory factory;
  private final CappedOutputStream out = new CappedOutputStream();
  private final char[] chars = new char[48];
  /** Where strings up to its length are copied to be checked and written ({@link #stringValue}). */
  private final char[] copied = new char[2000];
  private final NameTable topNames = new NameTable();
  private final NameTable nestedNames = new NameTable();
  private final IsoTimestamps timestamps;
  private final TextCaches caches;
  private final EscapedText text;
  private final StackTraceText stackTraces;
  private final TraceContext trace = new TraceContext();
  private JsonGenerator generator;
  private SafeSerializer.GeneratorWriter values;
  private Budget valuesBudget;
  private JsonGenerator valuesGenerator;
  private NameTable written = topNames;
  private Budget budget;
  private boolean truncated;

  /** The {@link SlotPool} slot this writer goes back to. */
  int poolSlot;

  LineWriter(JsonFactory factory, IsoTimestamps timestamps, TextCaches caches) {
    this.factory = factory;
    this.timestamps = timestamps;
    this.caches = caches;
    this.text = new EscapedText(factory);
    this.stackTraces = new StackTraceText(caches);
  }

  /** Starts a line; the generator is created lazily and replaced after any failure. */
  void begin(Budget budget, int maxBytes) throws IOException {
    this.budget = budget;
    this.truncated = false;
    this.written = topNames;
    topNames.clear();
    nestedNames.clear();
    trace.clear();
    out.reset(maxBytes - 1); // the newline is the last byte
    if (generator == null) {
      generator = factory.createGenerator(out);
      // Lines are separated by the renderer's newline, never by Jackson's default space.
      generator.setRootValueSeparator(null);
    }
    generator.writeStartObject();
  }

  /** Ends the line and returns it, newline included, in a new array. */
  byte[] end() throws IOException {
    generator.writeEndObject();
    generator.flush();
    if (out.overflowed()) {
      throw new CappedOutputStream.LineTooLongException();
    }
    return out.toLine();
  }

  /**
   * Drops the generator after a failed or abandoned line, so its half-written state can never leak into
   * the next event on this slot.
   */
  void discard() {
    JsonGenerator broken = generator;
    generator = null;
    if (broken != null) {
      try {
        broken.close();
      } catch (IOException | RuntimeException ignored) {
        // The output is being thrown away; a failing close changes nothing.
      }
    }
    out.reset(0);
  }

  void shrink(int maxCapacity) {
    out.shrinkTo(maxCapacity);
    text.shrinkTo(maxCapacity);
  }

  Budget budget() {
    return budget;
  }

  JsonGenerator generator() {
    return generator;
  }

  boolean truncated() {
    return truncated;
  }

  void markTruncated() {
    truncated = true;
  }

  /** The trace context this line promotes from the MDC (empty until the format reads it). */
  TraceContext trace() {
    return trace;
  }

  // ---- fixed fields (names known in advance; null name = excluded by configuration)

  /**
   * Writes one of the format's own field names. They are unique by construction ({@link FieldTable}
   * refuses renames that collide) and user keys never take one ({@link LineSchema#reserved()}), so only
   * user keys need tracking.
   */
  void name(SerializableString name) throws IOException {
    generator.writeFieldName(name);
  }

  /**
   * Marks a top-level name taken on this line, for a format field users may also write ({@link
   * Field.Use#SHARED}): user keys written after it take their prefixed name. Call before any user field.
   */
  void claim(SerializableString name) {
    if (name != null) {
      topNames.add(name.getValue());
    }
  }

  void string(SerializableString name, String value) throws IOException {
    string(name, value, budget.fieldCap());
  }

  void string(SerializableString name, String value, int cap) throws IOException {
    if (name != null && value != null) {
      name(name);
      stringValue(value, cap);
    }
  }

  void stringValue(String value, int cap) throws IOException {
    if (value == null) {
      generator.writeNull();
      return;
    }
    int length = value.length();
    if (length <= cap && length <= copied.length) {
      // One intrinsic copy, then the surrogate scan and Jackson's encoder read the array, not String.charAt.
      value.getChars(0, length, copied, 0);
      if (SafeText.isWellFormed(copied, 0, length)) {
        generator.writeString(copied, 0, length);
        return;
      }
    }
    if (Texts.exceeds(value, cap)) {
      truncated = true;
    }
    generator.writeString(Texts.cap(value, cap));
  }

  /**
   * Like {@link #string(SerializableString, String)}, for values that repeat across events (logger, thread
   * and level names): escaped once, then copied.
   */
  void repeatedString(SerializableString name, String value) throws IOException {
    if (name == null || value == null) {
      return;
    }
    SerializableString escaped = value.length() <= budget.fieldCap() ? caches.name(value) : null;
    if (escaped == null) {
      string(name, value);
      return;
    }
    name(name);
    generator.writeString(escaped);
  }

  /**
   * Writes a string already known to be short, well-formed ASCII (a trace id validated as hex digits): no cap
   * and no surrogate scan needed.
   */
  void validatedString(SerializableString name, String value) throws IOException {
    if (name != null && value != null) {
      name(name);
      generator.writeString(value);
    }
  }

  /**
   * Writes the event's message; one logged without arguments is the logging call's constant, so it is escaped
   * once, then copied, like {@link #repeatedString}.
   */
  void message(SerializableString name, ILoggingEvent event) throws IOException {
    String message = EventContent.message(event);
    if (name == null || message == null) {
      return;
    }
    SerializableString escaped =
        message.length() <= budget.fieldCap() && EventContent.isTemplate(event, message)
            ? caches.message(message)
            : null;
    if (escaped == null) {
      string(name, message);
      return;
    }
    name(name);
    generator.writeString(escaped);
  }

  void number(SerializableString name, long value) throws IOException {
    if (name != null) {
      name(name);
      generator.writeNumber(value);
    }
  }

  void bool(SerializableString name, boolean value) throws IOException {
    if (name != null) {
      name(name);
      generator.writeBoolean(value);
    }
  }

  void timestamp(SerializableString name, long epochMillis) throws IOException {
    if (name != null) {
      name(name);
      generator.writeString(chars, 0, timestamps.format(epochMillis, chars));
    }
  }

  void epochSeconds(SerializableString name, long epochMillis) throws IOException {
    if (name != null) {
      name(name);
      generator.writeNumber(chars, 0, IsoTimestamps.formatSeconds(epochMillis, chars));
    }
  }

  /**
   * Writes the stack trace of {@code throwable} as one string field, after {@code prefix} (null for none;
   * GELF puts the message first), within the budget's stack cap; marks the line truncated when it was cut.
   */
  void stackTrace(SerializableString name, String prefix, IThrowableProxy throwable, boolean rootCauseFirst)
      throws IOException {
    if (name == null) {
      return;
    }
    text.reset(Integer.MAX_VALUE);
    if (prefix != null) {
      text.append(prefix);
    }
    text.budget(budget.stackCap());
    if (stackTraces.render(text, throwable, rootCauseFirst)) {
      truncated = true;
    }
    name(name);
    text.writeTo(generator);
  }

  /** Opens a nested object whose keys are checked for duplicates separately from the top level. */
  boolean startObject(SerializableString name) throws IOException {
    if (name == null) {
      return false;
    }
    name(name);
    generator.writeStartObject();
    written = nestedNames;
    nestedNames.clear();
    return true;
  }

  void endObject() throws IOException {
    generator.writeEndObject();
    written = topNames;
  }

  // ---- user-named fields

  /**
   * Writes a user field (key-value, MDC entry, static field): its name as the format spells it, or, when
   * that name is reserved by the format or already written, {@code prefix_key}, then {@code prefix_key_2},
   * {@code _3}... (deterministic); its value through the budget's SafeSerializer, or the redaction marker
   * for a secret key.
   */
  void userField(String rawKey, Object value, String prefix, boolean topLevel, KeyStyle style)
      throws IOException {
    userValue(userKey(rawKey, prefix, topLevel, style), value, style);
  }

  /**
   * Like {@link #userField}, for a string value that repeats across events (an MDC entry, a static field): a
   * value within the field cap is escaped once, then copied, as {@link #repeatedString} does for names.
   */
  void repeatedUserField(String rawKey, String value, String prefix, boolean topLevel, KeyStyle style)
      throws IOException {
    boolean redacted = userKey(rawKey, prefix, topLevel, style);
    SerializableString escaped =
        redacted || value == null || value.length() > budget.fieldCap() ? null : caches.value(value);
    if (escaped != null) {
      generator.writeString(escaped);
    } else {
      userValue(redacted, value, style);
    }
  }

  /** Writes a user field's name (see {@link #userField}); returns whether its value is redacted. */
  private boolean userKey(String rawKey, String prefix, boolean topLevel, KeyStyle style) throws IOException {
    TextCaches.UserKey key = rawKey != null && rawKey.length() <= MAX_KEY_CHARS ? caches.userKey(rawKey) : null;
    if (key != null && !(topLevel && key.reserved()) && written.add(key.name().getValue())) {
      generator.writeFieldName(key.name());
      return key.redacted();
    }
    userName(rawKey, prefix, topLevel ? caches.reserved() : Set.of(), style);
    return caches.isRedacted(rawKey);
  }

  private void userName(String rawKey, String prefix, Set<String> reserved, KeyStyle style) throws IOException {
    String key = rawKey == null ? "null" : Texts.cap(rawKey, MAX_KEY_CHARS);
    String candidate = style.apply(key);
    if (reserved.contains(candidate) || written.contains(candidate)) {
      String base = style.apply(prefix + "_" + key);
      candidate = base;
      for (int n = 2; reserved.contains(candidate) || written.contains(candidate); n++) {
        candidate = base + "_" + n;
      }
    }
    written.add(candidate);
    generator.writeFieldName(candidate);
  }

  /** A user value: the redaction marker, a (capped) string, or what the format's key style writes. */
  private void userValue(boolean redacted, Object value, KeyStyle style) throws IOException {
    if (redacted) {
      generator.writeString(REDACTED);
    } else if (value instanceof String text) {
      stringValue(text, budget.fieldCap());
    } else {
      style.writeValue(this, value);
    }
  }

  /** Writes {@code value} as JSON through the budget's SafeSerializer. */
  void serializedValue(Object value) throws IOException {
    values().write(value);
  }

  /** A string cut inside a value (a long text in a map, a long list) marks the line truncated, like a cut field. */
  void noteIncident(Incident incident) {
    if (incident.kind() == Incident.Kind.TRUNCATED) {
      truncated = true;
    }
  }

  /** The budget's serializer bound to the current generator, kept while both stay the same. */
  private SafeSerializer.GeneratorWriter values() {
    if (valuesBudget != budget || valuesGenerator != generator) {
      values = budget.serializer().writerFor(generator, this::noteIncident);
      valuesBudget = budget;
      valuesGenerator = generator;
    }
    return values;
  }
}
