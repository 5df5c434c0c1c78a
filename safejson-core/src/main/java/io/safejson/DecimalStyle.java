package io.safejson;

/** How {@link SafeSerializer} writes a {@link java.math.BigDecimal}. */
public enum DecimalStyle {
  /** A string in plain notation keeping the scale, such as {@code "12.50"}: the default, lossless everywhere. */
  STRING,
  /**
   * A JSON number in plain notation keeping the scale, such as {@code 12.50}; a decimal that default JSON
   * readers would reject or lose (more than 1,000 chars, or non-zero and outside the double range, such as
   * {@code 1E+400} or {@code 1E-400}) is written as the {@link #STRING} form with a
   * {@link Incident.Kind#READER_LIMIT} incident.
   */
  NUMBER
}
