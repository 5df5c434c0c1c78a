package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.CoreConstants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * For any exception graph (cause chains, suppressed exceptions with causes of their own, shared frames,
 * hostile messages and frames), {@link StackTraceText} writes one strictly valid JSON string whose content is
 * what Logback's own {@link ThrowableProxyConverter} prints, within any char budget.
 *
 * <p>Throwables are mutable and carry the stack of the thread that made them, so jqwik generates a pure
 * description ({@link Graph}) and every try builds fresh throwables from it.
 */
@StatisticsReport(onFailureOnly = true)
final class StackTraceTextProperties {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** Rejects raw control chars, trailing tokens, anything that is not exactly one JSON value. */
  private static final ObjectMapper STRICT =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** Shared by every try, like the one a renderer shares between its writers: frames hit it across tries. */
  private static final TextCaches CACHES = new TextCaches(Set.of(), KeyStyle.PLAIN);

  private static final ThrowableProxyConverter LOGBACK = startedConverter();

  /**
   * Stands for a null message on the way into Logback (see {@link NullMarked}); a generated message never
   * contains it.
   */
  private static final String NULL_MESSAGE = "<<null message sentinel 6f1e0c2b>>";

  private static final String SUFFIX = Texts.TRUNCATED_SUFFIX;

  /** Budgets tried one by one in the truncation property. */
  private static final int SMALL_BUDGETS = 300;

  // ---------------------------------------------------------------------------------------------------
  // Properties
  // ---------------------------------------------------------------------------------------------------

  @Property(tries = 200)
  void renderedTraceEqualsLogbacksOwnConverter(@ForAll("graphs") Graph graph) throws IOException {
    Throwable top = graph.build();
    ThrowableProxy proxy = new ThrowableProxy(top);
    collectStatistics(graph, top);

    String actual = parse(render(CACHES, proxy, false, Integer.MAX_VALUE).json());

    assertSameText(logbackExpectation(proxy), actual);
  }

  @Property(tries = 100)
  void renderingTheSameProxyTwiceWithWarmCachesGivesIdenticalBytes(
      @ForAll("graphs") Graph graph, @ForAll boolean rootCauseFirst) throws IOException {
    Throwable top = graph.build();
    ThrowableProxy proxy = new ThrowableProxy(top);
    TextCaches caches = new TextCaches(Set.of(), KeyStyle.PLAIN);
    StackTraceText renderer = new StackTraceText(caches);
    EscapedText text = new EscapedText(FACTORY);

    text.reset(Integer.MAX_VALUE);
    boolean cutCold = renderer.render(text, proxy, rootCauseFirst);
    byte[] cold = json(text);
    // the same renderer, text and caches again: every frame is now a cache hit
    text.reset(Integer.MAX_VALUE);
    boolean cutWarm = renderer.render(text, proxy, rootCauseFirst);
    byte[] warm = json(text);
    // a new proxy of the same throwable: new StackTraceElementProxy objects, equal StackTraceElements
    Rendered again = render(caches, new ThrowableProxy(top), rootCauseFirst, Integer.MAX_VALUE);
    // the caches every other try warmed up
    Rendered shared = render(CACHES, proxy, rootCauseFirst, Integer.MAX_VALUE);

    assertFalse(cutCold || cutWarm || again.cut() || shared.cut(), "nothing is cut without a budget");
    assertArrayEquals(cold, warm, () -> "warm differs from cold:\n" + diff(utf8(cold), utf8(warm)));
    assertArrayEquals(cold, again.json(), () -> "new proxy differs:\n" + diff(utf8(cold), utf8(again.json())));
    assertArrayEquals(cold, shared.json(), () -> "shared caches differ:\n" + diff(utf8(cold), utf8(shared.json())));
    parse(cold);
  }

