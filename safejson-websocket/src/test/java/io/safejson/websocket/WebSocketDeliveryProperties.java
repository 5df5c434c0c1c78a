package io.safejson.websocket;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safejson.websocket.JettyServerFixture.JdkClient;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/** Whatever a {@code forJakarta} sender puts on a real Jetty connection reaches the JDK client as strict JSON. */
@StatisticsReport(onFailureOnly = true)
class WebSocketDeliveryProperties {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final AtomicLong TRIES = new AtomicLong();

  // One server and one long-lived connection for the whole class, as in production: starting Jetty per try
  // would dominate the run time.
  private static JettyServerFixture server;
  private static JdkClient client;
  private static SafeWebSocketSender sender;

  /** Hands the server side of the one connection to the class. */
  public static final class Opened extends Endpoint {
    final CompletableFuture<Session> session = new CompletableFuture<>();

    @Override
    public void onOpen(Session opened, EndpointConfig config) {
      session.complete(opened);
    }
  }

  @BeforeContainer
  static void connect() throws Exception {
    Opened opened = new Opened();
    server =
        JettyServerFixture.start(container -> container.addEndpoint(JettyServerFixture.serving("/", opened).build()));
    client = JdkClient.connect(server.uri("/"));
    sender = SafeWebSocketSender.forJakarta(opened.session.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
  }

  @AfterContainer
  static void disconnect() throws Exception {
    try {
      if (sender != null) {
        sender.close();
      }
      if (client != null) {
        client.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  enum Kind {
    NAN,
    LONE_SURROGATE,
    CYCLE,
    THROWING_GETTER,
    DEEP_NESTING,
    BIG_STRING,
    PLAIN
  }

  /** One generated value; its description never walks the value, which may be cyclic or huge. */
  static final class Part {
    final Kind kind;
    final Object value;
    private final String description;

    Part(Kind kind, Object value, String description) {
      this.kind = kind;
      this.value = value;
      this.description = description;
    }

    @Override
    public String toString() {
      return kind + "(" + description + ")";
    }
  }

  /** A bean whose second getter fails the way real ones do: runtime exceptions, checked ones, errors. */
  public static final class Failing {
    private final Supplier<Throwable> failure;

    Failing(Supplier<Throwable> failure) {
      this.failure = failure;
    }

    public String getOk() {
      return "fine";
    }

    public Object getBoom() throws Exception {
      Throwable thrown = failure.get();
      if (thrown instanceof Exception) {
        throw (Exception) thrown;
      }
      throw (Error) thrown;
    }
  }

  @Provide
  Arbitrary<List<Part>> messages() {
    return Arbitraries.oneOf(
            nan(), loneSurrogate(), cycle(), throwingGetter(), deepNesting(), bigString(), plain())
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  private static Arbitrary<Part> nan() {
    return Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN)
        .map(number -> new Part(Kind.NAN, number, String.valueOf(number)));
  }

  private static Arbitrary<Part> loneSurrogate() {
    Arbitrary<String> text = Arbitraries.strings().alpha().ofMaxLength(8);
    Arbitrary<Character> surrogate = Arbitraries.chars().range('\uD800', '\uDFFF');
    return Combinators.combine(text, surrogate, text, Arbitraries.of(true, false))
        .as(
            (before, lone, after, asKey) -> {
              String hostile = before + lone + after;
              // As a map key too: keys are written by a different path than values.
              Object value = asKey ? Map.of(hostile, hostile) : hostile;
              return new Part(Kind.LONE_SURROGATE, value, (asKey ? "key " : "") + escape(hostile));
            });
  }

  private static Arbitrary<Part> cycle() {
    return Arbitraries.integers()
        .between(1, 4)
        .map(
            length -> {
              // map -> list -> map -> ... -> back to the first map
              Map<String, Object> first = new HashMap<>();
              first.put("name", "start");
              Object tail = first;
              for (int i = 0; i < length; i++) {
                List<Object> list = new ArrayList<>();
                list.add(i);
                list.add(tail);
                Map<String, Object> map = new HashMap<>();
                map.put("next", list);
                tail = map;
              }
              first.put("loop", tail);
              return new Part(Kind.CYCLE, first, "length " + length);
            });
  }

  private static Arbitrary<Part> throwingGetter() {
    Map<String, Supplier<Throwable>> failures = new LinkedHashMap<>();
    failures.put("IllegalStateException", () -> new IllegalStateException("lazy proxy not initialized"));
    failures.put("NullPointerException", NullPointerException::new);
    failures.put("IOException", () -> new IOException("stream closed"));
    failures.put("AssertionError", () -> new AssertionError("invariant"));
    failures.put("StackOverflowError", StackOverflowError::new);
    return Arbitraries.of(failures.keySet())
        .map(name -> new Part(Kind.THROWING_GETTER, new Failing(failures.get(name)), name));
  }

  private static Arbitrary<Part> deepNesting() {
    return Arbitraries.integers()
        .between(50, 2_000)
        .map(
            depth -> {
              Object nested = "bottom";
              for (int i = 0; i < depth; i++) {
                nested = (i % 2 == 0) ? List.of(nested) : Map.of("d", nested);
              }
              return new Part(Kind.DEEP_NESTING, nested, "depth " + depth);
            });
  }

  private static Arbitrary<Part> bigString() {
    // Quotes, backslashes, controls, a surrogate pair and U+2028: everything that needs escaping, repeated
    // well past one WebSocket frame so the client sees partial messages.
    Arbitrary<String> unit =
        Arbitraries.of("a", "xyz", "\"", "\\", "\n", "\t", "\u0000", "\u001f", "\u2028", "é", "😀")
            .list()
            .ofMinSize(1)
            .ofMaxSize(8)
            .map(tokens -> String.join("", tokens));
    return Combinators.combine(unit, Arbitraries.integers().between(50_000, 400_000))
        .as(
            (pattern, size) -> {
              String big = pattern.repeat(Math.max(1, size / pattern.length()));
              return new Part(Kind.BIG_STRING, big, big.length() + " chars of " + escape(pattern));
            });
  }

  private static Arbitrary<Part> plain() {
    return Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(40).map(text -> new Part(Kind.PLAIN, text, escape(text))),
            Arbitraries.longs().map(number -> new Part(Kind.PLAIN, number, number.toString())),
            Arbitraries.doubles().map(number -> new Part(Kind.PLAIN, number, number.toString())),
            Arbitraries.longs()
                .between(-10_000_000_000L, 10_000_000_000L)
                .map(seconds -> new Part(Kind.PLAIN, Instant.ofEpochSecond(seconds), "instant " + seconds)),
            Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
                .as(UUID::new)
                .map(id -> new Part(Kind.PLAIN, id, id.toString())),
            Arbitraries.bigDecimals()
                .ofScale(4)
                .map(decimal -> new Part(Kind.PLAIN, decimal, decimal.toPlainString())));
  }

  // No edge cases: the combined generators' many edge-case combinations crowd out the other kinds (one got
  // 45 %, another 5 %), which made the every-kind coverage check flaky; the hostile values are built by hand.
  @Property(tries = 50, edgeCases = EdgeCasesMode.NONE)
  void whateverTheSenderSendsReachesTheJdkClientAsStrictJson(@ForAll("messages") List<Part> parts)
      throws Exception {
    long id = TRIES.incrementAndGet();
    List<Object> values = new ArrayList<>();
    for (Part part : parts) {
      values.add(part.value);
      Statistics.label("kind").collect(part.kind);
    }
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("try", id);
    message.put("parts", values);

    sender.send(message).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    String received = receive(id);

    JsonNode delivered = PLAIN.readTree(received).get("parts");
    assertEquals(parts.size(), delivered.size(), received.length() > 500 ? "(long)" : received);
    for (int i = 0; i < parts.size(); i++) {
      assertPart(parts.get(i), delivered.get(i));
    }
    Statistics.label("kind")
        .coverage(
            checker -> {
              for (Kind kind : Kind.values()) {
                checker.check(kind).count(count -> count > 0);
              }
            });
  }

  /**
   * Returns this try's message: each one read on the way is checked strictly, and older ones (left behind by a
   * try that failed before reading its own) are skipped so one failure does not cascade into shrinking.
   */
  private static String receive(long id) throws Exception {
    while (true) {
      String json = client.next(TIMEOUT);
      assertValidJson(json);
      long received = PLAIN.readTree(json).get("try").asLong();
      if (received == id) {
        return json;
      }
      assertTrue(received < id, "message of a later try " + received + " while waiting for " + id);
    }
  }

  /** Beyond validity, the parts whose repair is fully determined keep their meaning over the wire. */
  private static void assertPart(Part part, JsonNode node) {
    switch (part.kind) {
      case NAN:
        assertTrue(node.isNull(), part + " -> " + node);
        break;
      case THROWING_GETTER:
        assertEquals("fine", node.get("ok").asText(), part.toString());
        assertEquals("[FAILED]", node.get("boom").asText(), part.toString());
        break;
      case BIG_STRING:
        // Below maxStringLength: nothing to cut, so every char must survive framing and escaping.
        assertEquals(part.value, node.asText(), part.toString());
        break;
      default:
        break;
    }
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }
}
