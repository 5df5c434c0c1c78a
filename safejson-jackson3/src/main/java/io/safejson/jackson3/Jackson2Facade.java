package io.safejson.jackson3;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.Version;
import io.safejson.SafeSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.TokenStreamContext;

/**
 * A Jackson 2 generator that forwards every write to a Jackson 3 generator, so the core's
 * {@link SafeSerializer#writerFor} writes into Jackson 3 with no copy. Its output context mirrors the Jackson 3
 * generator's: {@link #syncWithGenerator()} copies it before each value, and every write through this facade
 * keeps both in step. Jackson 3 validates the structure and does all escaping. Not thread-safe.
 */
final class Jackson2Facade extends com.fasterxml.jackson.core.JsonGenerator {
  private final JsonGenerator target;
  private final SafeSerializer serializer;
  private final MirrorContext root = MirrorContext.root();
  private MirrorContext context = root;
  private ObjectCodec codec;
  private int features;
  private boolean closed;

  Jackson2Facade(JsonGenerator target, SafeSerializer serializer) {
    this.target = target;
    this.serializer = serializer;
  }

  /**
   * Makes the mirrored context the Jackson 3 generator's current one (the caller may have written since): the
   * mirror at the same depth, and each of its enclosing contexts, take the state of the Jackson 3 context at
   * their depth.
   */
  void syncWithGenerator() {
    TokenStreamContext current = target.streamWriteContext();
    MirrorContext mirror = mirrorAt(current.getNestingDepth());
    context = mirror;
    for (TokenStreamContext c = current; c != null; c = c.getParent(), mirror = mirror.getParent()) {
      int type =
          c.inRoot()
              ? JsonStreamContext.TYPE_ROOT
              : c.inArray() ? JsonStreamContext.TYPE_ARRAY : JsonStreamContext.TYPE_OBJECT;
      mirror.reset(type, c.getEntryCount(), c.currentName(), c.currentValue());
    }
  }

  /** The mirror context at {@code depth}: usually the current one, as the core leaves it where it began. */
  private MirrorContext mirrorAt(int depth) {
    if (context.getNestingDepth() == depth) {
      return context;
    }
    MirrorContext mirror = root;
    for (int i = 0; i < depth; i++) {
      mirror = mirror.descend();
    }
    return mirror;
  }

  // --- structure

  @Override
  public void writeStartArray() throws IOException {
    context.valueWritten();
    target.writeStartArray();
    context = context.enter(JsonStreamContext.TYPE_ARRAY, null);
  }

  @Override
  public void writeStartArray(int size) throws IOException {
    context.valueWritten();
    target.writeStartArray(null, size);
    context = context.enter(JsonStreamContext.TYPE_ARRAY, null);
  }

  @Override
  public void writeStartArray(Object forValue) throws IOException {
    context.valueWritten();
    target.writeStartArray(forValue);
    context = context.enter(JsonStreamContext.TYPE_ARRAY, forValue);
  }

  @Override
  public void writeStartArray(Object forValue, int size) throws IOException {
    context.valueWritten();
    target.writeStartArray(forValue, size);
    context = context.enter(JsonStreamContext.TYPE_ARRAY, forValue);
  }

  @Override
  public void writeEndArray() throws IOException {
    target.writeEndArray();
    context = parentOf(context);
  }

  @Override
  public void writeStartObject() throws IOException {
    context.valueWritten();
    target.writeStartObject();
    context = context.enter(JsonStreamContext.TYPE_OBJECT, null);
  }

  @Override
  public void writeStartObject(Object forValue) throws IOException {
    context.valueWritten();
    target.writeStartObject(forValue);
    context = context.enter(JsonStreamContext.TYPE_OBJECT, forValue);
  }

  @Override
  public void writeStartObject(Object forValue, int size) throws IOException {
    context.valueWritten();
    target.writeStartObject(forValue, size);
    context = context.enter(JsonStreamContext.TYPE_OBJECT, forValue);
  }

  @Override
  public void writeEndObject() throws IOException {
    target.writeEndObject();
    context = parentOf(context);
  }

  private static MirrorContext parentOf(MirrorContext context) {
    MirrorContext parent = context.getParent();
    return parent == null ? context : parent;
  }

  @Override
  public void writeFieldName(String name) throws IOException {
    target.writeName(name);
    context.nameWritten(name);
  }

  @Override
  public void writeFieldName(SerializableString name) throws IOException {
    writeFieldName(name.getValue());
  }

  // --- scalars

  @Override
  public void writeString(String text) throws IOException {
    context.valueWritten();
    target.writeString(text);
  }

  @Override
  public void writeString(char[] buffer, int offset, int length) throws IOException {
    context.valueWritten();
    target.writeString(buffer, offset, length);
  }

  @Override
  public void writeString(SerializableString text) throws IOException {
    writeString(text.getValue());
  }

  @Override
  public void writeRawUTF8String(byte[] buffer, int offset, int length) throws IOException {
    context.valueWritten();
    target.writeRawUTF8String(buffer, offset, length);
  }

  @Override
  public void writeUTF8String(byte[] buffer, int offset, int length) throws IOException {
    context.valueWritten();
    target.writeUTF8String(buffer, offset, length);
  }

  @Override
  public void writeRaw(String text) throws IOException {
    target.writeRaw(text);
  }

  @Override
  public void writeRaw(String text, int offset, int length) throws IOException {
    target.writeRaw(text, offset, length);
  }

