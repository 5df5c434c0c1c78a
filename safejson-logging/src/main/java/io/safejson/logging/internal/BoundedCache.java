package io.safejson.logging.internal;

import java.util.function.Function;

/**
 * A bounded map for values derived from keys that repeat across events (escaped logger and thread names,
 * user keys, stack frames), so each is computed once instead of on every line. Direct-mapped: a key whose
 * slot is taken replaces the older entry, so memory stays bounded whatever the keys.
 *
 * <p>Thread-safe without locks: values must be immutable and fully built by the compute function; entries
 * are published through final fields, and a race only computes the same value twice.
 *
 * @param <K> the key, compared with {@code ==} first, then {@code equals}
 * @param <V> the immutable derived value
 */
final class BoundedCache<K, V> {
  private record Entry<K, V>(K key, V value) {}

  private final Entry<K, V>[] slots;
  private final int mask;
  /** Per slot, the hash of the last key {@link #getIfRepeated} turned away: admitted if asked for again. */
  private final int[] seen;

  /** Creates a cache of {@code size} slots, rounded up to a power of two. */
  @SuppressWarnings("unchecked")
  BoundedCache(int size) {
    int capacity = Integer.highestOneBit(Math.max(16, size - 1) << 1);
    this.slots = (Entry<K, V>[]) new Entry<?, ?>[capacity];
    this.mask = capacity - 1;
    this.seen = new int[capacity];
  }

  /**
   * Returns the value for {@code key}, computing it with {@code compute} on a miss; a null result is
   * returned and not cached. Pass a non-capturing function so a hit allocates nothing.
   */
  V get(K key, Function<? super K, ? extends V> compute) {
    int hash = key.hashCode();
    int index = (hash ^ (hash >>> 16)) & mask;
    Entry<K, V> entry = slots[index];
    if (entry != null && (entry.key == key || entry.key.equals(key))) {
      return entry.value;
    }
    V value = compute.apply(key);
    if (value != null) {
      slots[index] = new Entry<>(key, value);
    }
    return value;
  }

  /**
   * Like {@link #get}, for keys that may never come back (a message built by concatenation, a request id): a key
   * not cached is computed and cached only when its slot was last asked for the same hash, else null is
   * returned, so a key seen once costs no allocation. Races only delay or repeat an admission.
   */
  V getIfRepeated(K key, Function<? super K, ? extends V> compute) {
    int hash = key.hashCode();
    int index = (hash ^ (hash >>> 16)) & mask;
    Entry<K, V> entry = slots[index];
    if (entry != null && (entry.key == key || entry.key.equals(key))) {
      return entry.value;
    }
    if (seen[index] != hash) {
      seen[index] = hash;
      return null;
    }
    V value = compute.apply(key);
    if (value != null) {
      slots[index] = new Entry<>(key, value);
    }
    return value;
  }
}
