package io.safejson.websocket;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.safejson.interop.DefaultReaders;
import io.safejson.interop.HostileDocuments;
import io.safejson.interop.HostileDocuments.Case;
import io.safejson.interop.HostileDocuments.Exact;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile document of the core's reader-interop tests (huge numbers in every decimal and integer style,
 * 1E+100000 and 1E-100000, nesting at the maxDepth cap, multi-megabyte strings, lone surrogates, 2^53+1,
 * Double.MIN_VALUE), sent as a WebSocket message from a real Jetty server through a default
 * {@link SafeWebSocketSender} to the JDK client, arrives whole and parses under the default settings of
 * Jackson 2's {@code ObjectMapper} and Jackson 3's {@code JsonMapper}, with its exact values intact.
 */
final class WebSocketReaderInteropTest {
  @RegisterExtension static final HostileMessageServer SERVER = new HostileMessageServer();

  /** The documents a serializer writes as whole messages (not those written into a caller's open generator). */
  static Stream<Case> messages() {
    return HostileDocuments.all().stream().filter(Case::isWholeMessage);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void everyHostileMessageArrivesWholeAndParsesUnderBothDefaultMappers(Case c) throws Exception {
    String received = SERVER.deliver(c);

    assertValidJson(received);
    JsonNode tree = DefaultReaders.both(received);
    for (Exact exact : c.exact()) {
      exact.assertIn(tree);
    }
    if (c.exactJson() != null) {
      assertEquals(c.exactJson(), received, "the message must not change");
    }
  }

  @Test
  void theMessagesCoverEveryHostileValueTheIssueLists() {
    List<String> names = messages().map(Case::name).toList();
    // 3 documents in each of the 2 x 2 decimal/integer styles, and 7 single ones: only the 2 documents written
    // into an already open generator are left out.
    assertEquals(2 * 2 * 3 + 7, names.size(), names.toString());
    for (String kind :
        List.of(
            "hostile numbers NUMBER/NUMBER",
            "hostile numbers STRING/STRING_WHEN_UNSAFE",
            "hostile numbers in a JsonNode NUMBER/NUMBER",
            "ordinary numbers NUMBER/NUMBER",
            "ids beyond 2^53 as strings",
            "nesting at the maxDepth cap",
            "a five-million-char string within maxStringLength",
            "a 21-million-char string under a maxStringLength above the readers' limit",
            "lone surrogates in a key and a value")) {
      assertTrue(names.contains(kind), kind + " in " + names);
    }
  }
}
