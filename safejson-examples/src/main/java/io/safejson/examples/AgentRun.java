package io.safejson.examples;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Makes the five events of one agent run, each stamped when it is made. */
final class AgentRun {
  /** The event types a chat UI shows, in the order they are sent. */
  static final List<String> TYPES =
      List.of("agent_started", "agent_thinking", "tool_executing", "tool_completed", "agent_completed");

  /** The request id: 2^53 + 1, the first integer a JavaScript number cannot hold. */
  static final long REQUEST_ID = 9_007_199_254_740_993L;

  private static final Path ATTACHMENT = Path.of("/var/data/report.txt");
  private static final List<BigDecimal> COSTS =
      List.of(
          new BigDecimal("0.0000"),
          new BigDecimal("0.0050"),
          new BigDecimal("0.0100"),
          new BigDecimal("0.0125"),
          new BigDecimal("0.0150"));
  private static final List<ConnectionState> STATES =
      List.of(
          ConnectionState.CONNECTED,
          ConnectionState.STREAMING,
          ConnectionState.STREAMING,
          ConnectionState.STREAMING,
          ConnectionState.IDLE);

  private AgentRun() {}

  /** Returns event {@code index} (0 to 4) of the run answering {@code text}, timestamped now. */
  static AgentEvent event(int index, String text) {
    return new AgentEvent(
        TYPES.get(index),
        UUID.randomUUID(),
        Instant.now(),
        STATES.get(index),
        COSTS.get(index),
        ATTACHMENT,
        REQUEST_ID,
        detail(index, text));
  }

  private static Object detail(int index, String text) {
    switch (index) {
      case 0:
        return Map.of("prompt", text);
      case 1:
        return Map.of("thought", "Looking up the report first.");
      case 2:
        return Map.of("tool", "search", "query", text);
      case 3:
        return new ToolResult("search");
      default:
        return Map.of("answer", "Done: see the attached report.");
    }
  }
}
