package io.safejson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
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
import io.safejson.Incident;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A Jackson serializer that hands values to the {@link ValueWriter}, so Jackson output gets the same rules. */
final class SafeValueSerializer extends StdSerializer<Object> {
  private static final long serialVersionUID = 1L;

  private final transient ValueWriter writer;
  private final transient Consumer<Incident> listener;
  private final boolean nested;

  /**
   * @param nested true inside the engine's own Jackson buffers, where unknown types go back to Jackson and
   *     incidents are not reported twice
   */
  SafeValueSerializer(ValueWriter writer, Consumer<Incident> listener, boolean nested) {
    super(Object.class);
    this.writer = writer;
    this.listener = listener;
    this.nested = nested;
  }

  @Override
  public void serialize(Object value, JsonGenerator generator, SerializerProvider provider)
      throws IOException {
    writer.write(new WriteSession(generator, listener, false, nested ? provider : null), value);
  }

  @Override
  public void serializeWithType(
      Object value, JsonGenerator generator, SerializerProvider provider, TypeSerializer typeSer)
      throws IOException {
    serialize(value, generator, provider);
  }

  /** A module that routes the classes accepted by {@code routed} to this serializer. */
  SimpleModule asModule(String name, Predicate<Class<?>> routed) {
    RoutingSerializers serializers = new RoutingSerializers(this, routed);
    return new SimpleModule(name) {
      private static final long serialVersionUID = 1L;

      @Override
      public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addSerializers(serializers);
      }
    };
  }

  private static final class RoutingSerializers extends Serializers.Base {
    private final SafeValueSerializer serializer;
    private final Predicate<Class<?>> routed;

    RoutingSerializers(SafeValueSerializer serializer, Predicate<Class<?>> routed) {
      this.serializer = serializer;
      this.routed = routed;
    }

    private JsonSerializer<?> route(JavaType type) {
      return routed.test(type.getRawClass()) ? serializer : null;
    }

    @Override
    public JsonSerializer<?> findSerializer(
        SerializationConfig config, JavaType type, BeanDescription beanDesc) {
      return route(type);
    }

    @Override
    public JsonSerializer<?> findReferenceSerializer(
        SerializationConfig config,
        ReferenceType type,
        BeanDescription beanDesc,
        TypeSerializer contentTypeSerializer,
        JsonSerializer<Object> contentValueSerializer) {
      return route(type);
    }

    @Override
    public JsonSerializer<?> findArraySerializer(
        SerializationConfig config,
        ArrayType type,
        BeanDescription beanDesc,
        TypeSerializer elementTypeSerializer,
        JsonSerializer<Object> elementValueSerializer) {
      return route(type);
    }

    @Override
    public JsonSerializer<?> findCollectionSerializer(
        SerializationConfig config,
        CollectionType type,
        BeanDescription beanDesc,
        TypeSerializer elementTypeSerializer,
        JsonSerializer<Object> elementValueSerializer) {
      return route(type);
    }

    @Override
    public JsonSerializer<?> findCollectionLikeSerializer(
        SerializationConfig config,
        CollectionLikeType type,
        BeanDescription beanDesc,
        TypeSerializer elementTypeSerializer,
        JsonSerializer<Object> elementValueSerializer) {
      return route(type);
    }

    @Override
    public JsonSerializer<?> findMapSerializer(
        SerializationConfig config,
        MapType type,
        BeanDescription beanDesc,
        JsonSerializer<Object> keySerializer,
        TypeSerializer elementTypeSerializer,
        JsonSerializer<Object> elementValueSerializer) {
      return route(type);
    }

    @Override
    public JsonSerializer<?> findMapLikeSerializer(
        SerializationConfig config,
        MapLikeType type,
        BeanDescription beanDesc,
        JsonSerializer<Object> keySerializer,
        TypeSerializer elementTypeSerializer,
        JsonSerializer<Object> elementValueSerializer) {
      return route(type);
    }
  }
}
