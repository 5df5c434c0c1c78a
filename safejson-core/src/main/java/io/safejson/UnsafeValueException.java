package io.safejson;

import java.util.List;

/**
 * Thrown by {@link SafeSerializer#toJsonStrict(Object)} when a value could only be serialized by fixing
 * it.
 *
 * <p>The message lists every incident's path, kind and type; {@link #incidents()} holds them.
 */
public final class UnsafeValueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Incident> incidents;
  private final String json;

  /** Creates the exception for the given incidents and the (safe) JSON that was produced anyway. */
  public UnsafeValueException(List<Incident> incidents, String json) {
    super(describe(incidents));
    this.incidents = List.copyOf(incidents);
    this.json = json;
  }

  /** Returns the incidents that made the value unsafe, in output order. */
  public List<Incident> incidents() {
    return incidents;
  }

  /** Returns the JSON that the lenient methods would have produced. */
  public String json() {
    return json;
  }

  static String describe(List<Incident> incidents) {
    StringBuilder message = new StringBuilder();
    message.append(incidents.size()).append(incidents.size() == 1 ? " incident" : " incidents");
    message.append(" while serializing to JSON:");
    for (Incident incident : incidents) {
      message.append("\n  ").append(incident);
    }
    return message.toString();
  }
}
