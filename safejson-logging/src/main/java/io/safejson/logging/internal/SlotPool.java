package io.safejson.logging.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;

/**
 * A small lock-free pool of {@link LineWriter}s: no {@code ThreadLocal} (which would pin one buffer per
 * virtual thread) and no lock. Taking a writer empties its slot (compare-and-set); giving it back is a plain
 * release store into the slot it came from, which may drop a writer another thread put there meanwhile:
 * that one is simply collected. When every slot is empty a fresh writer is made. The pool heals itself: a
 * writer never given back (a thread killed by a {@code StackOverflowError} mid-render) only leaves its slot
 * empty until the next fresh writer fills it. A writer is never in a slot while a thread uses it.
 * Thread-safe.
 */
final class SlotPool {
  /**
   * Atomic access to the slots, typed exactly for {@code LineWriter[]}: unlike {@code AtomicReferenceArray}'s
   * handle for {@code Object[]}, it needs no element type check, and JMH profiles showed that check on the
   * release store.
   */
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(LineWriter[].class);

  private final LineWriter[] slots;
  private final int mask;
  private final Supplier<LineWriter> factory;

  /** A pool of at least {@code size} slots (a power of two, so a slot index is a mask, never a division). */
  SlotPool(int size, Supplier<LineWriter> factory) {
    int slotCount = Integer.highestOneBit(Math.max(1, size - 1)) << 1;
    this.slots = new LineWriter[slotCount];
    this.mask = slotCount - 1;
    this.factory = factory;
  }

  LineWriter acquire() {
    int start = (int) Thread.currentThread().getId() & mask;
    for (int i = 0; i <= mask; i++) {
      int index = (start + i) & mask;
      LineWriter writer = (LineWriter) SLOT.getVolatile(slots, index);
      if (writer != null && SLOT.compareAndSet(slots, index, writer, (LineWriter) null)) {
        writer.poolSlot = index;
        return writer;
      }
    }
    LineWriter fresh = factory.get();
    fresh.poolSlot = start;
    return fresh;
  }

  void release(LineWriter writer) {
    SLOT.setRelease(slots, writer.poolSlot, writer);
  }
}
