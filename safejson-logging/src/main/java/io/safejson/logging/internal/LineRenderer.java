package io.safejson.logging.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.safejson.SafeSerializer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a logging event into exactly one line of JSON in the configured format, never throwing.
 *
 * <p>It renders under the full budget first; a line over {@code maxEventBytes} is rendered again with
 * smaller field caps, fewer entries and a shorter stack trace, then as a minimal line (core fields, short
 * message), each marked {@code truncated}. A failure while rendering goes straight to the minimal line with
 * an {@code encoder_error} note; if even that fails, a synthetic event describing the failure is rendered.
 *
 * <p>Immutable and thread-safe: mutable buffers live in pooled {@link LineWriter}s.
 */
final class LineRenderer implements Function<ILoggingEvent, byte[]> {
  /** Entries (key-values, MDC entries, markers) kept per event by the reduced budget. */
  private static final int REDUCED_ENTRIES = 32;

  private final EncoderSettings config;
  private final int maxEventBytes;
  private final LineSchema schema;
  private final Budget[] budgets;
  private final SlotPool pool;
  private final byte[] lastResort;

  /** A renderer for {@code config}, a resolved (immutable) copy of the settings. */
  LineRenderer(EncoderSettings config) {
    this.config = config;
    this.maxEventBytes = config.maxEventBytes();
    this.schema = schemaFor(config);
    JsonFactory factory = newFactory();
    IsoTimestamps timestamps = new IsoTimestamps();
    Set<String> redactKeys = config.redactKeys();
    TextCaches caches = new TextCaches(redactKeys, schema.userKeyStyle(), schema.reserved());
    this.pool =
        new SlotPool(
            Math.max(4, Math.min(64, 2 * Runtime.getRuntime().availableProcessors())),
            () -> new LineWriter(factory, timestamps, caches));
    String[] keys = redactKeys.toArray(new String[0]);
    // Never more than maxFieldLength: a line rendered again keeps less of a string, never more.
    int reducedCap = Math.min(config.maxFieldLength(), Math.max(256, config.maxEventBytes() / 64));
    this.budgets =
        new Budget[] {
          new Budget(
              config.maxFieldLength(),
              config.maxStackTraceLength(),
              Integer.MAX_VALUE,
              SafeSerializer.builder().redact(keys).maxStringLength(Math.max(16, config.maxFieldLength())).build(),
              false),
          new Budget(
              reducedCap,
              Math.min(config.maxStackTraceLength(), config.maxEventBytes() / 8),
              REDUCED_ENTRIES,
              SafeSerializer.builder().redact(keys).maxStringLength(reducedCap).maxItems(REDUCED_ENTRIES).maxDepth(16).build(),
              false),
          new Budget(
              Budget.MINIMAL_FIELD_CAP,
              0,
              0,
              SafeSerializer.builder().redact(keys).maxStringLength(Budget.MINIMAL_FIELD_CAP).maxItems(1).maxDepth(1).build(),
              true)
        };
    byte[] fixed = renderSynthetic(new LineWriter(factory, timestamps, caches), 0L, "encoder failed");
    this.lastResort = fixed != null ? fixed : "{}\n".getBytes(StandardCharsets.UTF_8);
  }

  EncoderSettings config() {
    return config;
  }

  private static LineSchema schemaFor(EncoderSettings config) {
    return switch (config.format()) {
      case SAFEJSON -> new SafeJsonSchema(config);
      case ECS -> new EcsSchema(config);
      case GCP -> new GcpSchema(config);
      case LOGSTASH -> new LogstashSchema(config);
      case GELF -> new GelfSchema(config);
    };
  }

  private static JsonFactory newFactory() {
    JsonFactory factory =
        JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .build();
    try {
      // Jackson 2.18+: emoji as 4-byte UTF-8 rather than two escapes; both are valid JSON.
      JsonWriteFeature combine = JsonWriteFeature.valueOf("COMBINE_UNICODE_SURROGATES_IN_UTF8");
      factory = factory.rebuild().enable(combine).build();
    } catch (IllegalArgumentException olderJackson) {
      // Escaped pairs it is.
    }
    return factory;
  }

  /** Returns the event as one JSON line ending in {@code \n}; never throws. */
  @Override
  public byte[] apply(ILoggingEvent event) {
    return render(event);
  }

  /** Returns the event as one JSON line ending in {@code \n}; never throws. */
  byte[] render(ILoggingEvent event) {
    LineWriter writer = null;
    try {
      writer = pool.acquire();
      String note = null;
      boolean tooLong = false;
      for (Budget budget : budgets) {
        if (note != null && !budget.minimal()) {
          continue;
        }
        try {
          writer.begin(budget, maxEventBytes);
          if (tooLong) {
            writer.markTruncated();
          }
          schema.write(writer, event, note);
          return writer.end();
        } catch (CappedOutputStream.LineTooLongException e) {
          writer.discard();
          tooLong = true;
        } catch (Throwable t) {
          writer.discard();
          note = describe(t);
        }
      }
      byte[] synthetic = renderSynthetic(writer, EventContent.epochMillis(event), note);
      return synthetic != null ? synthetic : lastResort.clone();
    } catch (Throwable t) {
      return lastResort.clone();
    } finally {
      if (writer != null) {
        writer.shrink(Math.max(64 * 1024, maxEventBytes));
        pool.release(writer);
      }
    }
  }

  /** Renders a stand-in event that only says the real one could not be encoded; null if even that fails. */
  private byte[] renderSynthetic(LineWriter writer, long epochMillis, String note) {
    try {
      LoggingEvent stand = new LoggingEvent();
      stand.setTimeStamp(epochMillis);
      stand.setLevel(Level.ERROR);
      stand.setLoggerName("io.safejson.logging");
      stand.setThreadName("unknown");
      stand.setMessage("safejson-logging could not encode a log event");
      writer.begin(budgets[budgets.length - 1], maxEventBytes);
      schema.write(writer, stand, note == null ? "unknown failure" : note);
      return writer.end();
    } catch (Throwable t) {
      writer.discard();
      return null;
    }
  }

  private static String describe(Throwable t) {
    String message;
    try {
      message = t.getMessage();
    } catch (Throwable ignored) {
      message = null;
    }
    String text = t.getClass().getName() + (message == null ? "" : ": " + message);
    return Texts.cap(text, Budget.MINIMAL_FIELD_CAP);
  }
}
