package io.safejson.examples;

/**
 * A message from the page: {@code {"text": "...", "plain": true}} starts a run (and also streams it through
 * plain Jackson when {@code plain}); {@code {"mode": "plain"}} re-sends the last run through plain Jackson.
 *
 * @param text the user's chat message
 * @param plain whether to stream the plain Jackson frames as well
 * @param mode {@code "plain"} to re-send the last run, otherwise absent
 */
public record ChatRequest(String text, Boolean plain, String mode) {
  /** Returns whether this run is also streamed through plain Jackson. */
  boolean alsoPlain() {
    return Boolean.TRUE.equals(plain);
  }

  /** Returns whether this message asks to re-send the last run through plain Jackson. */
  boolean replayPlain() {
    return "plain".equals(mode);
  }
}
