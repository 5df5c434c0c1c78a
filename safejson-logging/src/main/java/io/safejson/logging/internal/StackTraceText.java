package io.safejson.logging.internal;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/**
 * Renders a throwable like {@code Throwable.printStackTrace} (causes, suppressed, common frames omitted)
 * into an {@link EscapedText}, stopping at a char budget so a pathological exception never builds huge
 * text. Frame lines come pre-escaped from a shared {@link TextCaches} cache keyed by
 * {@link StackTraceElement}: the frames of an exception a service throws again cost a copy, not a
 * {@code toString()} and an escape. Not thread-safe: owned by one {@link LineWriter}; the cache is shared.
 */
final class StackTraceText {
  /** Causes followed at most; a longer chain is almost certainly a bug of its own. */
  static final int MAX_CHAIN = 32;

  /** Throwables remembered in a plain array before spilling into an identity set. */
  private static final int SMALL_SEEN = 16;

  private static final SerializedString NEWLINE = TextCaches.escaped("\n");
  private static final SerializedString TAB = TextCaches.escaped("\t");
  private static final SerializedString COLON = TextCaches.escaped(": ");
  private static final SerializedString CAUSED_BY = TextCaches.escaped("Caused by: ");
  private static final SerializedString WRAPPED_BY = TextCaches.escaped("Wrapped by: ");
  private static final SerializedString SUPPRESSED = TextCaches.escaped("Suppressed: ");
  private static final SerializedString OMITTED_START = TextCaches.escaped("\t... ");
  private static final SerializedString OMITTED_END = TextCaches.escaped(" common frames omitted");
  private static final SerializedString CIRCULAR_START = TextCaches.escaped("[CIRCULAR REFERENCE: ");
  private static final SerializedString CIRCULAR_END = TextCaches.escaped("]");

  private final TextCaches caches;
  private final IThrowableProxy[] seen = new IThrowableProxy[SMALL_SEEN];
  /** Created on first need (an exception with many suppressed ones), then kept and cleared. */
  private java.util.Set<IThrowableProxy> moreSeen;
  private final IThrowableProxy[] chain = new IThrowableProxy[MAX_CHAIN];
  private int seenCount;
  private EscapedText out;
  private boolean firstLine;

  StackTraceText(TextCaches caches) {
    this.caches = caches;
  }

  /**
   * Appends the stack trace of {@code top} to {@code into}, whose budget bounds it; returns true when it
   * was cut.
   */
  boolean render(EscapedText into, IThrowableProxy top, boolean rootCauseFirst) throws IOException {
    out = into;
    firstLine = true;
    seenCount = 0;
    try {
      if (rootCauseFirst) {
        int length = causeChain(top, chain);
        for (int i = length - 1; i >= 0 && !out.full(); i--) {
          remember(chain[i]);
          writeOne(chain[i], i == length - 1 ? null : WRAPPED_BY, 0, false);
        }
      } else {
        writeWithCauses(top, null, 0);
      }
      return out.full();
    } finally {
      java.util.Arrays.fill(seen, 0, Math.min(seenCount, SMALL_SEEN), null);
      if (moreSeen != null && !moreSeen.isEmpty()) {
        moreSeen.clear();
      }
      java.util.Arrays.fill(chain, null);
      out = null;
    }
  }

  /**
   * Fills {@code into} with the throwable and its causes, outermost first, stopping at a repeat (or the
   * stand-in Logback puts where a cause repeats, {@link IThrowableProxy#isCyclic()}) or at
   * {@link #MAX_CHAIN}; returns how many it holds. Allocates nothing.
   */
  static int causeChain(IThrowableProxy top, IThrowableProxy[] into) {
    int length = 0;
    for (IThrowableProxy t = top;
        t != null && length < into.length && !t.isCyclic() && !contains(into, length, t);
        t = t.getCause()) {
      into[length++] = t;
    }
    return length;
  }

