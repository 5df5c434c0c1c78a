package io.safejson.logging;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.spi.MDCAdapter;

/**
 * A Logback context configured from a real XML resource through {@link JoranConfigurator}, with the
 * captured output split into lines, each checked strictly. Public so the tests of the internal package
 * load real XML too.
 */
public final class LogCapture implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoggerContext context = new LoggerContext();

  private LogCapture(String resource, boolean requireClean) {
    context.setName("test-context");
    if (context.getMDCAdapter() == null) {
      context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(LogCapture.class.getResource("/" + resource));
    } catch (Exception e) {
      throw new AssertionError("configuring " + resource, e);
    }
    if (requireClean) {
      for (Status status : context.getStatusManager().getCopyOfStatusList()) {
        if (status.getLevel() >= Status.WARN) {
          fail("Logback reported while configuring " + resource + ": " + status);
        }
      }
    }
  }

  public static LogCapture configure(String resource) {
    return new LogCapture(resource, true);
  }

  public static LogCapture configureAllowingErrors(String resource) {
    return new LogCapture(resource, false);
  }

  public LoggerContext context() {
    return context;
  }

  public Logger logger(String name) {
    return context.getLogger(name);
  }

  /** Hands a hand-built event straight to the configured appender, as a logger would. */
  public void append(ch.qos.logback.classic.spi.ILoggingEvent event) {
    context.getLogger(Logger.ROOT_LOGGER_NAME).callAppenders(event);
  }

  /**
   * Encodes an event with the configured encoder and keeps the line as if the appender had written it, for
   * events so broken that the appender itself would fail on them before encoding.
   */
  public void encode(ch.qos.logback.classic.spi.ILoggingEvent event) {
    CapturingAppender appender = (CapturingAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CAPTURE");
    appender.keep(appender.getEncoder().encode(event));
  }

  public MDCAdapter mdc() {
    return context.getMDCAdapter();
  }

  public byte[] bytes() {
    return ((CapturingAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CAPTURE")).bytes();
  }

  /** Every line, decoded as strict UTF-8; fails unless the output ends with a newline. */
  public List<String> lines() {
    byte[] bytes = bytes();
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("output is not valid UTF-8", e);
    }
    List<String> lines = new ArrayList<>();
    if (text.isEmpty()) {
      return lines;
    }
    assertTrue(text.endsWith("\n"), "output must end with a newline");
    int start = 0;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      lines.add(text.substring(start, end));
      start = end + 1;
    }
    return lines;
  }

  /** Every line, each strictly valid JSON and parsed. */
  public List<JsonNode> events() {
    List<JsonNode> events = new ArrayList<>();
    for (String line : lines()) {
      assertValidJson(line);
      try {
        events.add(JSON.readTree(line));
      } catch (Exception e) {
        throw new AssertionError("Jackson could not read a line the strict checker accepted: " + line, e);
      }
    }
    return events;
  }

  /** The single line logged so far, newline stripped. */
  public String onlyLine() {
    List<String> lines = lines();
    assertEquals(1, lines.size(), "lines: " + lines);
    return lines.get(0);
  }

  /** The single event logged so far. */
  public JsonNode onlyEvent() {
    List<JsonNode> events = events();
    assertEquals(1, events.size(), "events: " + events);
    return events.get(0);
  }

  @Override
  public void close() {
    context.stop();
  }
}
