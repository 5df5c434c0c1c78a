package io.safejson;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field, getter, record component or whole type whose value {@link SafeSerializer} always writes as
 * {@code "[REDACTED]"}, whatever the configured redaction keys.
 *
 * <pre>{@code
 * record Login(String user, @Sensitive String password) {}
 * // {"user":"ada","password":"[REDACTED]"}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface Sensitive {}
