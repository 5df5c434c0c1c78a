package io.safejson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionLikeType;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapLikeType;
import com.fasterxml.jackson.databind.type.MapType;
import com.fasterxml.jackson.databind.type.ReferenceType;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.safejson.Incident;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The one bridge between safejson's walker and Jackson, both ways. Out: a type Jackson serializes itself
 * ({@link #delegate}, {@link #jacksonProperty}) runs into a {@link TokenBuffer} through a
 * {@link BudgetedGenerator}, and the tree read back is replayed through the walker's checks. In: the
 * {@link SafeValueSerializer} registered on the mappers hands values back to the walker, in a session whose
 * {@link Mode} says who owns the pass. Thread-safe.
 */
final class JacksonBridge {

  /** Who owns the pass a session belongs to. */
  enum Mode {
    /**
     * safejson's walker (toJson, writeTo, a user's {@code objectMapper()}): a type Jackson serializes is
     * buffered, checked and replayed.
     */
    WALKING,
    /**
     * Jackson, serializing a value for the walker, met a table type nested inside it and called back: types
     * Jackson serializes go straight back to Jackson, and incidents are not reported twice.
     */
    INSIDE_JACKSON
  }

  /** What {@link #jacksonProperty} returns when the property's serializer ran out of {@code maxValues}. */
  static final JsonNode OVER_BUDGET = new TextNode(Markers.TRUNCATED);

  private final ValueWriter writer;
  private final ObjectMapper jackson;
  /** Runs Jackson's own serializers into a buffer, as {@code valueToTree} does (no root wrapping). */
  private final ObjectWriter treeWriter;

  JacksonBridge(ValueWriter writer, ObjectMapper jackson) {
    this.writer = writer;
    this.jackson = jackson;
    this.treeWriter = jackson.writer().without(SerializationFeature.WRAP_ROOT_VALUE);
  }

  /** Lets Jackson write a type with its own serialization, then replays the result through the checks. */
  void delegate(WriteSession s, Object value) throws IOException {
    if (s.mode == Mode.INSIDE_JACKSON) {
      s.provider.defaultSerializeValue(value, s.generator);
      return;
    }
    TokenBuffer buffer = new TokenBuffer(jackson, false);
    BudgetedGenerator budgeted = new BudgetedGenerator(buffer, s);
    JsonNode tree;
    try {
      treeWriter.writeValue(budgeted, value);
      tree = jackson.readTree(buffer.asParser(jackson));
    } catch (Throwable t) {
      Failures.rethrowIfFatal(t);
      budgeted.refund();
      if (budgeted.spent()) {
        writer.writeOverBudget(s, value);
      } else {
        writer.failed(s, value, "Jackson serializer threw", t);
      }
      return;
    }
    budgeted.refund();
    writer.sequences.writeNode(s, tree);
  }

  /**
   * Runs a Jackson property serializer into a buffer, within what is left of the document's
   * {@code maxValues}; returns its tree, null if it wrote nothing, or {@link #OVER_BUDGET}. Throws what the
   * serializer threw.
   */
  JsonNode jacksonProperty(WriteSession s, Object bean, BeanRule.Property property) throws Exception {
    TokenBuffer buffer = new TokenBuffer(jackson, false);
    buffer.writeStartObject();
    BudgetedGenerator budgeted = new BudgetedGenerator(buffer, s);
    try {
      property.writer().serializeAsField(bean, budgeted, jackson.getSerializerProviderInstance());
    } catch (Exception e) {
      if (budgeted.spent()) {
        return OVER_BUDGET;
      }
      throw e;
    } finally {
      budgeted.refund();
    }
    buffer.writeEndObject();
    JsonNode object = jackson.readTree(buffer.asParser(jackson));
    return object == null ? null : object.get(property.writer().getName());
  }

  /** The module that routes the table's types, met nested inside Jackson's own serializers, to the walker. */
  SimpleModule tableModule(TypeRules rules) {
    return new SafeValueSerializer(writer, null, Mode.INSIDE_JACKSON)
        .asModule("safejson-table", rules::isTableType);
  }

  /** The module of a user's {@code objectMapper()}: every value goes to the walker. */
  SimpleModule everythingModule(Consumer<Incident> listener) {
    return new SafeValueSerializer(writer, listener, Mode.WALKING)
        .asModule("safejson-everything", type -> true);
  }

  /** A Jackson serializer that hands values to the {@link ValueWriter}, so Jackson output gets the same rules. */
  private static final class SafeValueSerializer extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;

    private final transient ValueWriter writer;
    private final transient Consumer<Incident> listener;
    private final Mode mode;

    SafeValueSerializer(ValueWriter writer, Consumer<Incident> listener, Mode mode) {
      super(Object.class);
      this.writer = writer;
      this.listener = listener;
      this.mode = mode;
    }

    @Override
    public void serialize(Object value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      SerializerProvider inside = mode == Mode.INSIDE_JACKSON ? provider : null;
      writer.write(new WriteSession(generator, listener, false, mode, inside), value);
    }

    @Override
    public void serializeWithType(
        Object value, JsonGenerator generator, SerializerProvider provider, TypeSerializer typeSer)
        throws IOException {
      serialize(value, generator, provider);
    }

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
