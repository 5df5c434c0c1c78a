/**
 * Spring Boot auto-configuration for safejson: a {@link io.safejson.SafeSerializer} bean from {@code safejson.*}
 * properties, Boot's own JSON mapper writing the safe way ({@code safejson.web.enabled}), and WebSocket senders.
 */
package io.safejson.spring.boot;
