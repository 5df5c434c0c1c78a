package io.safejson.nats.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.safejson.Incident;
import io.safejson.SafeSerializer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code safejson-incidents} header: a JSON array of {@code {"path","kind","type"}} objects, in US-ASCII
 * (NATS header values allow nothing else), at most {@link #MAX_LENGTH} chars; incidents that do not fit are
 * counted in a final {@code {"omitted":n}} element.
 *
 * <p>Stateless and thread-safe.
 */
public final class IncidentsHeader {
  /** The header's name. */
  public static final String NAME = "safejson-incidents";
  /** The most chars (and bytes: the value is ASCII) a header value holds. */
  public static final int MAX_LENGTH = 4096;
  /** A path or type name longer than this is cut, as the core cuts strings. */
  static final int MAX_FIELD_LENGTH = 256;

  private static final String CUT_SUFFIX = "...[TRUNCATED]";
  private static final String DECODED_DETAIL = "read from the " + NAME + " header";
  // Non-ASCII chars become \\uXXXX escapes; Jackson escapes quotes, backslashes and control chars (CR, LF).
  private static final JsonFactory ASCII_JSON =
      JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private IncidentsHeader() {}

  /** Returns the header value for {@code incidents}, or {@code null} when there are none. */
  public static String encode(List<Incident> incidents) {
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
      int needed = out.length() + separator + entry.length() + (last ? 0 : reserve) + 1;
      if (needed > MAX_LENGTH) {
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

  /**
   * Reads a header value written by {@link #encode}: the listed incidents, each with a fixed detail; the
   * {@code omitted} marker and entries of unknown kinds are skipped.
   *
   * @throws io.safejson.JsonReadException if the value is not a JSON array
   */
  public static List<Incident> decode(String value) {
    List<?> entries = SafeSerializer.defaults().fromJson(value, List.class);
    List<Incident> incidents = new ArrayList<>(entries.size());
    for (Object entry : entries) {
      if (!(entry instanceof Map)) {
        continue;
      }
      Map<?, ?> fields = (Map<?, ?>) entry;
      Object path = fields.get("path");
      Object kind = fields.get("kind");
      Object type = fields.get("type");
      Incident.Kind known = kindNamed(kind);
      if (path instanceof String && type instanceof String && known != null) {
        incidents.add(new Incident((String) path, known, (String) type, DECODED_DETAIL));
      }
    }
    return List.copyOf(incidents);
  }

  private static Incident.Kind kindNamed(Object name) {
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
