/**
 * JMH benchmarks comparing {@link io.safejson.SafeSerializer} with plain Jackson on realistic payloads.
 */
package io.safejson.benchmarks;
