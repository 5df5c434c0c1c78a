package io.safejson.websocket;

/** What {@link SafeWebSocketSender} does when a new message would exceed its pending limits. */
public enum OverflowPolicy {
  /** The new message's future fails with {@link SendFailedException.Reason#OVERFLOW}; queued ones stay. */
  FAIL_NEW,
  /**
   * The oldest queued messages are dropped (their futures fail with {@link SendFailedException.Reason#DROPPED})
   * until the new one fits: for streams where only the latest state matters.
   */
  DROP_OLDEST,
  /**
   * The session is closed with {@link SafeWebSocketSender#OVERFLOW_CLOSE_CODE} (1013, try again later) and
   * every pending future fails: for consumers too slow to keep.
   */
  CLOSE_SESSION
}
