package io.safejson.websocket.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;

/** WebSocket close reasons are limited to 123 bytes of UTF-8 (RFC 6455 section 5.5). */
final class CloseReasons {
  private CloseReasons() {}

  static final int MAX_BYTES = 123;

  /** Cuts {@code reason} to at most 123 UTF-8 bytes without splitting a character. */
  static String fit(String reason) {
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
    ByteBuffer out = ByteBuffer.allocate(MAX_BYTES);
    CharBuffer in = CharBuffer.wrap(reason);
    encoder.encode(in, out, true);
    return reason.substring(0, in.position());
  }
}
