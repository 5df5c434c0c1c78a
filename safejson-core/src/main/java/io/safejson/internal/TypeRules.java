package io.safejson.internal;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializer;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.impl.TypeWrappedSerializer;
import com.fasterxml.jackson.databind.ser.impl.UnknownSerializer;
import io.safejson.EnumStyle;
import io.safejson.Sensitive;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.BaseStream;

/**
 * Decides, once per class, which {@link TypeRule} writes its values: custom converters first, then the
 * normalization table, then Jackson's own view of the class (bean properties, {@code @JsonValue}, custom
 * serializers).
 */
final class TypeRules {
  private final SafeConfig config;
  private final ObjectMapper jackson;
  private final ConcurrentHashMap<Class<?>, TypeRule> cache = new ConcurrentHashMap<>();

  TypeRules(SafeConfig config, ObjectMapper jackson) {
    this.config = config;
    this.jackson = jackson;
  }

  TypeRule ruleFor(Class<?> type) {
    TypeRule rule = cache.get(type);
    if (rule == null) {
      // Not computeIfAbsent: classifying asks Jackson, which may call back into this cache.
      rule = classify(type);
      TypeRule raced = cache.putIfAbsent(type, rule);
      if (raced != null) {
        rule = raced;
      }
    }
    return rule;
  }

  /** True for classes the normalization table covers (used by the Jackson module for nested values). */
  boolean isTableType(Class<?> type) {
    // Must not ask Jackson for serializers: Jackson calls this while building one.
    return config.converterFor(type) != null
        || type.isAnnotationPresent(Sensitive.class)
        || simpleShape(type) != null
        || Enum.class.isAssignableFrom(type)
        || TextKind.of(type) != null
        || containerShape(type) != null;
  }

  private TypeRule classify(Class<?> type) {
    try {
      return classifyOrThrow(type);
    } catch (Exception | LinkageError e) {
      TypeRule rule = new TypeRule(TypeRule.Shape.UNKNOWN);
      rule.unknownReason = "Jackson could not introspect the type: " + e;
      return rule;
    }
  }

  private TypeRule classifyOrThrow(Class<?> type) throws Exception {
    SafeConfig.Converter converter = config.converterFor(type);
    if (converter != null) {
      TypeRule rule = new TypeRule(TypeRule.Shape.CONVERTED);
      rule.converter = converter.function();
      return rule;
    }
    if (type.isAnnotationPresent(Sensitive.class)) {
      return new TypeRule(TypeRule.Shape.SENSITIVE);
    }
    TypeRule.Shape simple = simpleShape(type);
    if (simple != null) {
      return new TypeRule(simple);
    }
    if (Enum.class.isAssignableFrom(type)) {
      return enumRule(type);
    }
    TextKind text = TextKind.of(type);
    if (text != null) {
      return TypeRule.text(text);
    }
    TypeRule.Shape container = containerShape(type);
    if (container != null) {
      return new TypeRule(container);
    }
    return jacksonRule(type);
  }

  private static TypeRule.Shape simpleShape(Class<?> type) {
    if (CharSequence.class.isAssignableFrom(type)) {
      return TypeRule.Shape.CHAR_SEQUENCE;
    } else if (type == Boolean.class) {
      return TypeRule.Shape.BOOLEAN;
    } else if (type == Integer.class
        || type == Short.class
        || type == Byte.class
        || type == AtomicInteger.class) {
      return TypeRule.Shape.INT;
    } else if (type == Long.class
        || type == AtomicLong.class
        || type == LongAdder.class
        || type == LongAccumulator.class) {
      return TypeRule.Shape.LONG;
    } else if (type == BigInteger.class) {
      return TypeRule.Shape.BIG_INTEGER;
    } else if (type == Float.class) {
      return TypeRule.Shape.FLOAT;
    } else if (type == BigDecimal.class) {
      return TypeRule.Shape.BIG_DECIMAL;
    } else if (Number.class.isAssignableFrom(type)) {
      // Double, DoubleAdder and any other Number: Jackson would write an unknown Number's toString() raw.
      return TypeRule.Shape.DOUBLE;
    } else if (type == Character.class) {
      return TypeRule.Shape.CHARACTER;
    } else if (type == Optional.class) {
      return TypeRule.Shape.OPTIONAL;
    } else if (type == OptionalInt.class) {
      return TypeRule.Shape.OPTIONAL_INT;
    } else if (type == OptionalLong.class) {
      return TypeRule.Shape.OPTIONAL_LONG;
    } else if (type == OptionalDouble.class) {
      return TypeRule.Shape.OPTIONAL_DOUBLE;
    } else if (type == AtomicReference.class) {
      return TypeRule.Shape.ATOMIC_REFERENCE;
    } else if (type == AtomicBoolean.class) {
      return TypeRule.Shape.ATOMIC_BOOLEAN;
    } else if (type == byte[].class) {
      return TypeRule.Shape.BYTES;
    } else if (type == char[].class) {
      return TypeRule.Shape.CHARS;
    } else if (type.isArray()) {
      return TypeRule.Shape.ARRAY;
    }
    return null;
  }

