package io.safejson.internal;

import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Makes a bean property's getter a plain function, generated once per property with
 * {@link LambdaMetafactory}, so reading it costs a call instead of a reflective invocation. Where the JDK
 * does not allow it (a field, a class in a module not open to safejson), the property's own reflective
 * getter is used. Stateless; thread-safe.
 */
final class BeanAccessors {
  private BeanAccessors() {}

  /** A getter function for the property, or one that reads it through Jackson's reflection. */
  static Function<Object, Object> of(BeanPropertyWriter property) {
    Function<Object, Object> generated = generated(property.getMember());
    if (generated != null) {
      return generated;
    }
    return new ReflectiveGetter(property);
  }

  /**
   * For a getter returning {@code long} or {@code int}, a function reading it without boxing (an {@code int}
   * widened); null for any other property or where no function could be generated.
   */
  @SuppressWarnings("unchecked")
  static ToLongFunction<Object> primitive(BeanPropertyWriter property) {
    if (!(property.getMember() instanceof AnnotatedMethod)) {
      return null;
    }
    Method method = ((AnnotatedMethod) property.getMember()).getAnnotated();
    Class<?> type = method.getReturnType();
    if ((type != long.class && type != int.class)
        || method.getParameterCount() != 0
        || Modifier.isStatic(method.getModifiers())) {
      return null;
    }
    // null: the boxing function (or reflection) reads it
    return (ToLongFunction<Object>)
        implement(method, ToLongFunction.class, "applyAsLong", MethodType.methodType(long.class, Object.class));
  }

  /** Reads a property through Jackson's reflection, where no function could be generated. */
  static final class ReflectiveGetter implements Function<Object, Object> {
    private final BeanPropertyWriter property;

    ReflectiveGetter(BeanPropertyWriter property) {
      this.property = property;
    }

    @Override
    public Object apply(Object bean) {
      try {
        return property.get(bean);
      } catch (Exception e) {
        throw new ReflectiveFailure(e);
      }
    }
  }

  /** Carries what a reflective getter threw out of a {@link Function}; unwrapped before it is reported. */
  static final class ReflectiveFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReflectiveFailure(Exception cause) {
      super(cause);
    }
  }

  @SuppressWarnings("unchecked")
  private static Function<Object, Object> generated(AnnotatedMember member) {
    if (!(member instanceof AnnotatedMethod)) {
      return null;
    }
    Method method = ((AnnotatedMethod) member).getAnnotated();
    if (method.getParameterCount() != 0
        || Modifier.isStatic(method.getModifiers())
        || method.getReturnType() == void.class) {
      return null;
    }
    // null: not accessible from here (a module not open to us...): reflection it is
    return (Function<Object, Object>)
        implement(method, Function.class, "apply", MethodType.methodType(Object.class, Object.class));
  }

  /**
   * An instance of the functional interface {@code face} whose method {@code name} (of the erased type
   * {@code erased}) calls the getter {@code method}, or null where the JDK refuses one.
   */
  private static Object implement(Method method, Class<?> face, String name, MethodType erased) {
    try {
      Class<?> owner = method.getDeclaringClass();
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
      MethodHandle getter = lookup.unreflect(method);
      MethodType instantiated =
          erased.returnType().isPrimitive()
              ? MethodType.methodType(erased.returnType(), owner) // an int getter widens to applyAsLong's long
              : getter.type().wrap().changeParameterType(0, owner);
      CallSite site =
          LambdaMetafactory.metafactory(lookup, name, MethodType.methodType(face), erased, getter, instantiated);
      return site.getTarget().invoke();
    } catch (Throwable t) {
      Failures.rethrowIfFatal(t);
      return null;
    }
  }
}
