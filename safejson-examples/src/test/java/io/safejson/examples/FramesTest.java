package io.safejson.examples;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

final class FramesTest {
  private static final ObjectMapper READER = new ObjectMapper();

  @Test
  void theSafejsonFrameKeepsEveryValueAndMarksOnlyTheThrowingGetter() throws Exception {
    AgentEvent event = AgentRun.event(3, "hi");
    JsonNode frame = READER.readTree(Frames.SAFE.toJson(Frames.safe(event)));
    JsonNode sent = frame.path("event");
    assertEquals("safejson", frame.path("via").asText());
    assertEquals(event.timestamp().toString(), sent.path("timestamp").asText());
    assertEquals("9007199254740993", sent.path("requestId").textValue());
    assertEquals("0.0125", sent.path("cost").textValue());
    assertEquals("/var/data/report.txt", sent.path("attachment").asText());
    assertEquals("STREAMING", sent.path("state").asText());
    assertEquals("search", sent.path("detail").path("tool").asText());
    assertEquals("[FAILED]", sent.path("detail").path("preview").asText());
  }

  @Test
  void plainJacksonWritesNumbersAndAFileUriAndThrowsOnTheHostileEvent() throws Exception {
    JsonNode sent = READER.readTree(Frames.plain(AgentRun.event(4, "hi"))).path("event");
    assertTrue(sent.path("timestamp").isNumber(), sent.toString());
    assertTrue(sent.path("requestId").isNumber(), sent.toString());
    assertTrue(sent.path("cost").isNumber(), sent.toString());
    assertEquals("file:///var/data/report.txt", sent.path("attachment").asText());

    AgentEvent hostile = AgentRun.event(3, "hi");
    JsonProcessingException error = assertThrows(JsonProcessingException.class, () -> Frames.plain(hostile));
    String frame = Frames.plainError(hostile, error);
    assertValidJson(frame);
    assertEquals("tool_completed", READER.readTree(frame).path("type").asText());
  }
}
