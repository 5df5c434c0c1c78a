package io.safejson.examples;

/** The state of the agent's connection, sent with every event as its enum name. */
public enum ConnectionState {
  /** The agent accepted the request. */
  CONNECTED,
  /** The agent is producing events. */
  STREAMING,
  /** The agent finished and waits for the next message. */
  IDLE
}
