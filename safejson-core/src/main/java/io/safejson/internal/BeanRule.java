package io.safejson.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import java.io.IOException;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Writes a bean as an object of the properties Jackson found, plus its {@code @JsonAnyGetter} entries. */
final class BeanRule implements ValueRule {

  /**
   * One bean property as Jackson resolved it, with what safejson needs to write it: its getter as a function
   * ({@link BeanAccessors}), when no generator could escape it differently its name pre-quoted, and the rule
   * of its value's last class ({@link RuleSlot}); for a {@code long} or {@code int} getter, also a function
   * reading it unboxed and the class its values box to ({@code Long} or {@code Integer}), else both null.
   */
  record Property(
      String name,
      BeanPropertyWriter writer,
      boolean redacted,
      JsonInclude.Include inclusion,
      boolean jacksonSerializes,
      Function<Object, Object> getter,
      SerializableString quotedName,
      RuleSlot slot,
      ToLongFunction<Object> primitiveGetter,
      Class<?> boxedType) {

    Property(
        String name,
        BeanPropertyWriter writer,
        boolean redacted,
        JsonInclude.Include inclusion,
        boolean jacksonSerializes) {
      this(name, writer, redacted, inclusion, jacksonSerializes, BeanAccessors.of(writer), quoted(name),
          new RuleSlot(), BeanAccessors.primitive(writer), boxedType(writer));
    }

    private static Class<?> boxedType(BeanPropertyWriter writer) {
      Class<?> type = writer.getType().getRawClass();
      return type == long.class ? Long.class : type == int.class ? Integer.class : null;
    }

    /** Reads the property; throws what the getter threw. */
    Object get(Object bean) throws Exception {
      try {
        return getter.apply(bean);
      } catch (BeanAccessors.ReflectiveFailure e) {
        throw (Exception) e.getCause();
      }
    }

    /** Writes the property's name, pre-quoted when that gives the same bytes in every configuration. */
    void writeName(JsonGenerator generator) throws IOException {
      if (quotedName != null) {
        generator.writeFieldName(quotedName);
      } else {
        generator.writeFieldName(name);
      }
    }

    /** Pre-quoted only for plain ASCII names, which no escaping option (HTML-safe, non-ASCII) changes. */
    static SerializableString quoted(String name) {
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == '\'') {
          return null;
        }
      }
      return new SerializedString(name);
    }
  }

  private final Property[] properties;
  private final AnnotatedMember anyGetter;

  BeanRule(Property[] properties, AnnotatedMember anyGetter) {
    this.properties = properties;
    this.anyGetter = anyGetter;
  }

  /** The properties in the order written (shared, not copied: callers only read it). */
  Property[] properties() {
    return properties;
  }

  /** The {@code @JsonAnyGetter}, or null. */
  AnnotatedMember anyGetter() {
    return anyGetter;
  }

  @Override
  public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
    w.entries.writeBean(s, value, this);
  }

  @Override
  public boolean isNormalizationTableType() {
    return false;
  }
}
