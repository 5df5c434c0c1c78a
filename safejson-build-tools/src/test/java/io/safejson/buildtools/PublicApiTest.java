package io.safejson.buildtools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.safejson.buildtools.fixture.Sample;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PublicApiTest {

  private static final String FIXTURE = "io.safejson.buildtools.fixture";

  @Test
  void dumpListsReachableTypesAndMembersSortedWithGenericsAndConstants() throws URISyntaxException {
    Path testClasses = Path.of(Sample.class.getProtectionDomain().getCodeSource().getLocation().toURI());

    String dump = PublicApi.dump(testClasses, getClass().getClassLoader(), List.of(FIXTURE));

    String p = FIXTURE + ".";
    String expected = String.join("\n",
        "public class " + p + "Child extends " + p + "Base {",
        "  public " + p + "Child()",
        "  protected void hook()",
        "  public java.lang.String inherited()",
        "}",
        "",
        "public final class " + p + "Sample<T extends java.lang.Comparable<T>> implements java.io.Serializable {",
        "  public static final long LIMIT = 5L",
        "  public static final java.lang.String NAME = \"a\\\"b\\n\\u00e9\"",
        "  public static final java.lang.Object NOT_CONSTANT",
        "  protected int counter",
        "  public " + p + "Sample()",
        "  public void log(java.lang.String...)",
        "  public <R> java.util.List<R> map(java.util.function.Function<? super T, R>) throws java.io.IOException",
        "  @Deprecated(forRemoval=true) public void old()",
        "}",
        "",
        "@FunctionalInterface public static interface " + p + "Sample$Hook {",
        "  public abstract java.lang.String name()",
        "  public default int rank()",
        "}",
        "",
        "public static final enum " + p + "Sample$Mode {",
        "  public static final " + p + "Sample$Mode OFF",
        "  public static final " + p + "Sample$Mode ON",
        "  public static " + p + "Sample$Mode valueOf(java.lang.String)",
        "  public static " + p + "Sample$Mode[] values()",
        "}",
        "",
        "public static final class " + p + "Sample$Nested {",
        "  public " + p + "Sample$Nested()",
        "}",
        "",
        "public static @interface " + p + "Sample$Plain {",
        "  @Retention(CLASS)",
        "}",
        "",
        "public static final record " + p + "Sample$Point {",
        "  public " + p + "Sample$Point(int, int)",
        "  public final boolean equals(java.lang.Object)",
        "  public final int hashCode()",
        "  public final java.lang.String toString()",
        "  public int x()",
        "  public int y()",
        "}",
        "",
        "public static @interface " + p + "Sample$Tag {",
        "  @Retention(RUNTIME)",
        "  @Target({FIELD, METHOD})",
        "  public abstract int[] sizes() default {1, 2}",
        "  public abstract java.lang.String value() default \"t\"",
        "}",
        "",
        "# Public types in internal packages: not API (left out of the javadoc, may change in any",
        "# release), listed so that a new one is seen in review.",
        "public final class " + p + "internal.PublicInternal",
        "public interface " + p + "internal.deep.Deeper",
        "");
    assertEquals(expected, dump);
  }

  @Test
  void packageWithoutClassesDumpsNothing() throws URISyntaxException {
    Path testClasses = Path.of(Sample.class.getProtectionDomain().getCodeSource().getLocation().toURI());

    assertEquals("", PublicApi.dump(testClasses, getClass().getClassLoader(), List.of("io.safejson.none")));
  }
}
