package io.safejson.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Jackson's streaming generator alone writing safejson's bytes for chat messages, from values read and formatted
 * before the measurement: the generator work (escaping and UTF-8 encoding every string, as Jackson's
 * {@code ObjectWriter} does; names pre-quoted) that a serializer built on it pays even with no getters, no date,
 * UUID or decimal formatting and no checks of its own.
 *
 * <p>{@code SerializationBenchmark} measures it next to safejson and tuned Jackson, so the README can say how
 * much of each one's time is left once that floor is paid. Thread-safe: each call takes the factory's pooled
 * buffers, as safejson's engine does.
 */
final class GeneratorFloor {
  private static final SerializableString TYPE = new SerializedString("type");
  private static final SerializableString ID = new SerializedString("id");
  private static final SerializableString SENT_AT = new SerializedString("sentAt");
  private static final SerializableString STATE = new SerializedString("state");
  private static final SerializableString COST = new SerializedString("cost");
  private static final SerializableString ATTACHMENT = new SerializedString("attachment");
  private static final SerializableString PARTS = new SerializedString("parts");
  private static final SerializableString TEXT = new SerializedString("text");
  private static final SerializableString TOKENS = new SerializedString("tokens");
  private static final SerializableString ROOM = new SerializedString("room");
  private static final SerializableString USER = new SerializedString("user");
  private static final SerializableString SEQUENCE = new SerializedString("sequence");

  /** One message with every value already read and formatted to the text safejson writes for it. */
  record Prepared(
      String type,
      String id,
      String sentAt,
      String state,
      String cost,
      String attachment,
      String[] texts,
      int[] tokens,
      String room,
      String user,
      long sequence) {

    static Prepared of(ChatMessage message) {
      List<ChatMessage.Part> parts = message.parts();
      String[] texts = new String[parts.size()];
      int[] tokens = new int[parts.size()];
      for (int i = 0; i < texts.length; i++) {
        texts[i] = parts.get(i).text();
        tokens[i] = parts.get(i).tokens();
      }
      return new Prepared(
          message.type(),
          message.id().toString(),
          message.sentAt().toString(),
          message.state().name(),
          message.cost().toPlainString(),
          message.attachment().toString(),
          texts,
          tokens,
          message.room(),
          message.user(),
          message.sequence());
    }
  }

  // As safejson's engine makes its factory for UTF-8 output: a pair of surrogates is written as one 4-byte
  // character (Jackson 2.18 and later), not as two escapes.
  private final JsonFactory factory =
      JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  /** Writes one message as a document, as {@code toJsonBytes} does. */
  byte[] toBytes(Prepared message) {
    return write(message, null);
  }

  /** Writes the messages as one array document, as {@code toJsonBytes} does for a list. */
  byte[] toBytes(Prepared[] messages) {
    return write(null, messages);
  }

  private byte[] write(Prepared one, Prepared[] many) {
    BufferRecycler recycler = factory._getBufferRecycler();
    try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
      try (JsonGenerator generator = factory.createGenerator(out, JsonEncoding.UTF8)) {
        if (many == null) {
          writeMessage(generator, one);
        } else {
          generator.writeStartArray();
          for (Prepared message : many) {
            writeMessage(generator, message);
          }
          generator.writeEndArray();
        }
      }
      byte[] bytes = out.toByteArray();
      out.release();
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      recycler.releaseToPool();
    }
  }

  private static void writeMessage(JsonGenerator g, Prepared m) throws IOException {
    g.writeStartObject();
    g.writeFieldName(TYPE);
    g.writeString(m.type());
    g.writeFieldName(ID);
    g.writeString(m.id());
    g.writeFieldName(SENT_AT);
    g.writeString(m.sentAt());
    g.writeFieldName(STATE);
    g.writeString(m.state());
    g.writeFieldName(COST);
    g.writeString(m.cost());
    g.writeFieldName(ATTACHMENT);
    g.writeString(m.attachment());
    g.writeFieldName(PARTS);
    g.writeStartArray();
    String[] texts = m.texts();
    for (int i = 0; i < texts.length; i++) {
      g.writeStartObject();
      g.writeFieldName(TEXT);
      g.writeString(texts[i]);
      g.writeFieldName(TOKENS);
      g.writeNumber(m.tokens()[i]);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeFieldName(ROOM);
    g.writeString(m.room());
    g.writeFieldName(USER);
    g.writeString(m.user());
    g.writeFieldName(SEQUENCE);
    g.writeNumber(m.sequence());
    g.writeEndObject();
  }
}
