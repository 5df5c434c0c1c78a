package io.safejson.nats;

/**
 * A NATS message did not fit the server's {@code max_payload}: under {@link OversizePolicy#FAIL}, or under any
 * policy when the caller's own headers leave no room for a body.
 *
 * <p>Immutable.
 */
public final class PayloadTooLargeException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String subject;
  private final long size;
  private final long maxPayload;

  /** Creates the exception; {@code size} counts the body and the headers, as the server does. */
  public PayloadTooLargeException(String subject, long size, long maxPayload) {
    super(
        "NATS message on subject '"
            + subject
            + "' is "
            + size
            + " bytes (body and headers), over the server's max_payload of "
            + maxPayload
            + " bytes");
    this.subject = subject;
    this.size = size;
    this.maxPayload = maxPayload;
  }

  /** Returns the subject the message was meant for. */
  public String subject() {
    return subject;
  }

  /** Returns the size of the message in bytes: body plus serialized headers. */
  public long size() {
    return size;
  }

  /** Returns the server's {@code max_payload} in bytes. */
  public long maxPayload() {
    return maxPayload;
  }
}