  private static TypeRule.Shape containerShape(Class<?> type) {
    if (JsonNode.class.isAssignableFrom(type)) {
      return TypeRule.Shape.JSON_NODE;
    } else if (Map.class.isAssignableFrom(type)) {
      return TypeRule.Shape.MAP;
    } else if (Collection.class.isAssignableFrom(type)) {
      return TypeRule.Shape.COLLECTION;
    } else if (Iterable.class.isAssignableFrom(type)) {
      return TypeRule.Shape.ITERABLE;
    } else if (Iterator.class.isAssignableFrom(type)) {
      return TypeRule.Shape.ITERATOR;
    } else if (Enumeration.class.isAssignableFrom(type)) {
      return TypeRule.Shape.ENUMERATION;
    } else if (BaseStream.class.isAssignableFrom(type)) {
      return TypeRule.Shape.STREAM;
    } else if (Throwable.class.isAssignableFrom(type)) {
      return TypeRule.Shape.THROWABLE;
    }
    return null;
  }

  private TypeRule enumRule(Class<?> type) {
    Class<?> enumType = type.isEnum() ? type : type.getSuperclass();
    AnnotatedMember jsonValue = jsonValueAccessor(enumType);
    if (jsonValue != null) {
      TypeRule rule = new TypeRule(TypeRule.Shape.JSON_VALUE);
      rule.jsonValue = jsonValue;
      return rule;
    }
    TypeRule rule = new TypeRule(TypeRule.Shape.ENUM);
    if (config.enumStyle() != EnumStyle.TO_STRING) {
      Object[] constants = enumType.getEnumConstants();
      rule.enumNames = new String[constants.length];
      for (int i = 0; i < constants.length; i++) {
        String name = ((Enum<?>) constants[i]).name();
        rule.enumNames[i] =
            config.enumStyle() == EnumStyle.LOWER_CASE ? name.toLowerCase(Locale.ROOT) : name;
      }
    }
    return rule;
  }

  private AnnotatedMember jsonValueAccessor(Class<?> type) {
    BeanDescription description =
        jackson.getSerializationConfig().introspect(jackson.constructType(type));
    AnnotatedMember accessor = description.findJsonValueAccessor();
    if (accessor != null) {
      accessor.fixAccess(true);
    }
    return accessor;
  }

  private TypeRule jacksonRule(Class<?> type) throws Exception {
    AnnotatedMember jsonValue = jsonValueAccessor(type);
    if (jsonValue != null) {
      TypeRule rule = new TypeRule(TypeRule.Shape.JSON_VALUE);
      rule.jsonValue = jsonValue;
      return rule;
    }
    JsonSerializer<Object> serializer =
        jackson.getSerializerProviderInstance().findTypedValueSerializer(type, true, null);
    if (serializer instanceof UnknownSerializer) {
      TypeRule rule = new TypeRule(TypeRule.Shape.UNKNOWN);
      rule.unknownReason = "no properties; wrote toString()";
      return rule;
    }
    if (serializer instanceof TypeWrappedSerializer || serializer.getClass() != BeanSerializer.class) {
      return new TypeRule(TypeRule.Shape.DELEGATE);
    }
    TypeRule.Property[] properties = beanProperties(type, (BeanSerializer) serializer);
    BeanDescription description =
        jackson.getSerializationConfig().introspect(jackson.constructType(type));
    AnnotatedMember anyGetter = description.findAnyGetter();
    if (properties.length == 0 && anyGetter == null) {
      TypeRule rule = new TypeRule(TypeRule.Shape.UNKNOWN);
      rule.unknownReason = "no properties; wrote toString()";
      return rule;
    }
    TypeRule rule = new TypeRule(TypeRule.Shape.BEAN);
    rule.properties = properties;
    if (anyGetter != null) {
      anyGetter.fixAccess(true);
      rule.anyGetter = anyGetter;
    }
    return rule;
  }

  private TypeRule.Property[] beanProperties(Class<?> type, BeanSerializer serializer) {
    JsonInclude classInclude = type.getAnnotation(JsonInclude.class);
    JsonInclude.Include defaultInclusion =
        classInclude != null
            ? classInclude.value()
            : jackson.getSerializationConfig().getDefaultPropertyInclusion().getValueInclusion();
    List<TypeRule.Property> properties = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Iterator<PropertyWriter> it = serializer.properties(); it.hasNext(); ) {
      PropertyWriter writer = it.next();
      if (!(writer instanceof BeanPropertyWriter)) {
        continue;
      }
      BeanPropertyWriter property = (BeanPropertyWriter) writer;
      if (property.getAnnotation(JsonAnyGetter.class) != null) {
        continue; // Jackson 2.18+ lists the any-getter as a property; its entries are written separately.
      }
      String name = uniqueName(names, Strings.wellFormed(property.getName()));
      JsonInclude include = property.getAnnotation(JsonInclude.class);
      JsonInclude.Include inclusion = include != null ? include.value() : defaultInclusion;
      if (property.willSuppressNulls() && inclusion == JsonInclude.Include.ALWAYS) {
        inclusion = JsonInclude.Include.NON_NULL;
      }
      boolean redacted =
          config.isRedacted(name) || property.getAnnotation(Sensitive.class) != null;
      properties.add(
          new TypeRule.Property(name, property, redacted, inclusion, jacksonSerializes(property)));
    }
    TypeRule.Property[] result = properties.toArray(new TypeRule.Property[0]);
    if (config.sortKeys()) {
      Arrays.sort(result, Comparator.comparing(TypeRule.Property::name));
    }
    return result;
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
            || serialize.converter() != com.fasterxml.jackson.databind.util.Converter.None.class
            || serialize.contentConverter()
                != com.fasterxml.jackson.databind.util.Converter.None.class);
  }

  static String uniqueName(Set<String> taken, String name) {
    if (taken.add(name)) {
      return name;
    }
    for (int n = 2; ; n++) {
      String candidate = name + "~" + n;
      if (taken.add(candidate)) {
        return candidate;
      }
    }
  }
}