  @Property(tries = 100)
  void aSmallBudgetKeepsTheLongestPrefixThatFitsAndMarksTheCut(
      @ForAll("graphsLongAndShort") Graph graph, @ForAll boolean rootCauseFirst) throws IOException {
    Throwable top = graph.build();
    ThrowableProxy proxy = new ThrowableProxy(top);
    String full = parse(render(CACHES, proxy, rootCauseFirst, Integer.MAX_VALUE).json());

    List<Integer> budgets = new ArrayList<>();
    for (int n = 0; n <= SMALL_BUDGETS; n++) {
      budgets.add(n);
    }
    // around the end too: just too small, exactly enough, more than enough
    budgets.addAll(List.of(full.length() - 1, full.length(), full.length() + 1));

    boolean fitSomewhere = false;
    boolean cutSomewhere = false;
    boolean cutAtPair = false;
    boolean cutInCount = false;
    EscapedText text = new EscapedText(FACTORY);
    StackTraceText renderer = new StackTraceText(CACHES);
    for (int n : budgets) {
      if (n < 0) {
        continue;
      }
      text.reset(n);
      boolean cut = renderer.render(text, proxy, rootCauseFirst);
      String parsed = parse(json(text));
      String where = "budget " + n + " of " + full.length() + " chars, rootCauseFirst " + rootCauseFirst;
      if (full.length() <= n) {
        fitSomewhere |= n <= SMALL_BUDGETS;
        assertFalse(cut, "render() reports a cut although all fits, " + where);
        assertSameText(full, parsed);
        continue;
      }
      char last = full.charAt(n - 1 < 0 ? 0 : n - 1);
      boolean pairAtCut = n > 0 && Character.isHighSurrogate(last);
      cutSomewhere |= n <= SMALL_BUDGETS;
      cutAtPair |= pairAtCut;
      cutInCount |= n <= SMALL_BUDGETS && insideOmittedCount(full, n);
      assertTrue(cut, "render() does not report the cut, " + where);
      if (!parsed.endsWith(SUFFIX)) {
        fail("no truncation suffix, " + where + ": " + escape(tail(parsed)));
      }
      String kept = parsed.substring(0, parsed.length() - SUFFIX.length());
      if (!full.startsWith(kept)) {
        fail("kept text is not a prefix of the full text, " + where + "\n" + diff(full, kept));
      }
      if (kept.length() > n) {
        fail("kept " + kept.length() + " chars over a budget of " + n + ", " + where
            + "; kept ends with: " + escape(tail(kept)));
      }
      // everything that fits is kept, but for a surrogate pair (or a lone high surrogate, now U+FFFD) the
      // budget would split
      int least = n > 0 && (pairAtCut || last == '\uFFFD') ? n - 1 : n;
      if (kept.length() < least) {
        fail("kept only " + kept.length() + " chars of a budget of " + n + ", " + where);
      }
      if (!kept.isEmpty() && Character.isHighSurrogate(kept.charAt(kept.length() - 1))) {
        fail("cut inside a surrogate pair, " + where);
      }
      assertEquals(kept, expectedWellFormed(kept), "lone surrogate in the kept text, " + where);
    }
    Statistics.label("cut by a budget <= 300").collect(cutSomewhere);
    Statistics.label("whole trace fits in <= 300 chars").collect(fitSomewhere);
    Statistics.label("some budget falls inside a surrogate pair").collect(cutAtPair);
    Statistics.label("some budget ends inside a 'common frames omitted' count").collect(cutInCount);
    Statistics.label("cut by a budget <= 300").coverage(c -> c.check(true).percentage(p -> p > 90));
    Statistics.label("whole trace fits in <= 300 chars")
        .coverage(c -> c.check(true).percentage(p -> p > 5));
    Statistics.label("some budget falls inside a surrogate pair")
        .coverage(c -> c.check(true).percentage(p -> p > 3));
    Statistics.label("some budget ends inside a 'common frames omitted' count")
        .coverage(c -> c.check(true).percentage(p -> p > 3));
  }

  @Property(tries = 150)
  void rootCauseFirstStartsWithTheRootCauseAndWrapsItOutwards(@ForAll("graphs") Graph graph)
      throws IOException {
    assertRootCauseFirst(graph);
  }

