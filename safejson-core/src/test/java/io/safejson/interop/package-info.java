/**
 * Test fixtures shared by every module's reader-interop tests (core, WebSocket): hostile documents, the default
 * Jackson 2 and 3 readers, and Python's and Node's readers as subprocesses; reached through safejson-core's
 * test-jar.
 */
package io.safejson.interop;
