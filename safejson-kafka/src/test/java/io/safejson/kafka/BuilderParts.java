package io.safejson.kafka;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.safejson.Incident;
import io.safejson.SafeSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.common.Configurable;

/**
 * Real classes for the class-valued {@code safejson.*} keys, named in the tests by class name: incident listeners,
 * a Jackson module, builder customizers, and ones each key must refuse.
 */
public final class BuilderParts {
  /** The client property naming the list a {@link Recorder} writes to, so that each test hears only its own. */
  public static final String RECORDER = "test.recorder";

  private static final Map<String, List<String>> HEARD = new ConcurrentHashMap<>();

  private BuilderParts() {}

  /** What the recorders configured with {@code RECORDER=id} heard, as {@code Class:path:kind}. */
  public static List<String> heard(String id) {
    return HEARD.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
  }

  /** A price: a bean to the core, text to {@link MoneyModule} and {@link MoneyAsText}. */
  public record Money(BigDecimal amount, String currency) {}

  /** Records each incident under the id its client configuration gives (Kafka's {@link Configurable}). */
  public abstract static class Recorder implements Consumer<Incident>, Configurable {
    private List<String> heard = heard("unconfigured");

    @Override
    public void configure(Map<String, ?> configs) {
      heard = heard(String.valueOf(configs.get(RECORDER)));
    }

    @Override
    public void accept(Incident incident) {
      heard.add(getClass().getSimpleName() + ":" + incident.path() + ":" + incident.kind());
    }
  }

  /** One recorder. */
  public static final class RecordingListener extends Recorder {}

  /** Another, to show that every listener hears every incident. */
  public static final class OtherRecordingListener extends Recorder {}

  /** A listener that always throws: the others must still hear every incident. */
  public static final class ThrowingListener implements Consumer<Incident> {
    @Override
    public void accept(Incident incident) {
      throw new IllegalStateException("listener bug");
    }
  }

  /** Writes {@link Money} as {@code "12.50 EUR (module)"}. */
  public static final class MoneyModule extends SimpleModule {
    public MoneyModule() {
      super("money");
      addSerializer(Money.class, new StdSerializer<>(Money.class) {
        @Override
        public void serialize(Money money, JsonGenerator generator, SerializerProvider provider) throws IOException {
          generator.writeString(money.amount().toPlainString() + " " + money.currency() + " (module)");
        }
      });
    }
  }

  /** Adds a converter writing {@link Money} as {@code "12.50 EUR"}. */
  public static final class MoneyAsText implements Consumer<SafeSerializer.Builder> {
    @Override
    public void accept(SafeSerializer.Builder builder) {
      builder.addConverter(Money.class, money -> money.amount().toPlainString() + " " + money.currency());
    }
  }

  /** Sets {@code maxDepth(1)}: applied after the other keys, it wins over {@code safejson.max.depth}. */
  public static final class FlatOutput implements Consumer<SafeSerializer.Builder> {
    @Override
    public void accept(SafeSerializer.Builder builder) {
      builder.maxDepth(1);
    }
  }

  /** A customizer setting a value the core refuses. */
  public static final class InvalidCustomizer implements Consumer<SafeSerializer.Builder> {
    @Override
    public void accept(SafeSerializer.Builder builder) {
      builder.maxDepth(0);
    }
  }

  /** A customizer that throws. */
  public static final class FailingCustomizer implements Consumer<SafeSerializer.Builder> {
    @Override
    public void accept(SafeSerializer.Builder builder) {
      throw new IllegalStateException("customizer bug");
    }
  }

  /** A {@code Consumer}, but of strings: no listener nor customizer. */
  public static final class StringConsumer implements Consumer<String> {
    @Override
    public void accept(String text) {}
  }

  /** A listener without a no-arg constructor. */
  public static final class NeedsArgument implements Consumer<Incident> {
    public NeedsArgument(String name) {}

    @Override
    public void accept(Incident incident) {}
  }

  /** A listener whose constructor throws. */
  public static final class FailingConstructor implements Consumer<Incident> {
    public FailingConstructor() {
      throw new IllegalStateException("constructor bug");
    }

    @Override
    public void accept(Incident incident) {}
  }
}
