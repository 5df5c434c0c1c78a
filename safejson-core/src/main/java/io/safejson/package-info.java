/**
 * safejson-core: {@link io.safejson.SafeSerializer} turns any Java value into valid JSON, never throws,
 * and reports what it had to fix as {@link io.safejson.Incident}s.
 */
package io.safejson;
