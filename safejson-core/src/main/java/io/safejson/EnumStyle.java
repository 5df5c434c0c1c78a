package io.safejson;

/** How {@link SafeSerializer} writes an enum constant (unless the enum has Jackson's {@code @JsonValue}). */
public enum EnumStyle {
  /** {@code name()}, such as {@code "CONNECTED"}: the default. */
  NAME,
  /** {@code name()} in lower case, such as {@code "connected"}. */
  LOWER_CASE,
  /** {@code toString()}; a throwing {@code toString()} falls back to {@code name()} with a FAILED incident. */
  TO_STRING
}
