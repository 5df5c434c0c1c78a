package io.safejson.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import java.nio.charset.StandardCharsets;

/**
 * A Logback layout producing the same JSON line as {@link SafeJsonEncoder} (newline included), for
 * appenders that take a layout; it accepts the same options.
 *
 * <pre>{@code
 * <layout class="io.safejson.logging.SafeJsonLayout">
 *   <format>gcp</format>
 * </layout>
 * }</pre>
 *
 * <p>Thread-safe once started. Configure it on one thread before {@link #start()}, as Logback does.
 */
public class SafeJsonLayout extends SafeJsonOptions implements Layout<ILoggingEvent> {
  /** Creates a layout with the default options ({@code safejson} format). */
  public SafeJsonLayout() {}

  /** Returns the event as one JSON line ending in {@code \n}; never throws. */
  @Override
  public String doLayout(ILoggingEvent event) {
    return new String(renderLine(event), StandardCharsets.UTF_8);
  }

  @Override
  public String getFileHeader() {
    return null;
  }

  @Override
  public String getPresentationHeader() {
    return null;
  }

  @Override
  public String getPresentationFooter() {
    return null;
  }

  @Override
  public String getFileFooter() {
    return null;
  }

  @Override
  public String getContentType() {
    return "application/json";
  }
}
