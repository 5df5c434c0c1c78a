package io.safejson.logging;

import io.safejson.logging.internal.KeyValueArgument;

/**
 * Arguments for {@code {}} placeholders that also become JSON fields, as in logstash-logback-encoder:
 *
 * <pre>{@code
 * import static io.safejson.logging.StructuredArguments.kv;
 *
 * log.info("order {} shipped", kv("orderId", order.id()));
 * // message "order orderId=42 shipped", plus the field orderId: 42
 * }</pre>
 *
 * <p>Thread-safe: stateless. Values are written by SafeSerializer like key-values; in the message, a value
 * whose key is one of the default secret names shows as {@code [REDACTED]}.
 */
public final class StructuredArguments {
  private StructuredArguments() {}

  /** An argument shown as {@code key=value} in the message and written as the field {@code key}. */
  public static Object kv(String key, Object value) {
    return new KeyValueArgument(key, value, true);
  }

  /** An argument shown as {@code value} in the message and written as the field {@code key}. */
  public static Object value(String key, Object value) {
    return new KeyValueArgument(key, value, false);
  }
}
