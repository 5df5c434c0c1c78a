package io.safejson.internal;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializer;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.impl.TypeWrappedSerializer;
import com.fasterxml.jackson.databind.ser.impl.UnknownSerializer;
import com.fasterxml.jackson.databind.util.Converter;
import io.safejson.Sensitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The last rule factory: Jackson's own view of a class outside the table ({@code @JsonValue}, a custom
 * serializer, bean properties). Thread-safe.
 */
final class JacksonView {
  static final String NO_PROPERTIES = "no properties; wrote toString()";

  private final SafeConfig config;
  private final ObjectMapper jackson;

  JacksonView(SafeConfig config, ObjectMapper jackson) {
    this.config = config;
    this.jackson = jackson;
  }

  /** The rule of a class's {@code @JsonValue} accessor, or null when it has none. */
  ValueRule jsonValueRule(Class<?> type, boolean tableType) {
    AnnotatedMember accessor = describe(type).findJsonValueAccessor();
    if (accessor == null) {
      return null;
    }
    accessor.fixAccess(true);
    return new JsonValueRule(accessor, tableType);
  }

  private BeanDescription describe(Class<?> type) {
    return jackson.getSerializationConfig().introspect(jackson.constructType(type));
  }

  /** The rule for a class the table does not cover; throws what Jackson's introspection throws. */
  ValueRule ruleFor(Class<?> type) throws Exception {
    ValueRule jsonValue = jsonValueRule(type, false);
    if (jsonValue != null) {
      return jsonValue;
    }
    JsonSerializer<Object> serializer =
        jackson.getSerializerProviderInstance().findTypedValueSerializer(type, true, null);
    if (serializer instanceof UnknownSerializer) {
      return new UnknownRule(NO_PROPERTIES, false);
    }
    if (serializer instanceof TypeWrappedSerializer || serializer.getClass() != BeanSerializer.class) {
      return BuiltinRule.DELEGATE;
    }
    BeanRule.Property[] properties = beanProperties(type, (BeanSerializer) serializer);
    AnnotatedMember anyGetter = describe(type).findAnyGetter();
    if (properties.length == 0 && anyGetter == null) {
      return new UnknownRule(NO_PROPERTIES, false);
    }
    if (anyGetter != null) {
      anyGetter.fixAccess(true);
    }
    return new BeanRule(properties, anyGetter);
  }

  private BeanRule.Property[] beanProperties(Class<?> type, BeanSerializer serializer) {
    JsonInclude classInclude = type.getAnnotation(JsonInclude.class);
    JsonInclude.Include defaultInclusion =
        classInclude != null
            ? classInclude.value()
            : jackson.getSerializationConfig().getDefaultPropertyInclusion().getValueInclusion();
    List<BeanRule.Property> properties = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Iterator<PropertyWriter> it = serializer.properties(); it.hasNext(); ) {
      PropertyWriter writer = it.next();
      if (writer instanceof BeanPropertyWriter
          && writer.getAnnotation(JsonAnyGetter.class) == null) {
        // Jackson 2.18+ lists the any-getter as a property; its entries are written separately.
        properties.add(property((BeanPropertyWriter) writer, names, defaultInclusion));
      }
    }
    BeanRule.Property[] result = properties.toArray(new BeanRule.Property[0]);
    if (config.sortKeys()) {
      Arrays.sort(result, Comparator.comparing(BeanRule.Property::name));
    }
    return result;
  }

  private BeanRule.Property property(
      BeanPropertyWriter property, Set<String> names, JsonInclude.Include defaultInclusion) {
    String name = TypeRules.uniqueName(names, Strings.wellFormed(property.getName()));
    JsonInclude include = property.getAnnotation(JsonInclude.class);
    JsonInclude.Include inclusion = include != null ? include.value() : defaultInclusion;
    if (property.willSuppressNulls() && inclusion == JsonInclude.Include.ALWAYS) {
      inclusion = JsonInclude.Include.NON_NULL;
    }
    boolean redacted = config.isRedacted(name) || property.getAnnotation(Sensitive.class) != null;
    return new BeanRule.Property(name, property, redacted, inclusion, jacksonSerializes(property));
  }

  /** True when the property carries its own Jackson serialization, which safejson then delegates to. */
  private static boolean jacksonSerializes(BeanPropertyWriter property) {
    if (property.getAnnotation(JsonRawValue.class) != null) {
      return true;
    }
    JsonSerialize serialize = property.getAnnotation(JsonSerialize.class);
    return serialize != null
        && (serialize.using() != JsonSerializer.None.class
            || serialize.contentUsing() != JsonSerializer.None.class
            || serialize.keyUsing() != JsonSerializer.None.class
            || serialize.converter() != Converter.None.class
            || serialize.contentConverter() != Converter.None.class);
  }
}
