package io.safejson.logging.internal;

/**
 * The names written in one JSON object of one line: an open-addressing set that is cleared and reused per
 * line, so tracking names allocates nothing (a {@code HashSet} allocates a node per name). Not thread-safe:
 * each pooled {@link LineWriter} owns its tables.
 */
final class NameTable {
  private String[] slots = new String[64];
  private int[] used = new int[32];
  private int count;

  /** Adds {@code name}; returns false when it was already present. */
  boolean add(String name) {
    if (2 * (count + 1) > slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    for (int i = spread(name.hashCode()) & mask; ; i = (i + 1) & mask) {
      String slot = slots[i];
      if (slot == null) {
        slots[i] = name;
        used[count++] = i;
        return true;
      }
      if (slot.equals(name)) {
        return false;
      }
    }
  }

  boolean contains(String name) {
    int mask = slots.length - 1;
    for (int i = spread(name.hashCode()) & mask; ; i = (i + 1) & mask) {
      String slot = slots[i];
      if (slot == null) {
        return false;
      }
      if (slot.equals(name)) {
        return true;
      }
    }
  }

  void clear() {
    for (int k = 0; k < count; k++) {
      slots[used[k]] = null;
    }
    count = 0;
  }

  private void grow() {
    String[] old = slots;
    int oldCount = count;
    int[] oldUsed = used;
    slots = new String[old.length * 2];
    used = new int[old.length];
    count = 0;
    for (int k = 0; k < oldCount; k++) {
      add(old[oldUsed[k]]);
    }
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
