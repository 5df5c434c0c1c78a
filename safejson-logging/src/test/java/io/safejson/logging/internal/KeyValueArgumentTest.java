package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.safejson.logging.LogFormat;
import io.safejson.logging.StructuredArguments;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How structured arguments show in the message (README: {@code kv} shows {@code key=value}, {@code value}
 * only the value, a default secret key {@code [REDACTED]}), and format names parsed case-insensitively.
 */
final class KeyValueArgumentTest {
  @Test
  void kvShowsKeyAndValueAndValueShowsOnlyTheValue() {
    assertEquals("orderId=42", StructuredArguments.kv("orderId", 42).toString());
    assertEquals("42", StructuredArguments.value("orderId", 42).toString());
    assertEquals(new KeyValueArgument("orderId", 42, true), StructuredArguments.kv("orderId", 42));
    assertEquals(new KeyValueArgument("orderId", 42, false), StructuredArguments.value("orderId", 42));
  }

  @Test
  void aDefaultSecretKeyShowsRedactedWhateverItsCase() {
    assertEquals("Password=[REDACTED]", StructuredArguments.kv("Password", "hunter2").toString());
    assertEquals("[REDACTED]", StructuredArguments.value("API_KEY", "k-1").toString());
  }

  @Test
  void arraysShowTheirElementsAndNullsShowAsNull() {
    assertEquals("ids=[1, [2, 3]]", StructuredArguments.kv("ids", new Object[] {1, new int[] {2, 3}}).toString());
    assertEquals("null=null", StructuredArguments.kv(null, null).toString());
    assertEquals("[a]", StructuredArguments.value("list", List.of("a")).toString());
  }

  @Test
  void formatNamesAreParsedIgnoringCaseAndBlanks() {
    assertEquals(LogFormat.GELF, LogFormat.parse(" gElF "));
    assertEquals(LogFormat.SAFEJSON, LogFormat.parse("safejson"));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> LogFormat.parse(null));
    assertTrue(unknown.getMessage().startsWith("unknown format 'null'"), unknown.getMessage());
  }
}
