package io.safejson.examples;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Redirects the server's stdout log (the STDOUT appender of {@code logback.xml}, with its own
 * {@code SafeJsonEncoder}) into a buffer, so a test reads exactly the lines the server would print.
 */
final class LogCapture implements AutoCloseable {
  private final Logger root;
  private final Appender<ILoggingEvent> console;
  private final OutputStreamAppender<ILoggingEvent> buffer = new OutputStreamAppender<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private LogCapture(Logger root, Appender<ILoggingEvent> console, Encoder<ILoggingEvent> encoder) {
    this.root = root;
    this.console = console;
    buffer.setContext(root.getLoggerContext());
    buffer.setName("CAPTURE");
    buffer.setEncoder(encoder);
    buffer.setOutputStream(bytes);
    buffer.setImmediateFlush(true);
    buffer.start();
    root.addAppender(buffer);
    root.detachAppender(console);
  }

  /** Starts capturing; fails when logback.xml did not configure the SafeJsonEncoder console appender. */
  static LogCapture start() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Appender<ILoggingEvent> console = root.getAppender("STDOUT");
    if (!(console instanceof OutputStreamAppender<ILoggingEvent> stdout)
        || !stdout.getEncoder().getClass().getName().equals("io.safejson.logging.SafeJsonEncoder")) {
      throw new AssertionError("logback.xml must configure appender STDOUT with io.safejson.logging.SafeJsonEncoder");
    }
    return new LogCapture(root, console, stdout.getEncoder());
  }

  /** Returns the captured lines, without their line ends. */
  List<String> lines() {
    String text;
    synchronized (bytes) {
      text = bytes.toString(StandardCharsets.UTF_8);
    }
    return Arrays.stream(text.split("\n")).filter(line -> !line.isEmpty()).toList();
  }

  /** Puts the console appender back. */
  @Override
  public void close() {
    root.addAppender(console);
    root.detachAppender(buffer);
    buffer.stop();
  }
}
