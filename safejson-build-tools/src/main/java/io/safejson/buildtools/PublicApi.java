package io.safejson.buildtools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders the public API of a module's compiled classes as sorted text, one line per type and member, so that
 * every change to it shows as a line diff.
 *
 * <p>A type is listed when it sits directly in one of the given packages and is reachable from outside: a
 * public top-level type, or a public or protected member type of such a type. Its public and protected
 * fields (with the value of static final primitives and strings), constructors and methods follow, with their
 * generic signatures; bridge and synthetic members are left out. Public types of the {@code internal}
 * packages below the given ones are listed by name only, at the end: they are not API, but a new one should
 * be seen in review. Stateless; thread-safe.
 */
public final class PublicApi {

  private static final int CLASS_MODIFIERS =
      Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL | Modifier.ABSTRACT;
  private static final int MEMBER_MODIFIERS =
      Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL | Modifier.ABSTRACT;

  private PublicApi() {}

  /**
   * The dump of the classes under {@code classesDir} in {@code packages}, loaded (without initializing them,
   * except to read constant values) through {@code loader}.
   */
  public static String dump(Path classesDir, ClassLoader loader, List<String> packages) {
    StringBuilder out = new StringBuilder();
    List<Class<?>> internal = new ArrayList<>();
    for (String pkg : packages.stream().sorted().collect(Collectors.toList())) {
      for (String name : classNames(classesDir, pkg, false)) {
        Class<?> type = load(name, loader);
        if (isReachable(type)) {
          out.append(describe(type)).append('\n');
        }
      }
      for (String name : classNames(classesDir, pkg + ".internal", true)) {
        Class<?> type = load(name, loader);
        if (isReachable(type)) {
          internal.add(type);
        }
      }
    }
    if (!internal.isEmpty()) {
      out.append("# Public types in internal packages: not API (left out of the javadoc, may change in any\n")
          .append("# release), listed so that a new one is seen in review.\n");
      internal.stream()
          .sorted(Comparator.comparing(Class::getName))
          .forEach(type -> out.append(header(type, false)).append('\n'));
    }
    return out.toString();
  }

