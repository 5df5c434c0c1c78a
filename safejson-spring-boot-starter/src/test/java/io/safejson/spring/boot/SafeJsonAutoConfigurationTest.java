package io.safejson.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.safejson.SafeSerializer;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.util.ClassUtils;
import org.springframework.web.socket.WebSocketSession;

final class SafeJsonAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(SafeJsonAutoConfiguration.class));

  enum Mood {
    GLAD
  }

  @Test
  void serializerIsBuiltFromTheProperties() {
    runner.withPropertyValues(
            "safejson.enum-style=lower-case",
            "safejson.decimal-style=number",
            "safejson.large-integers=string-when-unsafe",
            "safejson.zone=+02:00",
            "safejson.max-string-length=30",
            "safejson.redact=password,token",
            "safejson.sort-keys=true",
            "safejson.html-safe=true")
        .run(context -> {
          Map<String, Object> value = new LinkedHashMap<>();
          value.put("zeta", Mood.GLAD);
          value.put("cost", new BigDecimal("12.50"));
          value.put("id", 9007199254740993L);
          value.put("at", java.time.OffsetDateTime.parse("2026-11-24T00:05:30Z"));
          value.put("Token", "secret");
          value.put("text", "<b>bold</b> text and more, and more");

          assertThat(context.getBean(SafeSerializer.class).toJson(value)).isEqualTo(
              "{\"Token\":\"[REDACTED]\",\"at\":\"2026-11-24T02:05:30+02:00\",\"cost\":12.50,"
                  + "\"id\":\"9007199254740993\",\"text\":\"\\u003Cb\\u003Ebold\\u003C/b\\u003E text and more, and...[TRUNCATED]\",\"zeta\":\"glad\"}");
        });
  }

  @Test
  void limitsAreBoundAndTheDefaultsAreTheBuilders() {
    runner.run(context -> {
      SafeSerializer serializer = context.getBean(SafeSerializer.class);
      assertThat(serializer.maxDepth()).isEqualTo(SafeSerializer.DEFAULT_MAX_DEPTH);
      assertThat(serializer.maxItems()).isEqualTo(SafeSerializer.DEFAULT_MAX_ITEMS);
      assertThat(serializer.maxStringLength()).isEqualTo(SafeSerializer.DEFAULT_MAX_STRING_LENGTH);
      assertThat(serializer.maxValues()).isEqualTo(SafeSerializer.DEFAULT_MAX_VALUES);
      assertThat(serializer.toJson(Map.of("cost", new BigDecimal("1.50")))).isEqualTo("{\"cost\":\"1.50\"}");
    });
    runner.withPropertyValues("safejson.max-depth=2", "safejson.max-items=2", "safejson.max-values=50",
            "safejson.max-input-length=10")
        .run(context -> {
          SafeSerializer serializer = context.getBean(SafeSerializer.class);
          assertThat(serializer.maxDepth()).isEqualTo(2);
          assertThat(serializer.maxValues()).isEqualTo(50);
          assertThat(serializer.toJson(List.of(List.of(List.of(1)), 2, 3)))
              .isEqualTo("[[\"[MAX_DEPTH]\"],2,\"[TRUNCATED]\"]");
          org.junit.jupiter.api.Assertions.assertThrows(io.safejson.JsonReadException.class,
              () -> serializer.fromJson("[1,2,3,4,5,6]", List.class));
        });
  }

  @Test
  void anInvalidPropertyFailsTheStartupNamingTheOption() {
    runner.withPropertyValues("safejson.max-depth=0").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("maxDepth");
    });
  }

  @Test
  void backsOffWhenTheApplicationDefinesItsOwnSerializer() {
    runner.withUserConfiguration(OwnSerializer.class).withPropertyValues("safejson.sort-keys=true")
        .run(context -> {
          assertThat(context).hasSingleBean(SafeSerializer.class);
          assertThat(context.getBean(SafeSerializer.class)).isSameAs(OwnSerializer.SERIALIZER);
        });
  }

  @Test
  void customizersRunInOrderAfterTheProperties() {
    runner.withUserConfiguration(Customizers.class).withPropertyValues("safejson.redact=password")
        .run(context -> assertThat(context.getBean(SafeSerializer.class)
                .toJson(Map.of("mood", Mood.GLAD, "password", "p", "session", "s")))
            // converters are tried in the order added: the @Order(1) customizer's comes first
            .contains("\"password\":\"[REDACTED]\"", "\"session\":\"[REDACTED]\"", "\"mood\":\"first\""));
  }

  @Test
  void bootsMapperIsLeftAloneUnlessWebIsEnabled() {
    runner.run(context -> {
      assertThat(context).doesNotHaveBean(com.fasterxml.jackson.databind.Module.class);
      assertThat(context).doesNotHaveBean("safeJsonJackson3Module");
    });
    runner.withPropertyValues("safejson.web.enabled=true").run(context -> {
      assertThat(context).hasSingleBean(com.fasterxml.jackson.databind.Module.class);
      // Boot 4's Jackson 3 mapper gets the module only where Jackson 3 is present (not in the Boot 3.5 run).
      assertThat(context.containsBean("safeJsonJackson3Module"))
          .isEqualTo(ClassUtils.isPresent("tools.jackson.databind.JacksonModule", null));
    });
  }

  @Test
  void noJackson3ModuleAndNoFailureWithoutJackson3OnTheClassPath() {
    runner.withClassLoader(new FilteredClassLoader("tools.jackson"))
        .withPropertyValues("safejson.web.enabled=true")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean("safeJsonJackson3Module");
          assertThat(context).hasSingleBean(com.fasterxml.jackson.databind.Module.class);
        });
  }

  @Test
  void sendersOnlyWithSpringWebSocket() {
    runner.run(context -> assertThat(context).hasSingleBean(SafeWebSocketSenders.class));
    runner.withClassLoader(new FilteredClassLoader(WebSocketSession.class))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(SafeWebSocketSenders.class);
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnSerializer {
    static final SafeSerializer SERIALIZER = SafeSerializer.builder().build();

    @Bean
    SafeSerializer mySerializer() {
      return SERIALIZER;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Customizers {
    @Bean
    @Order(1)
    SafeSerializerCustomizer first() {
      return builder -> builder.redact("session").addConverter(Mood.class, mood -> "first");
    }

    @Bean
    @Order(2)
    SafeSerializerCustomizer second() {
      return builder -> builder.addConverter(Mood.class, mood -> "second");
    }
  }
}
