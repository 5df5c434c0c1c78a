package io.safejson.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;

/**
 * A Logback encoder writing each event as exactly one line of valid UTF-8 JSON, in one of several formats,
 * never throwing and never dropping an event.
 *
 * <pre>{@code
 * <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
 *   <encoder class="io.safejson.logging.SafeJsonEncoder">
 *     <format>ecs</format>
 *     <serviceName>chat-backend</serviceName>
 *   </encoder>
 * </appender>
 * }</pre>
 *
 * <p>Every option is listed on {@link SafeJsonOptions}. Thread-safe once started: {@link #encode} may be
 * called concurrently. Configure it (the setters) on one thread before {@link #start()}, as Logback does.
 */
public class SafeJsonEncoder extends SafeJsonOptions implements Encoder<ILoggingEvent> {
  /** Creates an encoder with the default options ({@code safejson} format). */
  public SafeJsonEncoder() {}

  @Override
  public byte[] headerBytes() {
    return null;
  }

  /** Returns the event as one JSON line ending in {@code \n}; never throws. */
  @Override
  public byte[] encode(ILoggingEvent event) {
    return renderLine(event);
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }
}
