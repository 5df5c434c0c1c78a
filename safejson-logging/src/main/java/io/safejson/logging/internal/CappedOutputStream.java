package io.safejson.logging.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A reusable byte buffer that refuses to grow past a limit: once a line is known to be too long, writing
 * more of it is wasted work (a 10 MB MDC value would otherwise be copied whole before being discarded).
 * Not thread-safe: owned by one {@link LineWriter}.
 */
final class CappedOutputStream extends OutputStream {
  /** Thrown (and remembered) once the limit is passed; the renderer then retries with smaller caps. */
  static final class LineTooLongException extends IOException {
    LineTooLongException() {
      super("line exceeds maxEventBytes");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // control flow, not a bug: a stack trace would be pure cost
    }
  }

  private static final LineTooLongException TOO_LONG = new LineTooLongException();

  private byte[] buffer = new byte[8192];
  private int count;
  private int limit;
  private boolean overflowed;

  void reset(int limit) {
    this.count = 0;
    this.limit = limit;
    this.overflowed = false;
  }

  boolean overflowed() {
    return overflowed;
  }

  int size() {
    return count;
  }

  /** Keeps pooled buffers from pinning the memory of one unusually large line. */
  void shrinkTo(int maxCapacity) {
    if (buffer.length > maxCapacity) {
      buffer = new byte[8192];
    }
  }

  @Override
  public void write(int b) throws IOException {
    ensure(1);
    buffer[count++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    ensure(length);
    System.arraycopy(bytes, offset, buffer, count, length);
    count += length;
  }

  private void ensure(int more) throws IOException {
    if (overflowed || (long) count + more > limit) {
      overflowed = true;
      throw TOO_LONG;
    }
    if (count + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.min(limit, Math.max(buffer.length * 2, count + more)));
    }
  }

  /** Returns a new array holding exactly the line plus its terminating newline. */
  byte[] toLine() {
    byte[] line = Arrays.copyOf(buffer, count + 1);
    line[count] = '\n';
    return line;
  }
}
