package io.safejson.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.util.Arrays;

/**
 * How big the parts of a JSON document are: its longest string or key, its largest array or object, its
 * number of values. {@link JsonShrinker} reads it from an oversize attempt to pick the next limits, instead
 * of shrinking limits that are far above anything in the document.
 *
 * @param longestString chars of the longest string value or key
 * @param mostItems items of the largest array or object
 * @param values arrays, objects and scalars in the document
 */
record OutputShape(int longestString, int mostItems, int values) {
  /** The shape assumed when a document cannot be measured: nothing known, every limit is shrunk as is. */
  static final OutputShape UNKNOWN = new OutputShape(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

  /** Reads the serializer's own output: no limit here may reject what it is allowed to write. */
  static final JsonFactory UNLIMITED =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNumberLength(Integer.MAX_VALUE)
                  .maxNestingDepth(Integer.MAX_VALUE)
                  .build())
          .build();

  /** Measures {@code json}; {@link #UNKNOWN} if it cannot be parsed. */
  static OutputShape of(byte[] json) {
    int longest = 0;
    int most = 0;
    long values = 0;
    int[] items = new int[32];
    boolean[] isArray = new boolean[32];
    int depth = 0; // containers open; items[depth - 1] counts the innermost one's items
    try (JsonParser parser = UNLIMITED.createParser(json)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          longest = Math.max(longest, parser.getTextLength());
          items[depth - 1]++;
          continue;
        }
        if (token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT) {
          depth--;
          most = Math.max(most, items[depth]);
          continue;
        }
        values++;
        if (depth > 0 && isArray[depth - 1]) {
          items[depth - 1]++;
        }
        if (token == JsonToken.VALUE_STRING) {
          longest = Math.max(longest, parser.getTextLength());
        } else if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
          if (depth == items.length) {
            items = Arrays.copyOf(items, depth * 2);
            isArray = Arrays.copyOf(isArray, depth * 2);
          }
          items[depth] = 0;
          isArray[depth] = token == JsonToken.START_ARRAY;
          depth++;
        }
      }
    } catch (Exception e) {
      return UNKNOWN;
    }
    return new OutputShape(longest, most, (int) Math.min(Integer.MAX_VALUE, values));
  }
}
