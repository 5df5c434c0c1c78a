package io.safejson.examples;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class LogbackConfigTest {
  @Test
  void theLogFormatPropertyPicksTheEncodersSchema() throws Exception {
    JsonNode ecs = firstLine("ecs");
    assertTrue(ecs.has("@timestamp") && ecs.has("ecs.version"), ecs.toString());
    JsonNode safejson = firstLine(null);
    assertTrue(safejson.has("ts") && safejson.has("msg"), safejson.toString());
  }

  private static JsonNode firstLine(String format) throws Exception {
    LoggerContext context = new LoggerContext();
    if (format != null) {
      context.putProperty("safejson.logFormat", format);
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogbackConfigTest.class.getResource("/logback.xml"));
    try {
      OutputStreamAppender<ILoggingEvent> stdout =
          (OutputStreamAppender<ILoggingEvent>)
              context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
      ch.qos.logback.classic.Logger logger = context.getLogger("see-it");
      ILoggingEvent event =
          new ch.qos.logback.classic.spi.LoggingEvent("x", logger, ch.qos.logback.classic.Level.INFO, "hello", null, null);
      String line = new String(stdout.getEncoder().encode(event), StandardCharsets.UTF_8);
      assertEquals('\n', line.charAt(line.length() - 1));
      assertValidJson(line.trim());
      return new ObjectMapper().readTree(line);
    } finally {
      context.stop();
    }
  }
}
