package io.safejson.websocket;

/**
 * Why a {@link SafeWebSocketSender#send(Object)} future failed: the message was not delivered to the transport,
 * or the transport reported a failure. Serialization never causes it.
 */
public final class SendFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The cause of a failed send. */
  public enum Reason {
    /** The pending limits were exceeded (see {@link OverflowPolicy}). */
    OVERFLOW,
    /** Dropped from the queue to make room for a newer message ({@link OverflowPolicy#DROP_OLDEST}). */
    DROPPED,
    /** The transport did not finish the send within the configured send time limit. */
    TIMEOUT,
    /** The connection or the sender was closed before the message could be sent. */
    CLOSED,
    /** The transport reported an error while sending. */
    TRANSPORT
  }

  private final Reason reason;

  /** Creates the exception. */
  public SendFailedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Returns why the send failed. */
  public Reason reason() {
    return reason;
  }
}
