package io.safejson.kafka.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: malformed input is an error, never replaced. Stateless and thread-safe. */
public final class Utf8 {
  private Utf8() {}

  /** Returns {@code bytes} as text, or {@code null} when they are not valid UTF-8. */
  public static String decodeStrictly(byte[] bytes) {
    try {
      return decoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Describes where {@code bytes} stop being valid UTF-8: {@code "not valid UTF-8 at byte 12"}. */
  public static String describeError(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder().decode(in, out, true);
    return result.isError() ? "not valid UTF-8 at byte " + in.position() : "not valid UTF-8";
  }

  private static CharsetDecoder decoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
