package io.safejson.logging.internal;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Renders a throwable like {@code Throwable.printStackTrace} (causes, suppressed, common frames omitted),
 * stopping at a char budget so a pathological exception never builds a huge string.
 * Thread-safe: stateless.
 */
final class StackTraceText {
  /** Causes followed at most; a longer chain is almost certainly a bug of its own. */
  static final int MAX_CHAIN = 32;

  private StackTraceText() {}

  /** The throwable and its causes, outermost first, stopping at a repeat or {@link #MAX_CHAIN}. */
  static List<IThrowableProxy> causeChain(IThrowableProxy top) {
    List<IThrowableProxy> chain = new ArrayList<>();
    Set<IThrowableProxy> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (IThrowableProxy t = top; t != null && chain.size() < MAX_CHAIN && seen.add(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  /** Returns the stack trace text, at most {@code maxChars} chars plus a visible truncation note. */
  static String render(IThrowableProxy top, int maxChars, boolean rootCauseFirst) {
    Out out = new Out(maxChars);
    Set<IThrowableProxy> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    if (rootCauseFirst) {
      List<IThrowableProxy> chain = causeChain(top);
      for (int i = chain.size() - 1; i >= 0 && !out.full; i--) {
        seen.add(chain.get(i));
        writeOne(out, chain.get(i), i == chain.size() - 1 ? "" : "Wrapped by: ", "", false, seen);
      }
    } else {
      writeWithCauses(out, top, "", "", seen);
    }
    return out.text();
  }

  private static void writeWithCauses(
      Out out, IThrowableProxy t, String caption, String indent, Set<IThrowableProxy> seen) {
    int depth = 0;
    for (IThrowableProxy current = t; current != null && !out.full; current = current.getCause()) {
      if (!seen.add(current) || depth++ >= MAX_CHAIN) {
        out.line(indent, "[CIRCULAR REFERENCE: ", current.getClassName() + "]");
        return;
      }
      writeOne(out, current, depth == 1 ? caption : "Caused by: ", indent, true, seen);
    }
  }

  private static void writeOne(
      Out out, IThrowableProxy t, String caption, String indent, boolean omitCommon, Set<IThrowableProxy> seen) {
    String message = t.getMessage();
    out.line(indent, caption, message == null ? t.getClassName() : t.getClassName() + ": " + message);
    StackTraceElementProxy[] frames = t.getStackTraceElementProxyArray();
    int common = omitCommon ? Math.max(0, t.getCommonFrames()) : 0;
    int shown = frames == null ? 0 : Math.max(0, frames.length - common);
    for (int i = 0; i < shown && !out.full; i++) {
      // Pieces, not a concatenated line: a deep stack would otherwise build every line twice.
      out.line(indent, "\t", frames[i].getSTEAsString());
    }
    if (common > 0) {
      out.line(indent, "\t... ", common + " common frames omitted");
    }
    IThrowableProxy[] suppressed = t.getSuppressed();
    if (suppressed != null) {
      for (IThrowableProxy s : suppressed) {
        if (out.full) {
          return;
        }
        writeWithCauses(out, s, "Suppressed: ", indent + "\t", seen);
      }
    }
  }

  /** A StringBuilder that stops accepting lines once the budget is spent. */
  private static final class Out {
    private final StringBuilder text = new StringBuilder(1024);
    private final int maxChars;
    private boolean full;

    Out(int maxChars) {
      this.maxChars = maxChars;
    }

    void line(String indent, String head, String body) {
      if (full) {
        return;
      }
      int length = indent.length() + head.length() + body.length();
      if (length + 1 <= maxChars - text.length()) {
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append(indent).append(head).append(body);
        return;
      }
      line(indent + head + body);
    }

    private void line(String line) {
      if (text.length() > 0) {
        text.append('\n');
      }
      int room = maxChars - text.length();
      if (line.length() > room) {
        int end = Math.max(0, room);
        if (end > 0 && Character.isHighSurrogate(line.charAt(end - 1))) {
          end--;
        }
        text.append(line, 0, end).append(Texts.TRUNCATED_SUFFIX);
        full = true;
      } else {
        text.append(line);
      }
    }

    String text() {
      return Texts.wellFormed(text.toString());
    }
  }
}
