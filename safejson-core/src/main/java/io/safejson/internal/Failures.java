package io.safejson.internal;

/** Decides which throwables safejson may absorb: everything but a JVM in distress. */
final class Failures {
  private Failures() {}

  /** Rethrows errors that no caller can recover from (out of memory, internal JVM errors). */
  static void rethrowIfFatal(Throwable t) {
    if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
      throw (VirtualMachineError) t;
    }
  }

  /** Describes a throwable in one short line for an incident's detail. */
  static String describe(Throwable t) {
    // Reflection wraps what a getter threw; the getter's own exception is the useful part.
    while (t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null) {
      t = t.getCause();
    }
    String message;
    try {
      message = t.getMessage();
    } catch (RuntimeException | Error e) {
      message = null;
    }
    String text = t.getClass().getName() + (message == null ? "" : ": " + message);
    text = Strings.wellFormed(text);
    return text.length() > 300 ? text.substring(0, Strings.cutPoint(text, 300)) + "..." : text;
  }
}
