package io.safejson.benchmarks;

/** The connection state carried by a {@link ChatMessage}, serialized by name. */
public enum ConnectionState {
  CONNECTING,
  CONNECTED,
  RECONNECTING,
  CLOSED
}
