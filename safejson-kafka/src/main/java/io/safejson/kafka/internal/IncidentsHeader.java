package io.safejson.kafka.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.safejson.Incident;
import io.safejson.kafka.SafeJsonKafkaConfig;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The value of the {@code safejson-incidents} record header: a JSON array of {@code {"path","kind","type"}}
 * objects in US-ASCII (non-ASCII chars escaped), at most {@link SafeJsonKafkaConfig#MAX_INCIDENTS_HEADER_BYTES}
 * bytes; incidents that do not fit are counted in a final {@code {"omitted":n}} element.
 *
 * <p>Stateless and thread-safe.
 */
public final class IncidentsHeader {
  /** A path or type name longer than this is cut, as the core cuts strings. */
  static final int MAX_FIELD_LENGTH = 256;

  private static final int MAX_LENGTH = SafeJsonKafkaConfig.MAX_INCIDENTS_HEADER_BYTES;
  private static final String CUT_SUFFIX = "...[TRUNCATED]";
  // Non-ASCII chars become \\uXXXX escapes; Jackson escapes quotes, backslashes and control chars.
  private static final JsonFactory ASCII_JSON =
      JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private IncidentsHeader() {}

  /** Returns the header value for {@code incidents}, or {@code null} when there are none. */
  public static byte[] encode(List<Incident> incidents) {
    if (incidents.isEmpty()) {
      return null;
    }
    // Room kept for the marker, sized for the largest count it could ever hold.
    int reserve = 1 + marker(incidents.size()).length();
    StringBuilder out = new StringBuilder(Math.min(MAX_LENGTH, 64 * incidents.size())).append('[');
    int written = 0;
    for (Incident incident : incidents) {
      String entry = entry(incident);
      int separator = written == 0 ? 0 : 1;
      boolean last = written == incidents.size() - 1;
      if (out.length() + separator + entry.length() + (last ? 0 : reserve) + 1 > MAX_LENGTH) {
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
    return out.append(']').toString().getBytes(StandardCharsets.US_ASCII);
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
      int end = MAX_FIELD_LENGTH - CUT_SUFFIX.length();
      if (Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      kept = text.substring(0, end) + CUT_SUFFIX;
    }
    StringBuilder out = null;
    for (int i = 0; i < kept.length(); i++) {
      char c = kept.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              ? i + 1 < kept.length() && Character.isLowSurrogate(kept.charAt(i + 1))
              : !Character.isLowSurrogate(c) || (i > 0 && Character.isHighSurrogate(kept.charAt(i - 1)));
      if (!paired && out == null) {
        out = new StringBuilder(kept.length()).append(kept, 0, i);
      }
      if (out != null) {
        out.append(paired ? c : '\uFFFD');
      }
    }
    return out == null ? kept : out.toString();
  }
}
