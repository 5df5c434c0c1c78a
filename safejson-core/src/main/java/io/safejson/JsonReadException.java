package io.safejson;

/**
 * Thrown by {@link SafeSerializer#fromJson(String, Class)} when the input is malformed, too large, too deep,
 * or does not fit the target type.
 *
 * <p>{@link #path()} names where in the input reading stopped, as a JSONPath such as {@code $.items[2].id}.
 */
public final class JsonReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;

  /** Creates the exception; the message starts with the path. */
  public JsonReadException(String path, String reason, Throwable cause) {
    super("Cannot read JSON at " + path + ": " + reason, cause);
    this.path = path;
  }

  /** Returns the JSONPath where reading failed; {@code $} for the document itself. */
  public String path() {
    return path;
  }
}
