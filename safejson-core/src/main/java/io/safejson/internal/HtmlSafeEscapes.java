package io.safejson.internal;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Jackson character escapes that also escape {@code < > & '} and U+2028/U+2029, so JSON can be embedded in
 * a {@code <script>} element or evaluated as JavaScript.
 */
final class HtmlSafeEscapes extends CharacterEscapes {
  private static final long serialVersionUID = 1L;

  static final HtmlSafeEscapes INSTANCE = new HtmlSafeEscapes();

  private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
  private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

  private final int[] asciiEscapes;

  private HtmlSafeEscapes() {
    int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();
    escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
    escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
    escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
    escapes['\''] = CharacterEscapes.ESCAPE_STANDARD;
    this.asciiEscapes = escapes;
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return asciiEscapes;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    if (ch == 0x2028) {
      return LINE_SEPARATOR;
    } else if (ch == 0x2029) {
      return PARAGRAPH_SEPARATOR;
    }
    return null;
  }
}
