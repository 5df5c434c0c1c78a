package io.safejson.buildtools;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Virtual threads for tests compiled with {@code --release 17} (created reflectively, so only Java 21+ runs
 * them), and JFR's record of every time one of them pinned its carrier.
 */
public final class VirtualThreads {
  public static final String PINNED = "jdk.VirtualThreadPinned";

  private VirtualThreads() {}

  /** {@code Executors.newVirtualThreadPerTaskExecutor()}, which only Java 21+ has. */
  public static ExecutorService newPerTaskExecutor() {
    try {
      return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new AssertionError("virtual threads need Java 21+, this is " + Runtime.version(), e);
    }
  }

  /** Whether {@code thread} is virtual ({@code Thread.isVirtual()}, Java 21+). */
  public static boolean isVirtual(Thread thread) {
    try {
      return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new AssertionError("virtual threads need Java 21+, this is " + Runtime.version(), e);
    }
  }

  /**
   * Runs {@code work} under a JFR recording of {@code jdk.VirtualThreadPinned} with a threshold of 0 ms and
   * stack traces, and returns every pinned event it recorded.
   */
  public static List<RecordedEvent> pinnedEventsDuring(Callable<?> work) throws Exception {
    Path file = Files.createTempFile("safejson-pinned-", ".jfr");
    try {
      try (Recording recording = new Recording()) {
        recording.enable(PINNED).withThreshold(Duration.ZERO).withStackTrace();
        recording.start();
        work.call();
        recording.stop();
        recording.dump(file);
      }
      List<RecordedEvent> pinned = new ArrayList<>();
      for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
        if (event.getEventType().getName().equals(PINNED)) {
          pinned.add(event);
        }
      }
      return pinned;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Whether some frame of {@code event}'s stack is a method of a class whose name starts with {@code prefix}. */
  public static boolean hasFrameOf(RecordedEvent event, String prefix) {
    RecordedStackTrace stack = event.getStackTrace();
    if (stack == null) {
      return false;
    }
    for (RecordedFrame frame : stack.getFrames()) {
      if (frame.getMethod().getType().getName().startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first frame of {@code event}'s stack that belongs to the library itself (a class of {@code io.safejson}
   * loaded from a main output directory or jar, not from {@code test-classes}), or null when none does.
   */
  public static String libraryFrame(RecordedEvent event) {
    RecordedStackTrace stack = event.getStackTrace();
    if (stack == null) {
      return null;
    }
    for (RecordedFrame frame : stack.getFrames()) {
      String type = frame.getMethod().getType().getName();
      if (type.startsWith("io.safejson.") && !type.startsWith("io.safejson.buildtools.") && !isTestClass(type)) {
        return type + "." + frame.getMethod().getName() + " line " + frame.getLineNumber();
      }
    }
    return null;
  }

  private static boolean isTestClass(String name) {
    int hidden = name.indexOf("$$");
    String loadable = hidden < 0 ? name : name.substring(0, hidden);
    try {
      CodeSource source =
          Class.forName(loadable, false, VirtualThreads.class.getClassLoader()).getProtectionDomain().getCodeSource();
      URL location = source == null ? null : source.getLocation();
      return location != null && location.toString().contains("/test-classes/");
    } catch (ClassNotFoundException | LinkageError e) {
      return false; // not a test class we know: count it as the library's, so the check errs on the strict side
    }
  }

  /** One line per event: its top frames, for a failure message or the test's report. */
  public static String describe(List<RecordedEvent> events) {
    StringBuilder text = new StringBuilder();
    for (RecordedEvent event : events) {
      text.append("\n  pinned ").append(event.getDuration().toMillis()).append(" ms");
      for (String field : new String[] {"blockingOperation", "pinnedReason"}) { // Java 24+ only
        if (event.hasField(field)) {
          text.append(", ").append(field).append(": ").append((Object) event.getValue(field));
        }
      }
      text.append(", at");
      RecordedStackTrace stack = event.getStackTrace();
      List<RecordedFrame> frames = stack == null ? List.of() : stack.getFrames();
      for (int i = 0; i < Math.min(8, frames.size()); i++) {
        RecordedFrame frame = frames.get(i);
        text.append("\n    ")
            .append(frame.getMethod().getType().getName())
            .append('.')
            .append(frame.getMethod().getName())
            .append(':')
            .append(frame.getLineNumber());
      }
    }
    return text.toString();
  }
}
