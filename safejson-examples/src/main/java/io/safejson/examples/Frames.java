package io.safejson.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.safejson.LargeIntegerStyle;
import io.safejson.SafeSerializer;

/** The two ways an event becomes a WebSocket text frame: through safejson, and through plain Jackson. */
final class Frames {
  /** The serializer behind the safejson column: 64-bit ids above 2^53 become strings. */
  static final SafeSerializer SAFE =
      SafeSerializer.builder().largeIntegers(LargeIntegerStyle.STRING_WHEN_UNSAFE).build();

  /** What the backend used before: a plain mapper with the java.time module and Jackson's defaults. */
  static final ObjectMapper PLAIN = JsonMapper.builder().addModule(new JavaTimeModule()).build();

  /** A frame carrying one event; {@code via} tells the page which column it belongs to. */
  public record Envelope(String via, AgentEvent event) {}

  /** The frame sent when plain Jackson threw on an event of {@code type}. */
  public record ErrorFrame(String via, String type, String error) {}

  private Frames() {}

  /** Returns the envelope the safejson column receives. */
  static Envelope safe(AgentEvent event) {
    return new Envelope("safejson", event);
  }

  /** Returns the plain Jackson frame for {@code event}. */
  static String plain(AgentEvent event) throws JsonProcessingException {
    return PLAIN.writeValueAsString(new Envelope("plain", event));
  }

  /** Returns the error frame sent instead when plain Jackson throws on {@code event}. */
  static String plainError(AgentEvent event, JsonProcessingException error) {
    return SAFE.toJson(
        new ErrorFrame("plain", event.type(), error.getClass().getSimpleName() + ": " + error.getOriginalMessage()));
  }
}
