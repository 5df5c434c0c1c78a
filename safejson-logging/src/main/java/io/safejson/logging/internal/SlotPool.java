package io.safejson.logging.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A small lock-free pool of {@link LineWriter}s: no {@code ThreadLocal} (which would pin one buffer per
 * virtual thread) and no lock; when every slot is busy a fresh writer is made and dropped afterwards.
 * Thread-safe.
 */
final class SlotPool {
  private final AtomicReferenceArray<LineWriter> slots;
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
      LineWriter writer = slots.get(index);
      if (writer != null && slots.compareAndSet(index, writer, null)) {
        return writer;
      }
    }
    return factory.get();
  }

  void release(LineWriter writer) {
    int size = slots.length();
    int start = (int) (Thread.currentThread().getId() % size);
    for (int i = 0; i < size; i++) {
      if (slots.compareAndSet((start + i) % size, null, writer)) {
        return;
      }
    }
  }
}
