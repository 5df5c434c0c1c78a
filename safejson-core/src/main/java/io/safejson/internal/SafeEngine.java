package io.safejson.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.safejson.EnumStyle;
import io.safejson.Incident;
import io.safejson.JsonReadException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Everything one {@code SafeSerializer} needs at run time: the Jackson mapper it introspects and reads with,
 * the value writer, and the buffers it writes into. Immutable and thread-safe.
 */
public final class SafeEngine {
  private static final byte[] FALLBACK_BYTES = ('"' + Markers.FAILED + '"').getBytes(StandardCharsets.UTF_8);

  /** Whether this Jackson can write supplementary characters as 4-byte UTF-8 (2.18+). */
  private static final boolean UTF8_COMBINES_SURROGATES = combineSurrogatesFeature() != null;

  private static JsonWriteFeature combineSurrogatesFeature() {
    try {
      return JsonWriteFeature.valueOf("COMBINE_UNICODE_SURROGATES_IN_UTF8");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private final SafeConfig config;
  private final ObjectMapper jackson;
  private final JsonFactory factory;
  private final ValueWriter writer;
  private final ObjectMapper publicMapper;
  private final ObjectMapper trustedReader;

  public SafeEngine(SafeConfig config) {
    this.config = config;
    JsonFactory jsonFactory = jsonFactory(config);
    JsonMapper.Builder builder =
        JsonMapper.builder(jsonFactory)
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .configure(
                DeserializationFeature.READ_ENUMS_USING_TO_STRING,
                config.enumStyle() == EnumStyle.TO_STRING);
    for (Module module : config.modules()) {
      builder.addModule(module);
    }
    builder.addModule(new ReadModule());
    ObjectMapper mapper = builder.build();
    TypeRules rules = new TypeRules(config, mapper);
    this.writer = new ValueWriter(config, mapper, rules);
    // Registered last, so it takes precedence over every other module for the table's types.
    mapper.registerModule(writer.bridge.tableModule(rules));
    this.jackson = mapper;
    this.factory = mapper.getFactory();

    ObjectMapper copy = mapper.copy();
    copy.registerModule(writer.bridge.everythingModule(config.onIncident()));
    this.publicMapper = copy;

    this.trustedReader = trustedReader();
  }

  /** The factory of this engine's mapper: the configured limits, strict duplicates, HTML escapes if asked. */
  private static JsonFactory jsonFactory(SafeConfig config) {
    JsonFactory jsonFactory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(config.maxDepth())
                    .maxStringLength(Math.max(config.maxStringLength() + 64, 1024))
                    .maxDocumentLength(config.maxInputLength())
                    .build())
            .streamWriteConstraints(
                StreamWriteConstraints.builder()
                    .maxNestingDepth(Math.max(StreamWriteConstraints.DEFAULT_MAX_DEPTH, 2 * SafeConfig.MAX_DEPTH_LIMIT))
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    if (UTF8_COMBINES_SURROGATES) {
      jsonFactory = jsonFactory.rebuild().enable(combineSurrogatesFeature()).build();
    }
    if (config.htmlSafe()) {
      jsonFactory.setCharacterEscapes(HtmlSafeEscapes.INSTANCE);
    }
    return jsonFactory;
  }

  /** Reads back this engine's own output, which is known to be within every limit it set. */
  private static ObjectMapper trustedReader() {
    return JsonMapper.builder(
                JsonFactory.builder()
                    .streamReadConstraints(
                        StreamReadConstraints.builder()
                            .maxNestingDepth(4 * SafeConfig.MAX_DEPTH_LIMIT)
                            .maxStringLength(Integer.MAX_VALUE)
                            .maxNumberLength(Integer.MAX_VALUE)
                            .build())
                    .build())
            .build();
  }

  /** Serializes to a string; incidents are added to {@code collected} when it is not null. */
  public String toText(Object value, List<Incident> collected) {
    WriteSession session = null;
    BufferRecycler recycler = factory._getBufferRecycler();
    char[] scratch = recycler.allocCharBuffer(BufferRecycler.CHAR_NAME_COPY_BUFFER, WriteSession.SCRATCH_CHARS);
    try (SegmentedStringWriter out = new SegmentedStringWriter(recycler)) {
      try (JsonGenerator generator = factory.createGenerator(out)) {
        session = new WriteSession(generator, config.onIncident(), collected != null);
        session.ownGenerator = true;
        session.lendScratch(scratch);
        writer.write(session, value);
      }
      String text = out.getAndClear();
      addAll(collected, session);
      return text;
    } catch (Throwable t) {
      return new String(fallback(value, t, session, collected), StandardCharsets.UTF_8);
    } finally {
      recycler.releaseCharBuffer(BufferRecycler.CHAR_NAME_COPY_BUFFER, scratch);
      recycler.releaseToPool();
    }
  }

  /** Serializes to UTF-8 bytes; incidents are added to {@code collected} when it is not null. */
  public byte[] toBytes(Object value, List<Incident> collected) {
    if (!UTF8_COMBINES_SURROGATES) {
      // Before Jackson 2.18 the UTF-8 generator escapes supplementary characters as two backslash-u escapes;
      // encoding the text output keeps bytes identical to toJson across every supported Jackson.
      return toText(value, collected).getBytes(StandardCharsets.UTF_8);
    }
    WriteSession session = null;
    BufferRecycler recycler = factory._getBufferRecycler();
    // Pooled with the recycler's other buffers: the name-copy buffer serves parsers only, never a generator.
    char[] scratch = recycler.allocCharBuffer(BufferRecycler.CHAR_NAME_COPY_BUFFER, WriteSession.SCRATCH_CHARS);
    try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
      try (JsonGenerator generator = factory.createGenerator(out, JsonEncoding.UTF8)) {
        session = new WriteSession(generator, config.onIncident(), collected != null);
        session.ownGenerator = true;
        session.lendScratch(scratch);
        writer.write(session, value);
      }
      byte[] bytes = out.toByteArray();
      out.release();
      addAll(collected, session);
      return bytes;
    } catch (Throwable t) {
      return fallback(value, t, session, collected);
    } finally {
      recycler.releaseCharBuffer(BufferRecycler.CHAR_NAME_COPY_BUFFER, scratch);
      recycler.releaseToPool();
    }
  }

  /** Writes into a caller's generator; only the generator's own IOException escapes. */
  public void write(Object value, JsonGenerator generator) throws java.io.IOException {
    writer.write(new WriteSession(generator, config.onIncident(), false), value);
  }

  /**
   * A session for a series of {@link #write(Object, WriteSession)} calls into one caller's generator;
   * incidents go to the configured listener, then to {@code alsoTo} (nullable).
   */
  public WriteSession newSession(JsonGenerator generator, java.util.function.Consumer<Incident> alsoTo) {
    java.util.function.Consumer<Incident> configured = config.onIncident();
    java.util.function.Consumer<Incident> listener = configured;
    if (alsoTo != null) {
      listener =
          configured == null
              ? alsoTo
              : incident -> {
                try {
                  configured.accept(incident);
                } catch (RuntimeException | Error e) {
                  Failures.rethrowIfFatal(e); // one listener's bug must not keep the incident from the other
                }
                alsoTo.accept(incident);
              };
    }
    return new WriteSession(generator, listener, false);
  }

  /** Writes one more value with a session from {@link #newSession}; only the generator's IOException escapes. */
  public void write(Object value, WriteSession session) throws java.io.IOException {
    writer.write(session, value);
  }

  private static void addAll(List<Incident> collected, WriteSession session) {
    if (collected != null) {
      collected.addAll(session.incidents());
    }
  }

  /** Last resort for a failure the writer did not absorb: a valid document and a root incident. */
  private byte[] fallback(Object value, Throwable t, WriteSession session, List<Incident> collected) {
    Failures.rethrowIfFatal(t);
    if (session != null) {
      addAll(collected, session);
    }
    Incident incident =
        new Incident(
            JsonPaths.ROOT,
            Incident.Kind.FAILED,
            value == null ? "null" : value.getClass().getName(),
            "serialization failed: " + Failures.describe(t));
    if (collected != null) {
      collected.add(incident);
    }
    if (config.onIncident() != null) {
      try {
        config.onIncident().accept(incident);
      } catch (RuntimeException | Error e) {
        Failures.rethrowIfFatal(e);
      }
    }
    return FALLBACK_BYTES.clone();
  }

  /** Parses this engine's own output back into plain maps, lists, strings, numbers and booleans. */
  public Object toJsonValue(Object value) {
    byte[] json = toBytes(value, null);
    try {
      return trustedReader.readValue(json, Object.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("safejson produced JSON it cannot read back; please report", e);
    }
  }

  /** Reads JSON into a type with the hardened reader. */
  public <T> T fromJson(String json, Class<T> type) {
    if (json == null) {
      throw new JsonReadException(JsonPaths.ROOT, "input is null", null);
    }
    if (type == null) {
      throw new IllegalArgumentException("type must not be null");
    }
    if (json.length() > config.maxInputLength()) {
      // Checked here too: Jackson before 2.18 does not apply maxDocumentLength to in-memory input.
      throw new JsonReadException(
          JsonPaths.ROOT,
          "input of " + json.length() + " chars exceeds maxInputLength " + config.maxInputLength(),
          null);
    }
    try {
      return jackson.readValue(json, type);
    } catch (JsonMappingException e) {
      throw new JsonReadException(pathOf(e), e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      String path = JsonPaths.ROOT;
      if (e.getProcessor() instanceof JsonParser) {
        path = readPath(((JsonParser) e.getProcessor()).getParsingContext());
      }
      throw new JsonReadException(path, e.getOriginalMessage(), e);
    } catch (RuntimeException e) {
      throw new JsonReadException(JsonPaths.ROOT, Failures.describe(e), e);
    }
  }

  private static String pathOf(JsonMappingException e) {
    String path = JsonPaths.ROOT;
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path = JsonPaths.child(path, reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path = JsonPaths.child(path, reference.getIndex());
      }
    }
    return path;
  }

  private static String readPath(JsonStreamContext context) {
    String path = JsonPaths.ROOT;
    java.util.ArrayDeque<JsonStreamContext> chain = new java.util.ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.push(c);
    }
    for (JsonStreamContext c : chain) {
      if (c.inArray()) {
        path = JsonPaths.child(path, c.getCurrentIndex());
      } else if (c.getCurrentName() != null) {
        path = JsonPaths.child(path, c.getCurrentName());
      }
    }
    return path;
  }

  /** Returns a new copy of the mapper whose serialization goes through this engine. */
  public ObjectMapper objectMapper() {
    return publicMapper.copy();
  }
}
