package io.safejson.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.safejson.BoundedJson;
import io.safejson.Incident;
import io.safejson.IncidentsHeader;
import io.safejson.SafeResult;
import io.safejson.SafeSerializer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Serializes a value so that its JSON (and, if asked for, its {@link IncidentsHeader}) fits a byte budget;
 * the implementation behind {@link SafeSerializer#toJsonBytesWithin(Object, long)}.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonShrinker {
  /** The document sent when not even the smallest limits fit. */
  private static final byte[] PLACEHOLDER = ('"' + Markers.TRUNCATED + '"').getBytes(StandardCharsets.UTF_8);
  /** The smallest {@code maxStringLength} the builder accepts. */
  static final int MIN_STRING_LENGTH = 16;
  /** Re-serializations tried before the placeholder; each one divides a limit by at least 1.25. */
  private static final int MAX_ATTEMPTS = 60;
  /**
   * Reads the first serialization back as a tree, exactly: decimals keep their digits and scale, and no limit
   * rejects what the serializer was allowed to write.
   */
  private static final ObjectMapper TREE_READER =
      new ObjectMapper(OutputShape.UNLIMITED)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private JsonShrinker() {}

  /**
   * Serializes {@code value} with {@code serializer} within {@code maxBytes}.
   *
   * @param engine the serializer's engine, which writes the first pass straight to bytes
   * @param withHeader whether the budget also holds the incidents header: its value plus
   *     {@code headerOverhead} bytes whenever there is one
   */
  public static BoundedJson fit(
      SafeSerializer serializer,
      SafeEngine engine,
      Object value,
      long maxBytes,
      boolean withHeader,
      int headerOverhead) {
    Budget budget = new Budget(maxBytes, withHeader, headerOverhead);
    List<Incident> first = new ArrayList<>();
    byte[] whole = engine.toBytes(value, first); // straight to UTF-8, as toJsonBytes: no String in between
    String header = budget.header(first);
    long size = budget.size(whole, header);
    if (size <= maxBytes) {
      return new BoundedJson(whole, List.copyOf(first), header, size, false);
    }
    Incident cut =
        new Incident(
            "$",
            Incident.Kind.TRUNCATED,
            value == null ? "null" : value.getClass().getName(),
            "document of " + size + " bytes" + (header == null ? "" : " with its incidents header")
                + " cut to fit " + maxBytes + " bytes");
    if (maxBytes >= PLACEHOLDER.length) { // below that no cut can fit: every one holds a marker at least as long
      BoundedJson shrunk = shrink(serializer, value, first, whole, size, cut, budget);
      if (shrunk != null) {
        return shrunk;
      }
    }
    String placeholderHeader = budget.header(List.of(cut));
    if (budget.size(PLACEHOLDER, placeholderHeader) > maxBytes) {
      placeholderHeader = null; // the value is what matters; the report goes when there is no room for both
    }
    return new BoundedJson(PLACEHOLDER.clone(), List.of(cut), placeholderHeader, size, true);
  }

  /**
   * Cuts the first serialization down until it fits, or returns {@code null}. The attempts re-serialize that
   * document read back as a tree, not {@code value}: getters run once, iterators and streams are consumed
   * once, and what the first pass fixed (NaN, failed getters, redactions) stays as it was written, with its
   * incidents.
   */
  private static BoundedJson shrink(
      SafeSerializer serializer,
      Object value,
      List<Incident> first,
      byte[] whole,
      long size,
      Incident cut,
      Budget budget) {
    Object source;
    try {
      source = TREE_READER.readTree(whole);
    } catch (Exception e) {
      source = value; // the serializer's output always parses; should it not, cutting the value still works
    }
    long room = budget.maxBytes;
    // No limit starts above what could fit, nor above what the application chose.
    int strings = clamp(room, serializer.maxStringLength(), MIN_STRING_LENGTH);
    int items = clamp(room / 2 + 1, serializer.maxItems(), 1);
    int values = clamp(room / 2 + 1, serializer.maxValues(), 1);
    // Long strings are the usual cause and cutting them keeps the document's shape, so strings shrink alone
    // while that pays (each attempt at least 10 % smaller); then items and values shrink too. Each next limit
    // is taken below what the attempt's output actually holds, by the factor it is over the limit.
    boolean stringsOnly = true;
    long previous = size;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      SafeResult result =
          serializer.toBuilder()
              .onIncident(null) // the application's listener saw the first serialization already
              .maxStringLength(strings)
              .maxItems(items)
              .maxValues(values)
              .build()
              .serialize(source);
      List<Incident> incidents = new ArrayList<>(1 + first.size() + result.incidents().size());
      incidents.add(cut);
      if (source != value) {
        incidents.addAll(first);
      }
      incidents.addAll(result.incidents());
      byte[] body = result.json().getBytes(StandardCharsets.UTF_8);
      String header = budget.header(incidents);
      long attemptSize = budget.size(body, header);
      if (attemptSize <= room) {
        return new BoundedJson(body, incidents, header, size, true);
      }
      if (strings == MIN_STRING_LENGTH && items == 1 && values == 1) {
        break;
      }
      OutputShape shape = OutputShape.of(body);
      // A little more than the excess, so one more attempt usually fits; at least 1.25 so attempts converge.
      double factor = Math.max(1.25, 1.1 * attemptSize / Math.max(1, room));
      boolean paid = attempt == 0 || attemptSize <= previous * 0.9;
      previous = attemptSize;
      strings = Math.max(MIN_STRING_LENGTH, (int) (Math.min(strings, shape.longestString()) / factor));
      if (stringsOnly && paid && shape.longestString() > MIN_STRING_LENGTH) {
        continue;
      }
      stringsOnly = false;
      items = Math.max(1, (int) (Math.min(items, shape.mostItems()) / factor));
      values = Math.max(1, (int) (Math.min(values, shape.values()) / factor));
    }
    return null;
  }

  private static int clamp(long fits, int chosen, int floor) {
    return (int) Math.max(floor, Math.min(fits, chosen));
  }

  /** What counts toward the budget: the JSON, and the incidents header when one is asked for and needed. */
  private record Budget(long maxBytes, boolean withHeader, int headerOverhead) {
    String header(List<Incident> incidents) {
      return withHeader ? IncidentsHeaderCodec.encode(incidents) : null;
    }

    long size(byte[] json, String header) {
      return json.length + (header == null ? 0 : header.length() + (long) headerOverhead);
    }
  }
}
