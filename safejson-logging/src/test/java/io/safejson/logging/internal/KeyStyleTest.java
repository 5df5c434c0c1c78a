package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** GELF additional field names: {@code _} plus the key with every char outside {@code [A-Za-z0-9_.-]} replaced. */
final class KeyStyleTest {
  @Test
  void gelfKeepsExactlyWordCharsDotsAndDashes() {
    // Each allowed range next to the chars just outside it: ` { @ [ / : are replaced.
    assertEquals("_a_z_A_Z_0_9__.-_", GelfSchema.KEYS.apply("a`z{A@Z[0/9:_.-\u00e9"));
    assertEquals("_", GelfSchema.KEYS.apply(""));
    assertEquals("_azAZ09", GelfSchema.KEYS.apply("azAZ09"));
  }

  @Test
  void plainKeepsTheKeyAsIs() {
    String key = "a b/\u00e9";
    assertEquals(key, KeyStyle.PLAIN.apply(key));
  }
}
