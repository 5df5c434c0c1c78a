package io.safejson.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads back the forms the writer produces where Jackson's defaults differ or are unsafe: nanosecond
 * timestamps, plain paths, language tags, and no DNS lookups or class initialization from input.
 */
final class ReadModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  private static final Pattern IP_LITERAL =
      Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.\\-]+)?");

  ReadModule() {
    super("safejson-read");
    addDeserializer(Timestamp.class, new FromText<>(Timestamp.class, t -> Timestamp.from(Instant.parse(t))));
    addDeserializer(Date.class, new FromText<>(Date.class, t -> Date.from(Instant.parse(t))));
    addDeserializer(Path.class, new FromText<>(Path.class, Path::of));
    addDeserializer(Locale.class, new FromText<>(Locale.class, Locale::forLanguageTag));
    addDeserializer(InetAddress.class, new FromText<>(InetAddress.class, ReadModule::inetAddress));
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Class<?>> classType = (Class) Class.class;
    addDeserializer(classType, new FromText<>(classType, ReadModule::loadWithoutInitializing));
  }

  private static InetAddress inetAddress(String text) throws UnknownHostException {
    if (!IP_LITERAL.matcher(text).matches()) {
      throw new IllegalArgumentException("not an IP address literal (no DNS lookups)");
    }
    return InetAddress.getByName(text);
  }

  private static Class<?> loadWithoutInitializing(String name) throws ClassNotFoundException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return Class.forName(name, false, loader != null ? loader : ReadModule.class.getClassLoader());
  }

  private interface Parse<T> {
    T parse(String text) throws Exception;
  }

  /** A deserializer from a JSON string through one parsing function. */
  private static final class FromText<T> extends StdScalarDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Parse<T> parse;

    FromText(Class<T> type, Parse<T> parse) {
      super(type);
      this.parse = parse;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (T) ctxt.handleUnexpectedToken(handledType(), p);
      }
      String text = p.getText();
      try {
        return parse.parse(text);
      } catch (Exception e) {
        return (T) ctxt.handleWeirdStringValue(handledType(), text, "%s", Failures.describe(e));
      }
    }
  }
}
