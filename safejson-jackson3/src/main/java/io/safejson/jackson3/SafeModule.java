package io.safejson.jackson3;

import io.safejson.SafeSerializer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.Version;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.module.SimpleSerializers;

/**
 * The Jackson 3 module of {@link SafeJackson3#module}: every value Jackson 3 is asked to write, from the root,
 * becomes the serializer's own JSON written raw, so Jackson 3 never walks a container or a bean itself (its
 * keys, nesting and annotations would differ from the core's). Thread-safe.
 */
final class SafeModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  private final transient RawJsonSerializer serializer;

  SafeModule(SafeSerializer safe) {
    super("safejson-jackson3", Version.unknownVersion());
    this.serializer = new RawJsonSerializer(safe);
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    // First in line, so a class's own @JsonSerialize or @JsonValue does not take the value from the core.
    context.insertAnnotationIntrospector(new EveryClass(serializer));
    // And for every type Jackson asks modules about (containers, arrays, references, beans).
    SimpleSerializers everything = new SimpleSerializers();
    everything.addSerializer(Object.class, serializer);
    context.addSerializers(everything);
  }

  /** Writes a value as the core's JSON, raw. */
  static final class RawJsonSerializer extends ValueSerializer<Object> {
    private final SafeSerializer safe;

    RawJsonSerializer(SafeSerializer safe) {
      this.safe = safe;
    }

    @Override
    public void serialize(Object value, JsonGenerator generator, SerializationContext context) {
      generator.writeRawValue(safe.toJson(value));
    }

    @Override
    public void serializeWithType(
        Object value, JsonGenerator generator, SerializationContext context, TypeSerializer typeSer) {
      serialize(value, generator, context); // no type ids: the core's JSON is the whole value
    }

    @Override
    public Class<?> handledType() {
      return Object.class;
    }
  }

  /** Names {@link RawJsonSerializer} as every class's serializer. */
  private static final class EveryClass extends NopAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    private final transient RawJsonSerializer serializer;

    EveryClass(RawJsonSerializer serializer) {
      this.serializer = serializer;
    }

    @Override
    public Object findSerializer(MapperConfig<?> config, Annotated annotated) {
      return annotated instanceof AnnotatedClass ? serializer : null;
    }
  }
}
