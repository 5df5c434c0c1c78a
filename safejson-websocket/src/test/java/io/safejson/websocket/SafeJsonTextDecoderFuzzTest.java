package io.safejson.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.safejson.JsonReadException;
import io.safejson.SafeSerializer;
import jakarta.websocket.DecodeException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link SafeJsonTextDecoder} with arbitrary message text: {@code willDecode} accepts it, {@code
 * decode} returns a value or throws {@link DecodeException} (the only exception it documents) with the text
 * or its first 1,000 chars, and it decodes exactly what {@link SafeSerializer#fromJson} reads as non-null.
 *
 * <p>Input bytes are decoded as UTF-8 (malformed bytes become U+FFFD): a WebSocket text frame is valid UTF-8,
 * so a container never hands a decoder a lone surrogate char; escaped ones ({@code "\ud800"}) still reach it.
 */
final class SafeJsonTextDecoderFuzzTest {
  private static final int MAX_EXCERPT = 1_000;

  enum Priority {
    LOW,
    HIGH
  }

  /** A typed inbound message of the kind a chat endpoint decodes. */
  record ChatRequest(
      String text,
      int priority,
      Priority level,
      UUID conversation,
      Instant sentAt,
      BigDecimal budget,
      Optional<String> replyTo,
      List<String> tags,
      Map<String, Object> meta) {}

  /** The decoder as users write it: a subclass naming the type. */
  public static final class ChatRequestDecoder extends SafeJsonTextDecoder<ChatRequest> {
    public ChatRequestDecoder() {
      super(ChatRequest.class);
    }
  }

  /** A decoder for any JSON value (maps, lists, scalars). */
  public static final class AnyDecoder extends SafeJsonTextDecoder<Object> {
    public AnyDecoder() {
      super(Object.class);
    }
  }

  private static final ChatRequestDecoder TYPED = new ChatRequestDecoder();
  private static final AnyDecoder ANY = new AnyDecoder();

  @FuzzTest
  @Timeout(10)
  void decodeReturnsAValueOrThrowsDecodeException(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    decodesLikeTheCore(TYPED, ChatRequest.class, text);
    decodesLikeTheCore(ANY, Object.class, text);
  }

  private static <T> void decodesLikeTheCore(SafeJsonTextDecoder<T> decoder, Class<T> type, String text) {
    assertTrue(decoder.willDecode(text), "willDecode accepts every non-null message");
    boolean coreReads = coreReads(text, type);
    try {
      T value = decoder.decode(text);
      assertNotNull(value, "decode never returns null");
      assertTrue(coreReads, () -> "decoded what fromJson refuses: " + text);
    } catch (DecodeException e) {
      assertFalse(coreReads, () -> "refused what fromJson reads: " + text + "\n" + e);
      assertNotNull(e.getMessage(), "a DecodeException says why");
      excerptIsThePrefix(text, e.getText());
    }
  }

  private static boolean coreReads(String text, Class<?> type) {
    try {
      return SafeSerializer.defaults().fromJson(text, type) != null;
    } catch (JsonReadException e) {
      return false;
    }
  }

  private static void excerptIsThePrefix(String text, String excerpt) {
    if (text.length() <= MAX_EXCERPT) {
      assertEquals(text, excerpt);
      return;
    }
    assertTrue(excerpt.endsWith("..."), excerpt);
    String head = excerpt.substring(0, excerpt.length() - 3);
    assertTrue(text.startsWith(head), "the excerpt is the message's start");
    int cut = head.length();
    assertTrue(cut == MAX_EXCERPT || cut == MAX_EXCERPT - 1, () -> "cut at " + cut);
    assertFalse(
        Character.isHighSurrogate(text.charAt(cut - 1)) && Character.isLowSurrogate(text.charAt(cut)),
        "the excerpt never splits a surrogate pair");
  }
}
