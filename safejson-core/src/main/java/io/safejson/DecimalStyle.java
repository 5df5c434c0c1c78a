package io.safejson;

/** How {@link SafeSerializer} writes a {@link java.math.BigDecimal}. */
public enum DecimalStyle {
  /** A string in plain notation keeping the scale, such as {@code "12.50"}: the default, lossless everywhere. */
  STRING,
  /** A JSON number in plain notation keeping the scale, such as {@code 12.50}. */
  NUMBER
}
