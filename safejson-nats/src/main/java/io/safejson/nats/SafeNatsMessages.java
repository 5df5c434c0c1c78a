package io.safejson.nats;

import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.safejson.Incident;
import io.safejson.IncidentsHeader;
import io.safejson.JsonReadException;
import io.safejson.SafeSerializer;
import java.util.List;
import java.util.Objects;

/**
 * Reads JSON NATS messages (from {@link SafeNatsPublisher} or any publisher) into typed values with the core's
 * hardened reader, and the incidents their publisher reported.
 *
 * <pre>{@code
 * dispatcher.subscribe("agents.events", message -> {
 *   AgentEvent event = SafeNatsMessages.read(message, AgentEvent.class); // JsonReadException when malformed
 *   List<Incident> fixed = SafeNatsMessages.incidents(message);          // what the publisher had to fix
 * });
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class SafeNatsMessages {
  private SafeNatsMessages() {}

  /**
   * Reads the body of {@code message} into {@code type} with {@link SafeSerializer#defaults()}.
   *
   * @throws JsonReadException naming the JSON path, for an empty, malformed (including invalid UTF-8),
   *     oversized or mismatched body; never another exception for the data
   */
  public static <T> T read(Message message, Class<T> type) {
    return read(message, type, SafeSerializer.defaults());
  }

  /**
   * Reads the body of {@code message} into {@code type} with {@code serializer}'s reader (its limits and
   * modules).
   *
   * @throws JsonReadException naming the JSON path, for an empty, malformed (including invalid UTF-8),
   *     oversized or mismatched body; never another exception for the data
   */
  public static <T> T read(Message message, Class<T> type, SafeSerializer serializer) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(serializer, "serializer");
    byte[] data = message.getData();
    return serializer.fromJson(data == null ? new byte[0] : data, type);
  }

  /**
   * Returns the incidents listed in the message's {@value SafeNatsPublisher#INCIDENTS_HEADER} header (each
   * with its path, kind and type; the detail only says where it was read), or an empty list when there is no
   * such header. Incidents the publisher had to leave out of a full header are not listed, nor are the entries
   * of a malformed header past its fault ({@link IncidentsHeader#decode}: it never throws).
   */
  public static List<Incident> incidents(Message message) {
    Objects.requireNonNull(message, "message");
    Headers headers = message.getHeaders();
    String value = headers == null ? null : headers.getFirst(SafeNatsPublisher.INCIDENTS_HEADER);
    return value == null ? List.of() : IncidentsHeader.decode(value);
  }
}
