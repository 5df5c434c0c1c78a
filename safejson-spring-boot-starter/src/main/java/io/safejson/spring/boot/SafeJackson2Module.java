package io.safejson.spring.boot;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionLikeType;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapLikeType;
import com.fasterxml.jackson.databind.type.MapType;
import com.fasterxml.jackson.databind.type.ReferenceType;
import io.safejson.SafeSerializer;
import java.io.IOException;

/**
 * The Jackson 2 twin of safejson-jackson3's module, for Boot 3.5's {@code ObjectMapper}: every value Jackson is
 * asked to write, from the root, becomes the serializer's own JSON written raw ({@code toJson}'s chars), so
 * Jackson never walks a container or bean itself. Thread-safe.
 */
final class SafeJackson2Module extends SimpleModule {
  private static final long serialVersionUID = 1L;

  private final transient RawJson serializer;

  SafeJackson2Module(SafeSerializer safe) {
    super("safejson-jackson2", Version.unknownVersion());
    this.serializer = new RawJson(safe);
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    // First in line, so a class's own @JsonSerialize or @JsonValue does not take the value from the core.
    context.insertAnnotationIntrospector(new EveryClass(serializer));
    context.addSerializers(new Everything(serializer));
  }

  /** Writes a value as the core's JSON, raw. */
  static final class RawJson extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;

    private final transient SafeSerializer safe;

    RawJson(SafeSerializer safe) {
      super(Object.class);
      this.safe = safe;
    }

    @Override
    public void serialize(Object value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeRawValue(safe.toJson(value));
    }

    @Override
    public void serializeWithType(
        Object value, JsonGenerator generator, SerializerProvider provider, TypeSerializer typeSer)
        throws IOException {
      serialize(value, generator, provider); // no type ids: the core's JSON is the whole value
    }
  }

  /** Names {@link RawJson} as every class's serializer. */
  private static final class EveryClass extends NopAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    private final transient RawJson serializer;

    EveryClass(RawJson serializer) {
      this.serializer = serializer;
    }

    @Override
    public Object findSerializer(Annotated annotated) {
      return annotated instanceof AnnotatedClass ? serializer : null;
    }
  }

  /** And for every type Jackson asks modules about, interfaces included (containers, arrays, references, beans). */
  private static final class Everything extends Serializers.Base {
    private final RawJson serializer;

    Everything(RawJson serializer) {
      this.serializer = serializer;
    }

    @Override
    public JsonSerializer<?> findSerializer(
        SerializationConfig config, JavaType type, BeanDescription beanDesc) {
      return serializer;
    }

    @Override
    public JsonSerializer<?> findReferenceSerializer(
        SerializationConfig config, ReferenceType type, BeanDescription beanDesc,
        TypeSerializer contentTypeSerializer, JsonSerializer<Object> contentValueSerializer) {
      return serializer;
    }

    @Override
    public JsonSerializer<?> findArraySerializer(
        SerializationConfig config, ArrayType type, BeanDescription beanDesc,
        TypeSerializer elementTypeSerializer, JsonSerializer<Object> elementValueSerializer) {
      return serializer;
    }

    @Override
    public JsonSerializer<?> findCollectionSerializer(
        SerializationConfig config, CollectionType type, BeanDescription beanDesc,
        TypeSerializer elementTypeSerializer, JsonSerializer<Object> elementValueSerializer) {
      return serializer;
    }

    @Override
    public JsonSerializer<?> findCollectionLikeSerializer(
        SerializationConfig config, CollectionLikeType type, BeanDescription beanDesc,
        TypeSerializer elementTypeSerializer, JsonSerializer<Object> elementValueSerializer) {
      return serializer;
    }

    @Override
    public JsonSerializer<?> findMapSerializer(
        SerializationConfig config, MapType type, BeanDescription beanDesc,
        JsonSerializer<Object> keySerializer, TypeSerializer elementTypeSerializer,
        JsonSerializer<Object> elementValueSerializer) {
      return serializer;
    }

    @Override
    public JsonSerializer<?> findMapLikeSerializer(
        SerializationConfig config, MapLikeType type, BeanDescription beanDesc,
        JsonSerializer<Object> keySerializer, TypeSerializer elementTypeSerializer,
        JsonSerializer<Object> elementValueSerializer) {
      return serializer;
    }
  }
}
