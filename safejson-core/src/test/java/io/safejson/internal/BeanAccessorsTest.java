package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Bean getters become generated functions where the JDK allows it, and behave exactly like the getter. */
final class BeanAccessorsTest {
  private final TypeRules rules = new TypeRules(TestConfigs.defaults(), new ObjectMapper());

  private BeanRule.Property property(Class<?> type, int index) {
    return ((BeanRule) rules.ruleFor(type)).properties()[index];
  }

  record Reading(long value) {}

  static final class Fielded {
    public String label = "on the field";
  }

  static final class Failing {
    public String getBroken() {
      throw new IllegalStateException("no reading");
    }
  }

  @Test
  void aGetterMethodIsAGeneratedFunctionThatBoxesLikeReflection() throws Exception {
    BeanRule.Property value = property(Reading.class, 0);
    assertTrue(value.getter().getClass().isHidden(), "generated: " + value.getter().getClass());
    assertEquals(1L << 40, value.get(new Reading(1L << 40)));
    assertEquals(1L << 40, value.primitiveGetter().applyAsLong(new Reading(1L << 40)));
    assertEquals(Long.class, value.boxedType());
  }

  @Test
  void aFieldIsReadThroughJacksonsReflection() throws Exception {
    BeanRule.Property label = property(Fielded.class, 0);
    assertInstanceOf(BeanAccessors.ReflectiveGetter.class, label.getter());
    assertEquals("on the field", label.get(new Fielded()));
  }

  @Test
  void whatTheGetterThrowsArrivesAsItself() {
    Exception caught =
        assertThrows(IllegalStateException.class, () -> property(Failing.class, 0).get(new Failing()));
    assertEquals("no reading", caught.getMessage());
  }
}