  /** Binary names of the classes in {@code pkg} (and its subpackages when {@code deep}), sorted. */
  private static List<String> classNames(Path classesDir, String pkg, boolean deep) {
    Path dir = classesDir.resolve(pkg.replace('.', '/'));
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = deep ? Files.walk(dir) : Files.list(dir)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".class"))
          .map(file -> classesDir.relativize(file).toString().replace('\\', '/'))
          .map(path -> path.substring(0, path.length() - ".class".length()).replace('/', '.'))
          .filter(name -> !name.endsWith("package-info") && !name.endsWith("module-info"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("Cannot load " + name + " for the API dump: " + e, e);
    }
  }

  /** Whether code outside the package can name the type: public, and every enclosing type too. */
  static boolean isReachable(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    Class<?> enclosing = type.getDeclaringClass();
    if (enclosing == null) {
      return Modifier.isPublic(type.getModifiers());
    }
    return isVisible(type.getModifiers()) && isReachable(enclosing);
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String describe(Class<?> type) {
    StringBuilder out = new StringBuilder(markers(type)).append(header(type, true)).append(" {\n");
    if (type.isAnnotation()) {
      // Where an annotation may go and whether it is seen at run time are part of its contract.
      Retention retention = type.getAnnotation(Retention.class);
      out.append("  @Retention(").append(retention == null ? "CLASS" : retention.value().name()).append(")\n");
      Target target = type.getAnnotation(Target.class);
      if (target != null) {
        out.append("  @Target({")
            .append(Arrays.stream(target.value()).map(Enum::name).sorted().collect(Collectors.joining(", ")))
            .append("})\n");
      }
    }
    TreeMap<String, String> fields = new TreeMap<>();
    TreeMap<String, String> constructors = new TreeMap<>();
    TreeMap<String, String> methods = new TreeMap<>();
    for (Class<?> owner : ownersOfMembers(type)) {
      for (Field field : owner.getDeclaredFields()) {
        if (isVisible(field.getModifiers()) && !field.isSynthetic()) {
          fields.putIfAbsent(field.getName(), markers(field) + field(field));
        }
      }
      if (owner == type) {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
          if (isVisible(constructor.getModifiers()) && !constructor.isSynthetic()) {
            constructors.put(parameters(constructor), markers(constructor) + constructor(constructor));
          }
        }
      }
      for (Method method : owner.getDeclaredMethods()) {
        if (isVisible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
          String line = markers(method) + method(method);
          // Sorted by name first, so that a changed modifier or type keeps the line in place.
          String key = method.getName() + "(" + parameters(method) + ")";
          methods.putIfAbsent(key, line);
        }
      }
    }
    Stream.of(fields, constructors, methods)
        .flatMap(lines -> lines.values().stream())
        .forEach(line -> out.append("  ").append(line).append('\n'));
    return out.append("}\n").toString();
  }

  /** {@code @Deprecated} and {@code @FunctionalInterface}, the annotations that change how callers may use it. */
  private static String markers(AnnotatedElement element) {
    StringBuilder out = new StringBuilder();
    Deprecated deprecated = element.getAnnotation(Deprecated.class);
    if (deprecated != null) {
      out.append(deprecated.forRemoval() ? "@Deprecated(forRemoval=true) " : "@Deprecated ");
    }
    if (element.isAnnotationPresent(FunctionalInterface.class)) {
      out.append("@FunctionalInterface ");
    }
    return out.toString();
  }

  /**
   * The type itself, then any superclasses that code outside the package cannot name: their public members
   * are callable on the type, so they are part of its API.
   */
  private static List<Class<?>> ownersOfMembers(Class<?> type) {
    List<Class<?>> owners = new ArrayList<>();
    owners.add(type);
    for (Class<?> superclass = type.getSuperclass();
        superclass != null && !isReachable(superclass) && !superclass.getName().startsWith("java.");
        superclass = superclass.getSuperclass()) {
      owners.add(superclass);
    }
    return owners;
  }

  /** {@code public final class io.safejson.Foo<T> extends ... implements ...}; supertypes only if asked. */
  static String header(Class<?> type, boolean withSupertypes) {
    int modifiers = type.getModifiers() & CLASS_MODIFIERS;
    String kind;
    if (type.isAnnotation()) {
      kind = "@interface";
      modifiers &= ~Modifier.ABSTRACT;
    } else if (type.isInterface()) {
      kind = "interface";
      modifiers &= ~Modifier.ABSTRACT;
    } else if (type.isEnum()) {
      kind = "enum";
    } else if (type.isRecord()) {
      kind = "record";
    } else {
      kind = "class";
    }
    StringBuilder out = new StringBuilder();
    String modifierText = Modifier.toString(modifiers);
    if (type.isSealed()) {
      modifierText = modifierText.isEmpty() ? "sealed" : modifierText + " sealed";
    }
    if (!modifierText.isEmpty()) {
      out.append(modifierText).append(' ');
    }
    out.append(kind).append(' ').append(type.getTypeName()).append(typeParameters(type.getTypeParameters()));
    if (!withSupertypes) {
      return out.toString();
    }
    Type superclass = type.getGenericSuperclass();
    if (superclass != null
        && superclass != Object.class
        && superclass != Record.class
        && !(type.isEnum() && type.getSuperclass() == Enum.class)) {
      out.append(" extends ").append(superclass.getTypeName());
    }
    List<String> interfaces = new ArrayList<>();
    for (Type implemented : type.getGenericInterfaces()) {
      if (!(type.isAnnotation() && implemented == java.lang.annotation.Annotation.class)) {
        interfaces.add(implemented.getTypeName());
      }
    }
    if (!interfaces.isEmpty()) {
      out.append(type.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
    }
    if (type.isSealed()) {
      out.append(" permits ")
          .append(Arrays.stream(type.getPermittedSubclasses())
              .map(Class::getTypeName)
              .sorted()
              .collect(Collectors.joining(", ")));
    }
    return out.toString();
  }

  private static String field(Field field) {
    StringBuilder out = new StringBuilder();
    appendModifiers(out, field.getModifiers());
    out.append(field.getGenericType().getTypeName()).append(' ').append(field.getName());
    int modifiers = field.getModifiers();
    boolean constantType = field.getType().isPrimitive() || field.getType() == String.class;
    if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && constantType) {
      out.append(" = ").append(constantValue(field));
    }
    return out.toString();
  }

  private static String constantValue(Field field) {
    try {
      field.trySetAccessible();
      return Literals.of(field.get(null));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return "<unreadable: " + e.getClass().getSimpleName() + ">";
    }
  }

  private static String method(Method method) {
    StringBuilder out = new StringBuilder();
    appendModifiers(out, method.getModifiers());
    if (method.isDefault()) {
      out.append("default ");
    }
    String typeParameters = typeParameters(method.getTypeParameters());
    if (!typeParameters.isEmpty()) {
      out.append(typeParameters).append(' ');
    }
    out.append(method.getGenericReturnType().getTypeName()).append(' ');
    out.append(signature(method, method.getName()));
    Object defaultValue = method.getDefaultValue();
    if (defaultValue != null) {
      out.append(" default ").append(Literals.of(defaultValue));
    }
    return out.toString();
  }

  private static String constructor(Constructor<?> constructor) {
    StringBuilder out = new StringBuilder();
    appendModifiers(out, constructor.getModifiers());
    String typeParameters = typeParameters(constructor.getTypeParameters());
    if (!typeParameters.isEmpty()) {
      out.append(typeParameters).append(' ');
    }
    return out.append(signature(constructor, constructor.getDeclaringClass().getTypeName())).toString();
  }

  /** {@code name(Type, Type...) throws E}. */
  private static String signature(Executable executable, String name) {
    StringBuilder out = new StringBuilder();
    out.append(name).append('(').append(parameters(executable)).append(')');
    Type[] exceptions = executable.getGenericExceptionTypes();
    if (exceptions.length > 0) {
      out.append(" throws ")
          .append(Arrays.stream(exceptions).map(Type::getTypeName).collect(Collectors.joining(", ")));
    }
    return out.toString();
  }

  private static String parameters(Executable executable) {
    Type[] types = executable.getGenericParameterTypes();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      String name = types[i].getTypeName();
      if (executable.isVarArgs() && i == types.length - 1 && name.endsWith("[]")) {
        name = name.substring(0, name.length() - 2) + "...";
      }
      names.add(name);
    }
    return String.join(", ", names);
  }

  private static void appendModifiers(StringBuilder out, int modifiers) {
    String text = Modifier.toString(modifiers & MEMBER_MODIFIERS);
    if (!text.isEmpty()) {
      out.append(text).append(' ');
    }
  }

  private static String typeParameters(TypeVariable<?>[] variables) {
    if (variables.length == 0) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (TypeVariable<?> variable : variables) {
      Set<String> bounds = new LinkedHashSet<>();
      for (Type bound : variable.getBounds()) {
        if (bound != Object.class) {
          bounds.add(bound.getTypeName());
        }
      }
      names.add(bounds.isEmpty() ? variable.getName() : variable.getName() + " extends " + String.join(" & ", bounds));
    }
    return "<" + String.join(", ", names) + ">";
  }
}
