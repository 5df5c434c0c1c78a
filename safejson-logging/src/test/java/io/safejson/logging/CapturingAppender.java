package io.safejson.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;

/** An appender, referenced from the test XML, that keeps every byte its encoder produced. */
public final class CapturingAppender extends OutputStreamAppender<ILoggingEvent> {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  @Override
  public void start() {
    setOutputStream(bytes);
    super.start();
  }

  /** Adds bytes encoded outside the appender, as if it had written them. */
  public void keep(byte[] encoded) {
    synchronized (bytes) {
      bytes.writeBytes(encoded);
    }
  }

  /** Everything written so far. */
  public byte[] bytes() {
    synchronized (bytes) {
      return bytes.toByteArray();
    }
  }
}
