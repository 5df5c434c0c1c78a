package io.safejson.nats.internal;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats.client.impl.Headers;
import io.safejson.Incident;
import io.safejson.IncidentsHeader;
import io.safejson.SafeSerializer;
import io.safejson.buildtools.HostileValues;
import io.safejson.buildtools.HostileValues.Part;
import io.safejson.nats.OversizePolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/** Whatever the value and the limit, a TRUNCATE encoder's message fits, parses strictly and says what it cut. */
@StatisticsReport(onFailureOnly = true)
class MessageEncoderProperties {
  private static final SafeSerializer JSON = SafeSerializer.defaults();
  private static final MessageEncoder TRUNCATE = new MessageEncoder(JSON, OversizePolicy.TRUNCATE);

  @Provide
  Arbitrary<List<Part>> messages() {
    return HostileValues.messages(6_000, 60_000);
  }

  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void aTruncatedMessageFitsParsesStrictlyAndMatchesToJsonWhenItWasNotCut(
      @ForAll("messages") List<Part> parts,
      @ForAll @IntRange(min = 200, max = 80_000) int maxPayload,
      @ForAll boolean withHeaders) {
    Map<String, Object> value = HostileValues.message(1, parts);
    Headers mine = withHeaders ? new Headers().put("trace-id", "0af7651916cd43dd8448eb211c80319c") : null;
    EncodedMessage message = TRUNCATE.encode("s", mine, value, maxPayload, true);

    assertTrue(message.size() <= maxPayload, message.size() + " > " + maxPayload + " for " + parts);
    assertValidJson(new String(message.body(), StandardCharsets.UTF_8));
    if (withHeaders) {
      assertEquals("0af7651916cd43dd8448eb211c80319c", message.headers().getFirst("trace-id"));
    }
    byte[] whole = JSON.toJsonBytes(value);
    boolean cut = !message.incidents().isEmpty() && message.incidents().get(0).detail().startsWith("message of");
    if (!cut) {
      assertArrayEquals(whole, message.body(), "a message that fits is the bytes of toJson");
    }
    String header = message.headers() == null ? null : message.headers().getFirst(IncidentsHeader.NAME);
    if (header != null) {
      assertValidJson(header);
      List<Incident> listed = IncidentsHeader.decode(header);
      assertEquals(
          message.incidents().subList(0, listed.size()).stream().map(Incident::path).toList(),
          listed.stream().map(Incident::path).toList());
    } else {
      assertTrue(message.incidents().isEmpty() || message.body().length <= 13, "incidents travel in the header");
    }
    Statistics.label("cut").collect(cut);
    Statistics.label("cut").coverage(checker -> {
      checker.check(true).percentage(p -> p > 10);
      checker.check(false).percentage(p -> p > 10);
    });
  }
}