  private static boolean contains(IThrowableProxy[] throwables, int length, IThrowableProxy t) {
    for (int i = 0; i < length; i++) {
      if (throwables[i] == t) {
        return true;
      }
    }
    return false;
  }

  /** Remembers {@code t}; false when it was seen already. Allocates nothing for the first few. */
  private boolean remember(IThrowableProxy t) {
    if (contains(seen, Math.min(seenCount, SMALL_SEEN), t)) {
      return false;
    }
    if (seenCount < SMALL_SEEN) {
      seen[seenCount++] = t;
      return true;
    }
    if (moreSeen == null) {
      moreSeen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }
    if (!moreSeen.add(t)) {
      return false;
    }
    seenCount++;
    return true;
  }

  private void writeWithCauses(IThrowableProxy t, SerializedString caption, int indent) throws IOException {
    int depth = 0;
    for (IThrowableProxy current = t; current != null && !out.full(); current = current.getCause()) {
      SerializedString currentCaption = depth == 0 ? caption : CAUSED_BY;
      // Logback's ThrowableProxy already replaces a repeated throwable by a frameless stand-in marked cyclic;
      // the identity check covers other IThrowableProxy implementations.
      if (current.isCyclic() || !remember(current) || depth++ >= MAX_CHAIN) {
        writeCircular(current, currentCaption, indent);
        return;
      }
      writeOne(current, currentCaption, indent, true);
    }
  }

  /** A repeat, as Logback prints it: {@code Caused by: [CIRCULAR REFERENCE: type: message]}. */
  private void writeCircular(IThrowableProxy t, SerializedString caption, int indent) throws IOException {
    startLine(indent);
    if (caption != null) {
      out.append(caption);
    }
    out.append(CIRCULAR_START);
    writeHeader(t);
    out.append(CIRCULAR_END);
  }

  /** {@code type: message}, or just the type when there is no message. */
  private void writeHeader(IThrowableProxy t) throws IOException {
    out.append(String.valueOf(t.getClassName()));
    String message = t.getMessage();
    if (message != null) {
      out.append(COLON);
      out.append(message);
    }
  }

  private void writeOne(IThrowableProxy t, SerializedString caption, int indent, boolean omitCommon)
      throws IOException {
    startLine(indent);
    if (caption != null) {
      out.append(caption);
    }
    writeHeader(t);
    StackTraceElementProxy[] proxies = t.getStackTraceElementProxyArray();
    int common = omitCommon ? Math.max(0, t.getCommonFrames()) : 0;
    int shown = proxies == null ? 0 : Math.max(0, proxies.length - common);
    for (int i = 0; i < shown && !out.full(); i++) {
      startLine(indent);
      out.append(TAB);
      writeFrame(proxies[i]);
    }
    if (common > 0) {
      startLine(indent);
      out.append(OMITTED_START);
      out.append(common);
      out.append(OMITTED_END);
    }
    IThrowableProxy[] suppressed = t.getSuppressed();
    // Suppressed ones nest by recursion: past MAX_CHAIN levels (never seen in practice) they are left out
    // rather than risk the stack.
    if (suppressed != null && indent < MAX_CHAIN) {
      for (IThrowableProxy s : suppressed) {
        if (out.full()) {
          return;
        }
        if (s != null) {
          writeWithCauses(s, SUPPRESSED, indent + 1);
        }
      }
    }
  }

  private void writeFrame(StackTraceElementProxy proxy) throws IOException {
    if (proxy == null) {
      out.append("at null");
      return;
    }
    StackTraceElement element = proxy.getStackTraceElement();
    SerializedString cached = element == null ? null : caches.frame(element);
    if (cached != null) {
      out.append(cached);
    } else {
      out.append(String.valueOf(proxy.getSTEAsString()));
    }
  }

  private void startLine(int indent) throws IOException {
    if (!firstLine) {
      out.append(NEWLINE);
    }
    firstLine = false;
    for (int i = 0; i < indent; i++) {
      out.append(TAB);
    }
  }
}
