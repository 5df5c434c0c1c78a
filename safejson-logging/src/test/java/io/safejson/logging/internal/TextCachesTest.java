package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shared caches: only well-formed text of at most 1,024 chars is kept (README "How it stays fast"), user
 * keys carry their spelling, redaction and reservation, frames are Logback's {@code at ...} text.
 */
final class TextCachesTest {
  private final TextCaches caches = new TextCaches(Set.of("password"), GelfSchema.KEYS, Set.of("_id"));

  @Test
  void namesUpTo1024WellFormedCharsAreCachedEscaped() {
    String limit = "n".repeat(1024);
    assertEquals(limit, caches.name(limit).getValue());
    assertSame(caches.name(limit), caches.name(new String(limit)));
    assertNull(caches.name("n".repeat(1025)));
    assertNull(caches.name("lone \uD800"));
    assertEquals("a\\\"b\\n", new String(caches.name("a\"b\n").asQuotedUTF8(), StandardCharsets.UTF_8));
  }

  @Test
  void userKeysCarryTheirSpellingRedactionAndReservation() {
    TextCaches.UserKey id = caches.userKey("id");
    assertEquals("_id", id.name().getValue());
    assertTrue(id.reserved());
    assertFalse(id.redacted());
    TextCaches.UserKey secret = caches.userKey("PassWord");
    assertEquals("_PassWord", secret.name().getValue());
    assertTrue(secret.redacted(), "matched case-insensitively");
    assertFalse(secret.reserved());
    assertNull(caches.userKey("k".repeat(1025)));
    assertNull(caches.userKey("k".repeat(1024)), "_ plus 1,024 chars is over the limit");
    assertEquals(1024, caches.userKey("k".repeat(1023)).name().getValue().length());
  }

  @Test
  void redactionIsCaseInsensitiveAndNullSafe() {
    assertTrue(caches.isRedacted("PASSWORD"));
    assertFalse(caches.isRedacted("passwords"));
    assertFalse(caches.isRedacted(null));
    assertEquals(Set.of("_id"), caches.reserved());
  }

  @Test
  void framesAreLogbacksAtLines() {
    StackTraceElement element = new StackTraceElement("chat.Api", "send", "Api.java", 77);
    assertEquals("at chat.Api.send(Api.java:77)", caches.frame(element).getValue());
    assertSame(caches.frame(element), caches.frame(new StackTraceElement("chat.Api", "send", "Api.java", 77)));
    assertNull(caches.frame(new StackTraceElement("c".repeat(1100), "m", "F.java", 1)));
  }

  @Test
  void theTwoArgumentCachesReserveNothing() {
    TextCaches plain = new TextCaches(Set.of(), KeyStyle.PLAIN);
    assertEquals(Set.of(), plain.reserved());
    assertFalse(plain.userKey("message").reserved());
    assertEquals("message", plain.userKey("message").name().getValue());
  }
}
