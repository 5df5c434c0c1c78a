package io.safejson.logging.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A small lock-free pool of {@link LineWriter}s: no {@code ThreadLocal} (which would pin one buffer per
 * virtual thread) and no lock. A thread claims a whole slot, filling an empty one with a new writer, and
 * hands the writer back to that same slot, which nobody else can touch meanwhile: giving back is a plain
 * release store, not a compare-and-set. When every slot is busy a fresh writer is made and dropped
 * afterwards. Thread-safe.
 */
final class SlotPool {
  private static final Object TAKEN = new Object();

  private final AtomicReferenceArray<Object> slots;
  private final Supplier<LineWriter> factory;

  SlotPool(int size, Supplier<LineWriter> factory) {
    this.slots = new AtomicReferenceArray<>(size);
    this.factory = factory;
  }

  LineWriter acquire() {
    int size = slots.length();
    int start = (int) (Thread.currentThread().getId() % size);
    for (int i = 0; i < size; i++) {
      int index = (start + i) % size;
      Object held = slots.get(index);
      if (held != TAKEN && slots.compareAndSet(index, held, TAKEN)) {
        LineWriter writer = held == null ? factory.get() : (LineWriter) held;
        writer.poolSlot = index;
        return writer;
      }
    }
    LineWriter extra = factory.get();
    extra.poolSlot = -1;
    return extra;
  }

  void release(LineWriter writer) {
    if (writer.poolSlot >= 0) {
      slots.lazySet(writer.poolSlot, writer);
    }
  }
}
