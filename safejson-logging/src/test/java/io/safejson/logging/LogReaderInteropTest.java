package io.safejson.logging;

import static io.safejson.interop.DefaultReaders.both;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import io.safejson.interop.HostileDocuments.Exact;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every line the encoder writes, in every format, parses under the default settings of Jackson 2
 * ({@code new ObjectMapper()}) and Jackson 3 ({@code JsonMapper.builder().build()}), both read the same tree,
 * and the hostile values that would not fit those readers as numbers come through as exact strings.
 */
final class LogReaderInteropTest {
  @ParameterizedTest
  @ValueSource(strings = {"safejson", "ecs", "gcp", "logstash", "gelf"})
  void hostileValuesGiveLinesBothDefaultJacksonMappersReadWithExactValues(String format) {
    try (LogCapture capture = LogCapture.configure("logback-" + format + ".xml")) {
      ReaderHostileEvents.log(capture);
      List<String> lines = capture.lines();
      assertEquals(ReaderHostileEvents.EVENTS, lines.size(), "one line per event");
      List<List<Exact>> exact = ReaderHostileEvents.exact(format);
      for (int i = 0; i < lines.size(); i++) {
        JsonNode event = both(lines.get(i));
        for (Exact value : exact.get(i)) {
          value.assertIn(event);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gelf", "ecs"})
  void fieldCapsAboveTheReadersStringLimitAreLoweredToItWithAWarning(String format) {
    try (LogCapture capture = LogCapture.configureAllowingErrors("logback-huge-fields-" + format + ".xml")) {
      List<String> warnings =
          capture.context().getStatusManager().getCopyOfStatusList().stream()
              .filter(s -> s.getLevel() == Status.WARN)
              .map(Status::getMessage)
              .toList();
      assertTrue(warnings.stream().anyMatch(w -> w.startsWith("<maxFieldLength> 30000000 exceeds")), warnings::toString);
      assertTrue(warnings.stream().anyMatch(w -> w.startsWith("<maxStackTraceLength> 30000000 exceeds")), warnings::toString);
      String huge = "m".repeat(21_000_000);
      capture.logger("huge").error(huge, new IllegalStateException(huge));
      capture.logger("huge").atInfo().addKeyValue("text", huge).addKeyValue("map", Map.of("text", huge)).log("kv");
      List<String> lines = capture.lines();
      assertEquals(2, lines.size());
      JsonNode error = both(lines.get(0));
      assertTrue(error.toString().length() > 20_000_000, "the caps above the default are used up to the limit");
      JsonNode kv = both(lines.get(1));
      String text = kv.at(format.equals("gelf") ? "/_text" : "/text").textValue();
      // GELF leaves room in full_message for a newline and a cut stack trace after the message.
      assertEquals(format.equals("gelf") ? 20_000_000 - 15 : 20_000_000, text.length());
      assertTrue(text.endsWith("...[TRUNCATED]"));
    }
  }
}
