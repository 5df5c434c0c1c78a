package io.safejson.spring.boot.app;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/** The seed values of issue 12: what plain Jackson gets wrong or throws on. */
public record AwkwardValues(
    UUID id, Instant at, State state, BigDecimal cost, Path attachment, ToolCall tool, FailingReport report) {

  /** A connection state, written by name. */
  public enum State {
    CONNECTED
  }

  /** A record whose {@code output()} accessor throws: only that value becomes "[FAILED]". */
  public record ToolCall(String name, String output) {
    @Override
    public String output() {
      throw new IllegalStateException("tool output is gone");
    }
  }

  /** A bean whose only getter throws. */
  public static final class FailingReport {
    public String getSummary() {
      throw new UnsupportedOperationException("no summary");
    }
  }

  /** The same values every time: the expected JSON in the tests is written by hand for them. */
  public static AwkwardValues sample() {
    return new AwkwardValues(
        UUID.fromString("3F2504E0-4F89-11D3-9A0C-0305E82C3301"),
        Instant.parse("2026-11-24T00:05:30.123456789Z"),
        State.CONNECTED,
        new BigDecimal("0.0150"),
        Path.of("/var/data/report.txt"),
        new ToolCall("search", "ignored"),
        new FailingReport());
  }

  /** The sample's JSON as safejson writes it (by hand, not by the code under test). */
  public static final String SAFE_JSON = "{\"id\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\","
      + "\"at\":\"2026-11-24T00:05:30.123456789Z\",\"state\":\"CONNECTED\",\"cost\":\"0.0150\","
      + "\"attachment\":\"/var/data/report.txt\",\"tool\":{\"name\":\"search\",\"output\":\"[FAILED]\"},"
      + "\"report\":{\"summary\":\"[FAILED]\"}}";

  /** The values plain Jackson can write (no throwing getter), for comparing outputs byte for byte. */
  public record Plain(UUID id, Instant at, State state, BigDecimal cost, Path attachment) {
    public static Plain sample() {
      AwkwardValues all = AwkwardValues.sample();
      return new Plain(all.id(), all.at(), all.state(), all.cost(), all.attachment());
    }
  }
}
