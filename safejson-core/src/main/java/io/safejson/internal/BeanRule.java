package io.safejson.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import java.io.IOException;

/** Writes a bean as an object of the properties Jackson found, plus its {@code @JsonAnyGetter} entries. */
final class BeanRule implements ValueRule {

  /** One bean property as Jackson resolved it, with what safejson needs to write it. */
  record Property(
      String name,
      BeanPropertyWriter writer,
      boolean redacted,
      JsonInclude.Include inclusion,
      boolean jacksonSerializes) {}

  private final Property[] properties;
  private final AnnotatedMember anyGetter;

  BeanRule(Property[] properties, AnnotatedMember anyGetter) {
    this.properties = properties;
    this.anyGetter = anyGetter;
  }

  /** The properties in the order written (shared, not copied: callers only read it). */
  Property[] properties() {
    return properties;
  }

  /** The {@code @JsonAnyGetter}, or null. */
  AnnotatedMember anyGetter() {
    return anyGetter;
  }

  @Override
  public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
    w.entries.writeBean(s, value, this);
  }

  @Override
  public boolean isNormalizationTableType() {
    return false;
  }
}
