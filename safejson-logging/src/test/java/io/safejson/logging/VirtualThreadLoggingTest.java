package io.safejson.logging;

import io.safejson.buildtools.VirtualThreads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/** {@link SafeJsonEncoder}, configured from real Logback XML, logging from a thousand virtual threads at once. */
@EnabledForJreRange(
    min = JRE.JAVA_21,
    disabledReason = "virtual threads and the jdk.VirtualThreadPinned JFR event exist from Java 21 on")
final class VirtualThreadLoggingTest {
  private static final int THREADS = 1_000;
  private static final int PER_THREAD = 20;

  /** Blocks in its class initializer, which pins a virtual thread on every JDK: proof that the recording sees pins. */
  static final class PinsWhileInitializing {
    static {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    static void touch() {}
  }

  /** What each virtual thread does: its own MDC entry, then {@link #PER_THREAD} events, every fifth a hard one. */
  private static void logAs(LogCapture capture, int thread) {
    Logger logger = capture.logger("virtual");
    capture.mdc().put("vt", Integer.toString(thread));
    for (int i = 0; i < PER_THREAD; i++) {
      logger
          .atInfo()
          .addKeyValue("thread", thread)
          .addKeyValue("i", i)
          // Every fifth event takes the slow paths too: a failing value and a stack trace.
          .addKeyValue("odd", i % 5 == 0 ? new HostileValues.ThrowingToString() : "fine")
          .setCause(i % 5 == 0 ? new IllegalStateException("boom " + thread) : null)
          .log("event {} {}", thread, i);
    }
    capture.mdc().remove("vt");
  }

  @Test
  void aThousandVirtualThreadsLogEveryEventAsOneValidLineInEachThreadsOrderWithoutPinning() throws Exception {
    ExecutorService threads = VirtualThreads.newPerTaskExecutor();
    try (LogCapture capture = LogCapture.configure("logback-safejson.xml")) {
      // The JVM loads and initializes classes with the carrier pinned (Java 25 reports each as
      // jdk.VirtualThreadPinned: "Freeze or preempt failed", "Waited for initialization of ... by another
      // thread"); one virtual thread doing the same work first keeps that one-time cost out of the recording.
      try (LogCapture warmUp = LogCapture.configure("logback-safejson.xml")) {
        threads.submit(() -> logAs(warmUp, 0)).get(10, TimeUnit.SECONDS);
      }
      AtomicInteger virtual = new AtomicInteger();

      List<RecordedEvent> pinned =
          VirtualThreads.pinnedEventsDuring(
              () -> {
                threads.submit(PinsWhileInitializing::touch).get(10, TimeUnit.SECONDS);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> tasks = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                  int thread = t;
                  tasks.add(
                      threads.submit(
                          () -> {
                            if (VirtualThreads.isVirtual(Thread.currentThread())) {
                              virtual.incrementAndGet();
                            }
                            go.await();
                            logAs(capture, thread);
                            return null;
                          }));
                }
                go.countDown();
                for (Future<?> task : tasks) {
                  task.get(60, TimeUnit.SECONDS);
                }
                return null;
              });
      List<JsonNode> events = capture.events(); // each line strictly valid JSON, or this fails

      assertEquals(THREADS, virtual.get(), "every logger ran on a virtual thread");
      assertEquals(THREADS * PER_THREAD, events.size(), "one line per event");
      int[] next = new int[THREADS];
      for (JsonNode event : events) {
        int thread = event.at("/kv/thread").asInt(-1);
        int i = event.at("/kv/i").asInt(-1);
        assertEquals("event " + thread + " " + i, event.get("msg").asText(), event.toString());
        assertEquals(Integer.toString(thread), event.at("/mdc/vt").asText(), "this thread's MDC: " + event);
        assertEquals(next[thread], i, "thread " + thread + " out of order at " + event);
        next[thread]++;
        if (i % 5 == 0) {
          assertTrue(event.at("/kv/odd").asText().startsWith("[FAILED"), event.toString());
          assertEquals("boom " + thread, event.at("/error/message").asText(), event.toString());
        } else {
          assertEquals("fine", event.at("/kv/odd").asText(), event.toString());
        }
      }
      for (int thread = 0; thread < THREADS; thread++) {
        assertEquals(PER_THREAD, next[thread], "events of thread " + thread);
      }

      assertTrue(
          pinned.stream().anyMatch(event -> VirtualThreads.hasFrameOf(event, PinsWhileInitializing.class.getName())),
          "the recording caught the deliberate pin; events:" + VirtualThreads.describe(pinned));
      List<RecordedEvent> ours = new ArrayList<>();
      for (RecordedEvent event : pinned) {
        if (VirtualThreads.libraryFrame(event) != null) {
          ours.add(event);
        }
      }
      System.out.println(
          "jdk.VirtualThreadPinned on Java " + Runtime.version().feature() + ": " + pinned.size()
              + " event(s), " + ours.size() + " with a safejson frame" + VirtualThreads.describe(pinned));
      assertEquals(List.of(), ours, "pinned inside safejson:" + VirtualThreads.describe(ours));
    } finally {
      threads.shutdown();
      assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
    }
  }
}