  @Override
  public void writeRaw(char[] text, int offset, int length) throws IOException {
    target.writeRaw(text, offset, length);
  }

  @Override
  public void writeRaw(char c) throws IOException {
    target.writeRaw(c);
  }

  @Override
  public void writeRawValue(String text) throws IOException {
    context.valueWritten();
    target.writeRawValue(text);
  }

  @Override
  public void writeRawValue(String text, int offset, int length) throws IOException {
    context.valueWritten();
    target.writeRawValue(text, offset, length);
  }

  @Override
  public void writeRawValue(char[] text, int offset, int length) throws IOException {
    context.valueWritten();
    target.writeRawValue(text, offset, length);
  }

  @Override
  public void writeBinary(Base64Variant variant, byte[] data, int offset, int length) throws IOException {
    context.valueWritten();
    tools.jackson.core.Base64Variant same = jackson3Variant(variant);
    if (same != null) {
      target.writeBinary(same, data, offset, length);
    } else { // a custom alphabet: encoded by its own Jackson 2 variant
      target.writeString(variant.encode(Arrays.copyOfRange(data, offset, offset + length), false));
    }
  }

  @Override
  public int writeBinary(Base64Variant variant, InputStream data, int dataLength) throws IOException {
    tools.jackson.core.Base64Variant same = jackson3Variant(variant);
    if (same != null) {
      context.valueWritten();
      return target.writeBinary(same, data, dataLength);
    }
    byte[] bytes = dataLength < 0 ? data.readAllBytes() : data.readNBytes(dataLength);
    writeBinary(variant, bytes, 0, bytes.length);
    return bytes.length;
  }

  /** The Jackson 3 variant with the same name, or null for a custom one. */
  private static tools.jackson.core.Base64Variant jackson3Variant(Base64Variant variant) {
    if (variant == com.fasterxml.jackson.core.Base64Variants.MIME_NO_LINEFEEDS) {
      return tools.jackson.core.Base64Variants.MIME_NO_LINEFEEDS;
    }
    try {
      tools.jackson.core.Base64Variant named = tools.jackson.core.Base64Variants.valueOf(variant.getName());
      return named.toString().equals(variant.toString()) ? named : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public void writeNumber(short v) throws IOException {
    context.valueWritten();
    target.writeNumber(v);
  }

  @Override
  public void writeNumber(int v) throws IOException {
    context.valueWritten();
    target.writeNumber(v);
  }

  @Override
  public void writeNumber(long v) throws IOException {
    context.valueWritten();
    target.writeNumber(v);
  }

  @Override
  public void writeNumber(BigInteger v) throws IOException {
    context.valueWritten();
    target.writeNumber(v);
  }

  @Override
  public void writeNumber(double v) throws IOException {
    context.valueWritten();
    target.writeNumber(v);
  }

  @Override
  public void writeNumber(float v) throws IOException {
    context.valueWritten();
    target.writeNumber(v);
  }

  @Override
  public void writeNumber(BigDecimal v) throws IOException {
    context.valueWritten();
    target.writeNumber(v);
  }

  @Override
  public void writeNumber(String encodedValue) throws IOException {
    context.valueWritten();
    target.writeNumber(encodedValue);
  }

  @Override
  public void writeBoolean(boolean state) throws IOException {
    context.valueWritten();
    target.writeBoolean(state);
  }

  @Override
  public void writeNull() throws IOException {
    context.valueWritten();
    target.writeNull();
  }

  /** Any other value goes through the core too, so nothing reaches Jackson 2 databind from here. */
  @Override
  public void writeObject(Object value) throws IOException {
    serializer.writeTo(this, value);
  }

  @Override
  public void writeTree(TreeNode tree) throws IOException {
    serializer.writeTo(this, tree);
  }

  // --- state

  @Override
  public JsonStreamContext getOutputContext() {
    return context;
  }

  @Override
  public Object getCurrentValue() {
    return context.getCurrentValue();
  }

  @Override
  public void setCurrentValue(Object value) {
    context.setCurrentValue(value);
    target.assignCurrentValue(value);
  }

  @Override
  public com.fasterxml.jackson.core.JsonGenerator setCodec(ObjectCodec codec) {
    this.codec = codec;
    return this;
  }

  @Override
  public ObjectCodec getCodec() {
    return codec;
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public com.fasterxml.jackson.core.JsonGenerator enable(Feature feature) {
    features |= feature.getMask();
    return this;
  }

  @Override
  public com.fasterxml.jackson.core.JsonGenerator disable(Feature feature) {
    features &= ~feature.getMask();
    return this;
  }

  @Override
  public boolean isEnabled(Feature feature) {
    return (features & feature.getMask()) != 0;
  }

  @Override
  public int getFeatureMask() {
    return features;
  }

  @Override
  @Deprecated
  public com.fasterxml.jackson.core.JsonGenerator setFeatureMask(int values) {
    features = values;
    return this;
  }

  @Override
  public com.fasterxml.jackson.core.JsonGenerator useDefaultPrettyPrinter() {
    return this; // Jackson 3's generator has its own pretty printer, set where it was made
  }

  @Override
  public void flush() throws IOException {
    target.flush();
  }

  @Override
  public boolean isClosed() {
    return closed || target.isClosed();
  }

  /** Closes this facade only: the Jackson 3 generator belongs to the caller. */
  @Override
  public void close() {
    closed = true;
  }
}
