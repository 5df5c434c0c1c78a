/**
 * Test assertions for JSON: strict validity, semantic equality and clean {@code SafeSerializer}
 * output.
 */
package io.safejson.testing;
