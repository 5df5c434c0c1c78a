/** Implementation of safejson-logging: the line renderer, its formats and buffers; not a public API. */
package io.safejson.logging.internal;
