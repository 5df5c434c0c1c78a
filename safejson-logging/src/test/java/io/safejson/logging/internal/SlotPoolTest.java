package io.safejson.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.core.JsonFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class SlotPoolTest {
  private final AtomicInteger made = new AtomicInteger();

  private SlotPool pool(int size) {
    JsonFactory factory = new JsonFactory();
    IsoTimestamps timestamps = new IsoTimestamps();
    TextCaches caches = new TextCaches(Set.of(), KeyStyle.PLAIN);
    return new SlotPool(
        size,
        () -> {
          made.incrementAndGet();
          return new LineWriter(factory, timestamps, caches);
        });
  }

  @Test
  void aWriterGivenBackIsTheOneHandedOutNext() {
    SlotPool pool = pool(4);
    LineWriter first = pool.acquire();
    pool.release(first);
    for (int i = 0; i < 100; i++) {
      LineWriter again = pool.acquire();
      assertSame(first, again, "the pooled writer is reused");
      pool.release(again);
    }
    assertEquals(1, made.get());
  }

  @Test
  void writersNeverGivenBackLeaveThePoolWorkingAndItRefillsItself() {
    SlotPool pool = pool(2);
    List<LineWriter> leaked = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      leaked.add(pool.acquire()); // as if each render died of a StackOverflowError before release
    }
    int madeAfterLeaks = made.get();
    LineWriter fresh = pool.acquire();
    assertEquals(madeAfterLeaks + 1, made.get(), "an empty pool makes a writer");
    pool.release(fresh);
    for (int i = 0; i < 100; i++) {
      LineWriter again = pool.acquire();
      assertSame(fresh, again, "and keeps it: no writer is made per event after leaks");
      pool.release(again);
    }
    assertEquals(madeAfterLeaks + 1, made.get());
  }

  @Test
  void noWriterIsEverHeldByTwoThreadsAtOnce() throws Exception {
    SlotPool pool = pool(4);
    ConcurrentHashMap<LineWriter, Thread> holders = new ConcurrentHashMap<>();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 20_000; i++) {
                    LineWriter writer = pool.acquire();
                    Thread other = holders.putIfAbsent(writer, Thread.currentThread());
                    if (other != null) {
                      return "writer held by " + other + " and " + Thread.currentThread();
                    }
                    holders.remove(writer);
                    pool.release(writer);
                  }
                  return null;
                }));
      }
      for (Future<String> result : results) {
        assertNull(result.get());
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