  /**
   * A cause cycle, or a throwable suppressed where it also is a cause: Logback's {@code ThrowableProxy} meets
   * it a second time and stands in a frame-less proxy with {@code isCyclic()} for it, which Logback prints
   * as {@code [CIRCULAR REFERENCE: Type: message]}.
   */
  @Property(tries = 100)
  void aThrowableMetTwiceIsPrintedAsACircularReferenceLikeLogbackDoes(
      @ForAll("graphsMeetingAThrowableTwice") Graph graph) throws IOException {
    Throwable top = graph.build();
    ThrowableProxy proxy = new ThrowableProxy(top);
    Statistics.label("met twice").collect(graph.hasCycle() ? "cause cycle" : "root cause also suppressed");

    String actual = parse(render(CACHES, proxy, false, Integer.MAX_VALUE).json());

    assertSameText(logbackExpectation(proxy), actual);
  }

  /** Root cause first, a cause cycle ends the chain at the last throwable before the repeat. */
  @Property(tries = 100)
  void rootCauseFirstOfACauseCycleStartsWithTheLastThrowableBeforeTheRepeat(
      @ForAll("graphsMeetingAThrowableTwice") Graph graph) throws IOException {
    Statistics.label("met twice").collect(graph.hasCycle() ? "cause cycle" : "root cause also suppressed");
    assertRootCauseFirst(graph);
  }

  private static void assertRootCauseFirst(Graph graph) throws IOException {
    Throwable top = graph.build();
    ThrowableProxy proxy = new ThrowableProxy(top);
    String actual = parse(render(CACHES, proxy, true, Integer.MAX_VALUE).json());

    // the chain as the Throwable itself has it: outermost first, up to a repeat
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = top; t != null && seen.add(t); t = t.getCause()) {
      chain.add(t);
    }

