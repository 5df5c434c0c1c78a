package io.safejson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.safejson.Incident;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The state of one serialization call, or of a series of calls into one generator: where it writes, the
 * incidents it met, and scratch chars for formatting. Not thread-safe.
 */
public final class WriteSession {
  /**
   * Chars a session's scratch has (and SafeEngine lends): room for a formatted value and for most strings,
   * which are copied there to be checked and written ({@link ScalarWriter#writeString}).
   */
  static final int SCRATCH_CHARS = 2000;

  final JsonGenerator generator;
  int baseDepth;
  /**
   * Values the current document may still write; below zero once {@code maxValues} was passed. Spent only
   * through {@link #spend()}: by the walker and by Jackson serializers it buffers.
   */
  int valuesLeft;
  /** Whether this document's {@code maxValues} incident was reported. */
  boolean overBudgetReported;
  /** Who owns this pass: safejson's walker, or Jackson that called back into safejson. */
  final JacksonBridge.Mode mode;
  /** Jackson's provider while {@link JacksonBridge.Mode#INSIDE_JACKSON}, else null. */
  final SerializerProvider provider;

  /**
   * The slot of the items of the value being written, set by the place that remembers that value's rule and
   * taken by the container that value opens ({@link #takeItemSlot()}); null when the place remembers none.
   * Only a cache: a slot answers for any class, so one taken by another container costs a lookup, not a value.
   */
  RuleSlot itemSlot;

  /**
   * Whether the generator is safejson's own ({@code toJson}, {@code toJsonBytes}), whose escaping is known, so
   * a string repeated at one place may be written pre-quoted ({@link RuleSlot#repeatedText}); false for a
   * caller's generator, which may escape more.
   */
  boolean ownGenerator;

  private final Consumer<Incident> listener;
  private final boolean keep;
  private List<Incident> incidents;
  private char[] scratch;

  /** A session of safejson's own walker ({@link JacksonBridge.Mode#WALKING}). */
  WriteSession(JsonGenerator generator, Consumer<Incident> listener, boolean keepIncidents) {
    this(generator, listener, keepIncidents, JacksonBridge.Mode.WALKING, null);
  }

  WriteSession(
      JsonGenerator generator,
      Consumer<Incident> listener,
      boolean keepIncidents,
      JacksonBridge.Mode mode,
      SerializerProvider provider) {
    this.generator = generator;
    this.baseDepth = generator.getOutputContext().getNestingDepth();
    this.valuesLeft = Integer.MAX_VALUE; // set per document by restart()
    this.listener = listener;
    this.keep = keepIncidents;
    this.mode = mode;
    this.provider = provider;
  }

  /** Makes the generator's current position the root of the next value written, with a fresh budget. */
  void restart(int maxValues) {
    baseDepth = generator.getOutputContext().getNestingDepth();
    valuesLeft = maxValues;
    overBudgetReported = false;
  }

  /** The slot of the items of the container being opened, or null; clears it for the containers inside. */
  RuleSlot takeItemSlot() {
    RuleSlot slot = itemSlot;
    itemSlot = null;
    return slot;
  }

  /** Spends one value of the document's {@code maxValues}; false when none was left. */
  boolean spend() {
    return --valuesLeft >= 0;
  }

  /** Marks the document as past {@code maxValues}; true the first time, when the incident is to be reported. */
  boolean exhaust() {
    valuesLeft = -1;
    if (overBudgetReported) {
      return false;
    }
    overBudgetReported = true;
    return true;
  }

  /** Whether the document passed {@code maxValues}: open containers stop taking items. */
  boolean exhausted() {
    return valuesLeft < 0;
  }

  /**
   * Lends the session chars to format into (at least {@link CharFormats#MAX_CHARS}; {@link #SCRATCH_CHARS}
   * lets short strings use them too), such as a pooled buffer
   * the caller gets back after the call; without one the session allocates its own when first needed.
   */
  void lendScratch(char[] chars) {
    scratch = chars;
  }

  /** Chars to format a short value into, kept for the session's lifetime. */
  char[] scratch() {
    if (scratch == null) {
      scratch = new char[SCRATCH_CHARS];
    }
    return scratch;
  }

  void report(Incident incident) {
    if (keep) {
      if (incidents == null) {
        incidents = new ArrayList<>(4);
      }
      incidents.add(incident);
    }
    if (listener != null) {
      try {
        listener.accept(incident);
      } catch (RuntimeException | Error e) {
        // A listener's failure must not break serialization; it is the listener's bug to fix.
        Failures.rethrowIfFatal(e);
      }
    }
  }

  /** Returns the incidents reported so far (empty unless the session keeps them). */
  public List<Incident> incidents() {
    return incidents == null ? List.of() : incidents;
  }
}
