package io.safejson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.safejson.Incident;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The state of one serialization call: where it writes, and the incidents it met. Not thread-safe. */
public final class WriteSession {
  final JsonGenerator generator;
  final int baseDepth;
  /** Non-null while writing inside a Jackson serializer's buffer, where Jackson handles unknown types. */
  final SerializerProvider provider;

  private final Consumer<Incident> listener;
  private final boolean keep;
  private List<Incident> incidents;

  public WriteSession(
      JsonGenerator generator,
      Consumer<Incident> listener,
      boolean keepIncidents,
      SerializerProvider provider) {
    this.generator = generator;
    this.baseDepth = generator.getOutputContext().getNestingDepth();
    this.listener = listener;
    this.keep = keepIncidents;
    this.provider = provider;
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
