package io.safejson.internal;

import com.fasterxml.jackson.core.SerializableString;
import io.safejson.EnumStyle;
import java.io.IOException;
import java.util.Locale;

/** Writes an enum constant by its name (as is or lower-cased, computed once) or by its {@code toString()}. */
final class EnumRule implements ValueRule {
  /** Null for {@link EnumStyle#TO_STRING}: the text is asked of each constant each time. */
  private final String[] names;
  /** The names pre-quoted, by ordinal; null where a name is not plain ASCII ({@link BeanRule.Property}). */
  private final SerializableString[] quoted;

  private EnumRule(String[] names) {
    this.names = names;
    if (names == null) {
      this.quoted = null;
    } else {
      this.quoted = new SerializableString[names.length];
      for (int i = 0; i < names.length; i++) {
        quoted[i] = BeanRule.Property.quoted(names[i]);
      }
    }
  }

  /** The rule for an enum class or a constant's body class: its {@code @JsonValue} when it has one. */
  static ValueRule of(Class<?> type, SafeConfig config, JacksonView jackson) {
    Class<?> enumType = type.isEnum() ? type : type.getSuperclass();
    ValueRule jsonValue = jackson.jsonValueRule(enumType, true);
    if (jsonValue != null) {
      return jsonValue;
    }
    if (config.enumStyle() == EnumStyle.TO_STRING) {
      return new EnumRule(null);
    }
    Object[] constants = enumType.getEnumConstants();
    String[] names = new String[constants.length];
    for (int i = 0; i < constants.length; i++) {
      String name = ((Enum<?>) constants[i]).name();
      names[i] = config.enumStyle() == EnumStyle.LOWER_CASE ? name.toLowerCase(Locale.ROOT) : name;
    }
    return new EnumRule(names);
  }

  /** The names written, by ordinal; null when each constant's {@code toString()} is written. */
  String[] names() {
    return names == null ? null : names.clone();
  }

  @Override
  public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
    Enum<?> constant = (Enum<?>) value;
    if (names != null) {
      int ordinal = constant.ordinal();
      SerializableString name = quoted[ordinal];
      if (name != null) {
        s.generator.writeString(name);
      } else {
        s.generator.writeString(names[ordinal]);
      }
      return;
    }
    String text;
    try {
      text = constant.toString();
    } catch (Throwable t) {
      w.failed(s, value, "toString() threw; wrote name()", t, constant.name());
      return;
    }
    w.scalars.writeString(s, text == null ? constant.name() : text);
  }

  @Override
  public String keyText(Object key) {
    return names != null ? names[((Enum<?>) key).ordinal()] : key.toString();
  }
}
