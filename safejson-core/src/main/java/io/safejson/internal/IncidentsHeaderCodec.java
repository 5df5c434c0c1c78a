package io.safejson.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.safejson.Incident;
import io.safejson.IncidentsHeader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads the value of the {@link IncidentsHeader}; the implementation behind its two methods.
 *
 * <p>Stateless and thread-safe.
 */
public final class IncidentsHeaderCodec {
  /** A path or type name longer than this is cut, as the core cuts strings. */
  static final int MAX_FIELD_LENGTH = 256;

  private static final String DECODED_DETAIL = "read from the " + IncidentsHeader.NAME + " header";
  // Non-ASCII chars become \\uXXXX escapes; Jackson escapes quotes, backslashes and control chars (CR, LF).
  private static final JsonFactory ASCII_JSON =
      JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  // Reads with Jackson's default limits (nesting, string length): a hostile header stops the reading early.
  private static final JsonFactory READER = new JsonFactory();

  private IncidentsHeaderCodec() {}

  /** See {@link IncidentsHeader#encode}. */
  public static String encode(List<Incident> incidents) {
    if (incidents == null || incidents.isEmpty()) {
      return null;
    }
    int max = IncidentsHeader.MAX_LENGTH;
    // Room kept for the marker, sized for the largest count it could ever hold.
    int reserve = 1 + marker(incidents.size()).length();
    StringBuilder out = new StringBuilder(Math.min(max, 64 * incidents.size())).append('[');
    int written = 0;
    for (Incident incident : incidents) {
      String entry = entry(incident);
      int separator = written == 0 ? 0 : 1;
      boolean last = written == incidents.size() - 1;
      if (out.length() + separator + entry.length() + (last ? 0 : reserve) + 1 > max) {
        break;
      }
      if (separator == 1) {
        out.append(',');
      }
      out.append(entry);
      written++;
    }
    if (written < incidents.size()) {
      if (written > 0) {
        out.append(',');
      }
      out.append(marker(incidents.size() - written));
    }
    return out.append(']').toString();
  }

  /** See {@link IncidentsHeader#decode}. */
  public static List<Incident> decode(String value) {
    List<Incident> incidents = new ArrayList<>();
    if (value == null) {
      return List.of();
    }
    try (JsonParser parser = READER.createParser(value)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return List.of();
      }
      JsonToken token;
      while ((token = parser.nextToken()) != null && token != JsonToken.END_ARRAY) {
        if (token != JsonToken.START_OBJECT) {
          parser.skipChildren();
          continue;
        }
        Incident incident = readEntry(parser);
        if (incident != null) {
          incidents.add(incident);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Malformed or cut short: keep the entries read before the fault.
    }
    return List.copyOf(incidents);
  }

  /** Reads one object, the parser on its start; {@code null} unless it has a string path, kind and type. */
  private static Incident readEntry(JsonParser parser) throws IOException {
    String path = null;
    String kind = null;
    String type = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      String text = token == JsonToken.VALUE_STRING ? parser.getText() : null;
      parser.skipChildren();
      if ("path".equals(name)) {
        path = text;
      } else if ("kind".equals(name)) {
        kind = text;
      } else if ("type".equals(name)) {
        type = text;
      }
    }
    Incident.Kind known = kindNamed(kind);
    return path == null || type == null || known == null ? null : new Incident(path, known, type, DECODED_DETAIL);
  }

  private static Incident.Kind kindNamed(String name) {
    for (Incident.Kind kind : Incident.Kind.values()) {
      if (kind.name().equals(name)) {
        return kind;
      }
    }
    return null;
  }

  private static String entry(Incident incident) {
    StringWriter text = new StringWriter(64);
    try (JsonGenerator generator = ASCII_JSON.createGenerator(text)) {
      generator.writeStartObject();
      generator.writeStringField("path", cut(incident.path()));
      generator.writeStringField("kind", incident.kind().name());
      generator.writeStringField("type", cut(incident.type()));
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return text.toString();
  }

  private static String marker(int omitted) {
    StringWriter text = new StringWriter(24);
    try (JsonGenerator generator = ASCII_JSON.createGenerator(text)) {
      generator.writeStartObject();
      generator.writeNumberField("omitted", omitted);
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return text.toString();
  }

  /**
   * Cuts {@code text} to {@link #MAX_FIELD_LENGTH} chars (never inside a surrogate pair) and replaces lone
   * surrogates with U+FFFD, so the header parses strictly everywhere.
   */
  static String cut(String text) {
    String kept = text;
    if (text.length() > MAX_FIELD_LENGTH) {
      int end = Strings.cutPoint(text, MAX_FIELD_LENGTH - Markers.TRUNCATED_SUFFIX.length());
      kept = text.substring(0, end) + Markers.TRUNCATED_SUFFIX;
    }
    return Strings.wellFormed(kept);
  }
}