    // root cause first, with every frame (nothing is "common" with a wrapper printed later), then each
    // wrapper on a line of its own after whatever the one before it suppressed
    int at = 0;
    for (int i = chain.size() - 1; i >= 0; i--) {
      Throwable t = chain.get(i);
      StringBuilder block = new StringBuilder();
      if (i != chain.size() - 1) {
        block.append("\nWrapped by: ");
      }
      block.append(t.getClass().getName());
      if (t.getMessage() != null) {
        block.append(": ").append(t.getMessage());
      }
      for (StackTraceElement element : t.getStackTrace()) {
        block.append("\n\tat ").append(element);
      }
      String expected = expectedWellFormed(block.toString());
      int found = actual.indexOf(expected, at);
      if (i == chain.size() - 1 ? found != 0 : found < 0) {
        fail((i == chain.size() - 1 ? "does not start with the root cause" : "wrapper " + i + " missing")
            + ", expected block:\n" + escape(expected) + "\nafter offset " + at + " of:\n" + escape(actual));
      }
      at = found + expected.length();
    }
    assertEquals(chain.size() - 1, count(actual, "\nWrapped by: "), () -> escape(actual));
    assertEquals(0, count(actual, "\nCaused by: "), () -> escape(actual));
  }

  // ---------------------------------------------------------------------------------------------------
  // The oracle and its normalization
  // ---------------------------------------------------------------------------------------------------

  private static ThrowableProxyConverter startedConverter() {
    ThrowableProxyConverter converter = new ThrowableProxyConverter();
    converter.setContext(new LoggerContext());
    converter.start();
    return converter;
  }

  /**
   * What Logback prints for {@code proxy}, turned into what StackTraceText promises. Each step removes a
   * systematic difference only, never content:
   *
   * <ol>
   *   <li>Null messages. Logback prints {@code "Type: null"}; StackTraceText prints {@code "Type"} like
   *       {@code Throwable.toString()} and {@code printStackTrace} do. A message that is the string
   *       {@code "null"} must stay, so Logback is handed a view of the proxy whose null messages are a
   *       sentinel, and {@code ": " + sentinel} is removed from its output.
   *   <li>Line ends. Logback ends every line, the last one too, with {@code CoreConstants.LINE_SEPARATOR}
   *       (the platform's); StackTraceText separates lines with {@code '\n'} and ends with no line break.
   *       The trailing separator is dropped; elsewhere the platform separator becomes {@code '\n'} (a no-op
   *       where it already is {@code '\n'}; on Windows a message holding CRLF would become ambiguous).
   *   <li>Lone surrogates. JSON text cannot hold them; StackTraceText writes U+FFFD instead (done here by
   *       {@link #expectedWellFormed}, written independently of {@code Texts.wellFormed}).
   * </ol>
   */
  private static String logbackExpectation(IThrowableProxy proxy) {
    IThrowableProxy marked = new NullMarked(proxy);
    LoggingEvent event =
        new LoggingEvent() {
          @Override
          public IThrowableProxy getThrowableProxy() {
            return marked;
          }
        };
    String printed = LOGBACK.convert(event);
    String separator = CoreConstants.LINE_SEPARATOR;
    if (!printed.endsWith(separator)) {
      fail("Logback's output no longer ends with a line separator: " + escape(tail(printed)));
    }
    String text = printed.substring(0, printed.length() - separator.length());
    if (!"\n".equals(separator)) {
      text = text.replace(separator, "\n");
    }
    text = text.replace(": " + NULL_MESSAGE, "");
    return expectedWellFormed(text);
  }

  /** A view of a proxy tree in which a null message reads as {@link #NULL_MESSAGE}. */
  private record NullMarked(IThrowableProxy real) implements IThrowableProxy {
    @Override
    public String getMessage() {
      String message = real.getMessage();
      return message == null ? NULL_MESSAGE : message;
    }

    @Override
    public String getClassName() {
      return real.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return real.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
      return real.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
      return real.getCause() == null ? null : new NullMarked(real.getCause());
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      IThrowableProxy[] suppressed = real.getSuppressed();
      if (suppressed == null) {
        return null;
      }
      IThrowableProxy[] marked = new IThrowableProxy[suppressed.length];
      for (int i = 0; i < suppressed.length; i++) {
        marked[i] = suppressed[i] == null ? null : new NullMarked(suppressed[i]);
      }
      return marked;
    }

    @Override
    public boolean isCyclic() {
      return real.isCyclic();
    }
  }

  /** Every lone surrogate replaced by U+FFFD, a well-formed pair kept; char by char. */
  private static String expectedWellFormed(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pairStart =
          Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      if (pairStart) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append('\uFFFD');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  // ---------------------------------------------------------------------------------------------------
  // Rendering with the code under test
  // ---------------------------------------------------------------------------------------------------

  private record Rendered(byte[] json, boolean cut) {}

  private static Rendered render(TextCaches caches, IThrowableProxy proxy, boolean rootCauseFirst, int budget)
      throws IOException {
    EscapedText text = new EscapedText(FACTORY);
    text.reset(budget);
    boolean cut = new StackTraceText(caches).render(text, proxy, rootCauseFirst);
    return new Rendered(json(text), cut);
  }

  private static byte[] json(EscapedText text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      text.writeTo(generator);
    }
    return out.toByteArray();
  }

  /** The one JSON string in {@code json}, after proving the bytes are strict UTF-8 and strict JSON. */
  private static String parse(byte[] json) throws IOException {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(json));
    } catch (CharacterCodingException e) {
      throw new AssertionError("not well-formed UTF-8: " + escape(utf8(json)), e);
    }
    JsonNode node = STRICT.readTree(json);
    assertTrue(node != null && node.isTextual(), () -> "not one JSON string: " + escape(utf8(json)));
    return node.textValue();
  }

  // ---------------------------------------------------------------------------------------------------
  // Exception graphs: descriptions and how to build them
  // ---------------------------------------------------------------------------------------------------

  /**
   * One throwable: its type ({@link #create}), message, the call depth it is made at (so stacks differ), its
   * frames ({@code null}: the real ones; otherwise set with {@code setStackTrace}) and what it suppresses.
   */
  record One(int type, String message, int depth, List<StackTraceElement> frames, List<Chain> suppressed) {}

  /** A throwable and its causes, outermost first. */
  record Chain(List<One> links) {}

  /**
   * The logged chain plus two ways to meet a throwable twice: {@code cycleTo >= 0} makes the root cause's
   * cause the link at that index (a cause cycle, when the chain is long enough), {@code repeatRoot} makes the
   * top also suppress its own root cause.
   */
  record Graph(Chain top, int cycleTo, boolean repeatRoot) {
    boolean hasCycle() {
      return cycleTo >= 0 && cycleTo < top.links().size() - 1;
    }

    boolean hasRepeat() {
      return repeatRoot && top.links().size() > 1;
    }

    Throwable build() {
      Throwable[] chain = StackTraceTextProperties.build(top);
      Throwable root = chain[chain.length - 1];
      if (hasCycle()) {
        root.initCause(chain[cycleTo]);
      }
      if (hasRepeat()) {
        chain[0].addSuppressed(root);
      }
      return chain[0];
    }
  }

  /**
   * Builds every link of a chain from the same call site, so links made at the same depth have identical
   * stacks (all frames in common with their wrapper) and the others share the frames below the depth.
   */
  static Throwable[] build(Chain chain) {
    Throwable[] made = new Throwable[chain.links().size()];
    for (int i = 0; i < made.length; i++) {
      made[i] = build(chain.links().get(i));
    }
    for (int i = 0; i + 1 < made.length; i++) {
      made[i].initCause(made[i + 1]);
    }
    return made;
  }

  private static Throwable build(One one) {
    Throwable t = createAt(one.depth(), one.type(), one.message());
    if (one.frames() != null) {
      t.setStackTrace(one.frames().toArray(new StackTraceElement[0]));
    }
    for (Chain suppressed : one.suppressed()) {
      t.addSuppressed(build(suppressed)[0]);
    }
    return t;
  }

  private static Throwable createAt(int depth, int type, String message) {
    if (depth == 0) {
      return create(type, message);
    }
    return depth % 2 == 0 ? deeper(depth - 1, type, message) : tieferÜber(depth - 1, type, message);
  }

  private static Throwable deeper(int depth, int type, String message) {
    return createAt(depth, type, message);
  }

  /** A frame whose method name is not ASCII. */
  private static Throwable tieferÜber(int depth, int type, String message) {
    return createAt(depth, type, message);
  }

  static final int TYPES = 6;

  private static Throwable create(int type, String message) {
    return switch (type) {
      case 0 -> new RuntimeException(message);
      case 1 -> new IllegalStateException(message);
      case 2 -> new IOException(message);
      case 3 -> new Boom(message);
      case 4 -> new Ärger(message);
      default -> new RuntimeException(message) {}; // anonymous: a class name ending in $1
    };
  }

  static final class Boom extends RuntimeException {
    Boom(String message) {
      super(message);
    }
  }

  /** A class name that is not ASCII. */
  static final class Ärger extends Exception {
    Ärger(String message) {
      super(message);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Generators
  // ---------------------------------------------------------------------------------------------------

  /**
   * A logged chain of 0..5 causes whose links may suppress chains (of up to 3), whose links may again; every
   * throwable in it is met once.
   */
  @Provide
  Arbitrary<Graph> graphs() {
    return chains(2, 1, 6).map(chain -> new Graph(chain, -1, false));
  }

  /** As {@link #graphs()}, plus a cause cycle or a root cause its top also suppresses. */
  @Provide
  Arbitrary<Graph> graphsMeetingAThrowableTwice() {
    Arbitrary<Integer> cycleTo =
        Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.integers().between(0, 4)), Tuple.of(1, Arbitraries.just(-1)));
    return Combinators.combine(chains(2, 2, 6), cycleTo)
        .as((chain, to) -> new Graph(chain, Math.min(to, chain.links().size() - 2), to < 0));
  }

  /**
   * Long traces (real frames) and short ones (short messages, a few frames from a small pool, so that a
   * cause often has common frames omitted within the first few hundred chars): small budgets cut both.
   */
  @Provide
  Arbitrary<Graph> graphsLongAndShort() {
    Arbitrary<List<StackTraceElement>> poolFrames =
        Arbitraries.of(FRAME_POOL[0], FRAME_POOL[2]).list().ofMinSize(1).ofMaxSize(2);
    Arbitrary<String> shortMessages =
        Arbitraries.oneOf(Arbitraries.of("", "x", "😀", "a\nb", "\uD800"), Arbitraries.strings().all().ofMaxLength(3))
            .injectNull(0.3);
    Arbitrary<One> shortOne =
        Combinators.combine(Arbitraries.integers().between(0, 1), shortMessages, poolFrames)
            .as((type, message, frames) -> new One(type, message, 0, frames, List.of()));
    Arbitrary<Graph> shortGraphs =
        shortOne.list().ofMinSize(2).ofMaxSize(3).map(links -> new Graph(new Chain(links), -1, false));
    return Arbitraries.frequencyOf(Tuple.of(1, graphs()), Tuple.of(2, shortGraphs));
  }

  private static Arbitrary<Chain> chains(int nesting, int minLength, int maxLength) {
    return ones(nesting).list().ofMinSize(minLength).ofMaxSize(maxLength).map(Chain::new);
  }

  private static Arbitrary<One> ones(int nesting) {
    Arbitrary<List<Chain>> suppressed =
        nesting == 0
            ? Arbitraries.just(List.of())
            : Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(List.<Chain>of())),
                Tuple.of(1, chains(nesting - 1, 1, 3).list().ofMinSize(1).ofMaxSize(3)));
    return Combinators.combine(
            Arbitraries.integers().between(0, TYPES - 1),
            messages(),
            Arbitraries.integers().between(0, 6),
            frames(),
            suppressed)
        .as(One::new);
  }

  private static Arbitrary<String> messages() {
    return Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just("")),
            Tuple.of(4, Arbitraries.strings().withChars("\n\r\t\"\\\u0000\u0001\u001f\u007f\u2028\u2029 aé€/")
                .ofMaxLength(12)),
            Tuple.of(3, Arbitraries.strings().all().ofMaxLength(20)), // any char, surrogates included
            Tuple.of(2, Arbitraries.of(
                "null", "😀", "naïve — ünïcode ✓", "日本語のメッセージ", "a\"b\\c", "tab\there",
                "👍🏽 ok 🇩🇪", "line1\nline2\r\n\tat fake.Frame(Fake.java:1)", "Caused by", "</script>")),
            Tuple.of(2, loneSurrogate()),
            Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(200).ofMaxLength(400)))
        .injectNull(0.2);
  }

  /** A string with exactly one lone surrogate among other text, emoji (surrogate pairs) included. */
  private static Arbitrary<String> loneSurrogate() {
    Arbitrary<String> around = Arbitraries.of("", "x", "😀", "é", "\n", "\uD83D\uDE00a");
    Arbitrary<Character> lone = Arbitraries.oneOf(
        Arbitraries.chars().range('\uD800', '\uDBFF'), Arbitraries.chars().range('\uDC00', '\uDFFF'));
    // "-" on both sides: a high surrogate just before a low one would be a pair, not a lone one
    return Combinators.combine(around, lone, around).as((before, c, after) -> before + "-" + c + "-" + after);
  }

  /** Made-up frames that repeat, in the forms {@code StackTraceElement.toString()} knows. */
  private static final StackTraceElement[] FRAME_POOL = {
    new StackTraceElement("com.example.Service", "handle", "Service.java", 42),
    new StackTraceElement("com.example.Service", "lambda$handle$0", null, -1),
    new StackTraceElement("app", "com.example", "1.0", "com.example.Main", "main", "Main.java", 7),
    new StackTraceElement(null, "java.base", "17", "java.lang.Thread", "run", "Thread.java", 833),
    new StackTraceElement("sun.nio.ch.Net", "poll", null, -2),
  };

  /** null (the real stack), none at all, or made-up frames, often from a small pool so they repeat. */
  private static Arbitrary<List<StackTraceElement>> frames() {
    Arbitrary<String> names = Arbitraries.oneOf(
        Arbitraries.strings().withChars("abcXYZ.$_é€\"\\\n\t<>").ofMinLength(1).ofMaxLength(10),
        Arbitraries.strings().all().ofMaxLength(8));
    Arbitrary<String> fileNames = Arbitraries.oneOf(names, Arbitraries.of("Weird.java", "Ü.kt")).injectNull(0.3);
    Arbitrary<Integer> lines = Arbitraries.of(-2, -1, 0, 1, 65535);
    Arbitrary<StackTraceElement> madeUp =
        Combinators.combine(names, names, fileNames, lines).as(StackTraceElement::new);
    Arbitrary<StackTraceElement> frame =
        Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(FRAME_POOL)), Tuple.of(1, madeUp));
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just((List<StackTraceElement>) null)),
        Tuple.of(1, Arbitraries.just(List.<StackTraceElement>of())),
        Tuple.of(3, frame.list().ofMinSize(1).ofMaxSize(4)));
  }

  // ---------------------------------------------------------------------------------------------------
  // Statistics
  // ---------------------------------------------------------------------------------------------------

  private static void collectStatistics(Graph graph, Throwable top) {
    int causes = graph.top().links().size() - 1;
    List<One> all = new ArrayList<>();
    collect(graph.top(), all);
    boolean suppressed = all.stream().anyMatch(one -> !one.suppressed().isEmpty());
    boolean lone = all.stream().anyMatch(one -> hasLoneSurrogate(one.message())
        || one.frames() != null && one.frames().stream().anyMatch(f -> hasLoneSurrogate(f.toString())));
    boolean nullMessage = all.stream().anyMatch(one -> one.message() == null);
    boolean sharedFrames = false;
    for (IThrowableProxy p = new ThrowableProxy(top); p != null; p = p.getCause()) {
      sharedFrames |= p.getCommonFrames() > 0;
    }

    Statistics.label("causes").collect(causes == 0 ? "0" : causes <= 2 ? "1-2" : "3-5");
    Statistics.label("suppressed").collect(suppressed);
    Statistics.label("lone surrogate").collect(lone);
    Statistics.label("null message").collect(nullMessage);
    Statistics.label("common frames omitted").collect(sharedFrames);

    Statistics.label("causes").coverage(c -> {
      c.check("0").percentage(p -> p > 5);
      c.check("1-2").percentage(p -> p > 8);
      c.check("3-5").percentage(p -> p > 15);
    });
    Statistics.label("suppressed").coverage(c -> c.check(true).percentage(p -> p > 12));
    Statistics.label("lone surrogate").coverage(c -> c.check(true).percentage(p -> p > 10));
    Statistics.label("null message").coverage(c -> c.check(true).percentage(p -> p > 15));
    Statistics.label("common frames omitted").coverage(c -> c.check(true).percentage(p -> p > 15));
  }

  private static void collect(Chain chain, List<One> into) {
    for (One one : chain.links()) {
      into.add(one);
      for (Chain suppressed : one.suppressed()) {
        collect(suppressed, into);
      }
    }
  }

  private static boolean hasLoneSurrogate(String text) {
    return text != null && !expectedWellFormed(text).equals(text);
  }

  // ---------------------------------------------------------------------------------------------------
  // Reporting
  // ---------------------------------------------------------------------------------------------------

  /** assertEquals that shows where two long texts first differ, escaped, instead of both in full. */
  private static void assertSameText(String expected, String actual) {
    if (!expected.equals(actual)) {
      fail("texts differ\n" + diff(expected, actual));
    }
  }

  private static String diff(String expected, String actual) {
    int at = 0;
    while (at < expected.length() && at < actual.length() && expected.charAt(at) == actual.charAt(at)) {
      at++;
    }
    int from = Math.max(0, at - 120);
    return "first difference at char " + at + " (lengths " + expected.length() + " / " + actual.length() + ")"
        + "\n  expected: ..." + escape(expected.substring(from, Math.min(expected.length(), at + 120)))
        + "\n  actual:   ..." + escape(actual.substring(from, Math.min(actual.length(), at + 120)));
  }

  /** Whether a budget of {@code n} chars ends just before or inside an omitted-frames count. */
  private static boolean insideOmittedCount(String full, int n) {
    java.util.regex.Matcher m = OMITTED_COUNT.matcher(full);
    while (m.find()) {
      if (m.start(1) <= n && n < m.end(1)) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern OMITTED_COUNT =
      java.util.regex.Pattern.compile("\\t\\.\\.\\. ([0-9]+) common frames omitted");

  private static String tail(String text) {
    return text.substring(Math.max(0, text.length() - 80));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Control chars, backslash and surrogates as Java escapes, so a failure message shows what is there. */
  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c == '\\') {
        out.append("\\\\");
      } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
