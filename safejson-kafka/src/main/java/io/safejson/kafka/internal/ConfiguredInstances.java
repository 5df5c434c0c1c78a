package io.safejson.kafka.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.config.ConfigException;

/**
 * Creates the objects a class-list key names, as Kafka creates its {@code interceptor.classes} and
 * {@code metric.reporters}: each entry is a class name, a {@code Class} or, in a configuration built in code, an
 * instance; a class is created with its public no-arg constructor and, when it is Kafka {@link Configurable},
 * configured with the whole client configuration. Anything wrong fails with a {@link ConfigException} naming the
 * key, at configure time.
 *
 * <p>Stateless; thread-safe.
 */
final class ConfiguredInstances {
  private ConfiguredInstances() {}

  /**
   * Returns one {@code type} per entry, in order.
   *
   * @param consumed for a {@code Consumer}, the type it must accept (a class declared {@code Consumer<String>} is
   *     refused); {@code null} otherwise
   * @throws ConfigException naming {@code key}: a class not found, of the wrong type, without a public no-arg
   *     constructor, or whose constructor or {@code configure} threw
   */
  static <T> List<T> of(String key, List<?> entries, Class<T> type, Class<?> consumed, Map<String, ?> configs) {
    List<T> instances = new ArrayList<>(entries.size());
    for (Object entry : entries) {
      if (entry instanceof String name && name.isBlank()) {
        throw new ConfigException(key, entries, "an empty class name in the list");
      } else if (entry instanceof String name) {
        instances.add(create(key, name, load(key, name.trim()), type, consumed, configs));
      } else if (entry instanceof Class<?> named) {
        instances.add(create(key, entry, named, type, consumed, configs));
      } else if (type.isInstance(entry)) {
        ensureConsumes(key, entry, entry.getClass(), consumed);
        instances.add(type.cast(entry));
      } else {
        throw new ConfigException(
            key, entry, "expected a class name, a Class or a " + typeName(type, consumed) + " instance");
      }
    }
    return instances;
  }

  private static Class<?> load(String key, String name) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      return Class.forName(name, true, loader != null ? loader : ConfiguredInstances.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      // ConfigDef's own message for a CLASS value it cannot load.
      throw new ConfigException(key, name, "Class " + name + " could not be found.");
    }
  }

  private static <T> T create(
      String key, Object value, Class<?> named, Class<T> type, Class<?> consumed, Map<String, ?> configs) {
    if (!type.isAssignableFrom(named)) {
      throw new ConfigException(key, value, named.getName() + " is not a " + typeName(type, consumed));
    }
    ensureConsumes(key, value, named, consumed);
    if (named.isInterface() || Modifier.isAbstract(named.getModifiers())) {
      throw new ConfigException(key, value, named.getName() + " is abstract: name a concrete class");
    }
    Object instance;
    try {
      Constructor<?> constructor = named.getConstructor();
      instance = constructor.newInstance();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new ConfigException(
          key, value, named.getName() + " needs a public no-arg constructor (and to be public itself)");
    } catch (InvocationTargetException e) {
      throw new ConfigException(key, value, named.getName() + "'s constructor threw " + e.getCause());
    } catch (InstantiationException | RuntimeException e) {
      throw new ConfigException(key, value, named.getName() + " could not be created: " + e);
    }
    if (instance instanceof Configurable configurable) {
      try {
        configurable.configure(configs);
      } catch (RuntimeException e) {
        throw new ConfigException(key, value, named.getName() + ".configure threw " + e);
      }
    }
    return type.cast(instance);
  }

  /** Refuses a class whose declaration says it consumes something other than {@code consumed}. */
  private static void ensureConsumes(String key, Object value, Class<?> named, Class<?> consumed) {
    if (consumed == null) {
      return;
    }
    Type declared = consumedType(named);
    Class<?> raw = declared instanceof ParameterizedType p ? (Class<?>) p.getRawType()
        : declared instanceof Class<?> c ? c : null;
    // A type variable or wildcard (or a lambda, whose class declares a raw Consumer) cannot be checked here.
    if (raw != null && !raw.isAssignableFrom(consumed)) {
      String declaredName = "Consumer<" + raw.getTypeName() + ">";
      throw new ConfigException(
          key, value, named.getName() + " is a " + declaredName + ", not a " + typeName(Consumer.class, consumed));
    }
  }

  /** The type argument {@code named} gives {@code Consumer}, or {@code null} when it gives none. */
  private static Type consumedType(Class<?> named) {
    for (Class<?> c = named; c != null; c = c.getSuperclass()) {
      for (Type implemented : c.getGenericInterfaces()) {
        Type found = consumedBy(implemented);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Type consumedBy(Type implemented) {
    if (implemented instanceof ParameterizedType p && p.getRawType() == Consumer.class) {
      return p.getActualTypeArguments()[0];
    }
    Type raw = implemented instanceof ParameterizedType p ? p.getRawType() : implemented;
    if (raw instanceof Class<?> c && c != Consumer.class) {
      for (Type parent : c.getGenericInterfaces()) {
        Type found = consumedBy(parent);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String typeName(Class<?> type, Class<?> consumed) {
    return consumed == null ? type.getName() : type.getName() + "<" + consumed.getCanonicalName() + ">";
  }
}
