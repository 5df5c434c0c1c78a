package io.safejson.spring.boot;

import io.safejson.SafeSerializer;

/**
 * Tweaks the auto-configured {@link SafeSerializer} in code, after the {@code safejson.*} properties are applied:
 * converters, Jackson modules, an incident listener. Every such bean is applied, in {@code @Order}.
 *
 * <pre>{@code
 * @Bean
 * SafeSerializerCustomizer incidentsAsMetrics(MeterRegistry metrics) {
 *   return builder -> builder.onIncident(i -> metrics.counter("json.fixed", "kind", i.kind().name()).increment());
 * }
 * }</pre>
 *
 * <p>Called once, on the thread creating the bean.
 */
@FunctionalInterface
public interface SafeSerializerCustomizer {

  /** Adjusts the builder that already holds the properties' settings. */
  void customize(SafeSerializer.Builder builder);
}
