package io.safejson.spring.boot;

import io.safejson.SafeSerializer;
import io.safejson.jackson3.SafeJackson3;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures a {@link SafeSerializer} from the {@code safejson.*} properties (backing off when the
 * application defines its own), opt-in safe writing for Boot's JSON mapper ({@code safejson.web.enabled}), and
 * {@link SafeWebSocketSenders} when Spring WebSocket is present.
 *
 * <p>Thread-safe, as every Spring configuration: its beans are created once.
 */
@AutoConfiguration
@EnableConfigurationProperties(SafeJsonProperties.class)
public class SafeJsonAutoConfiguration {

  /** The serializer of the properties, adjusted by every {@link SafeSerializerCustomizer} in order. */
  @Bean
  @ConditionalOnMissingBean
  public SafeSerializer safeSerializer(
      SafeJsonProperties properties, ObjectProvider<SafeSerializerCustomizer> customizers) {
    SafeSerializer.Builder builder = properties.toBuilder();
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  /** Senders for Spring WebSocket sessions, with the serializer bean and {@code safejson.websocket.*} limits. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.web.socket.WebSocketSession")
  static class WebSocketSenders {

    @Bean
    @ConditionalOnMissingBean
    SafeWebSocketSenders safeWebSocketSenders(SafeSerializer serializer, SafeJsonProperties properties) {
      return new SafeWebSocketSenders(serializer, properties.getWebsocket());
    }
  }

  /**
   * {@code safejson.web.enabled=true}: a module for each Jackson that Boot builds its mapper with; Boot adds
   * every module bean to that mapper (Boot 4: {@code JacksonModule} beans to the Jackson 3 {@code JsonMapper};
   * Boot 3.5: {@code Module} beans to the Jackson 2 {@code ObjectMapper}).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "safejson.web", name = "enabled", havingValue = "true")
  static class Web {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "tools.jackson.databind.JacksonModule")
    static class Jackson3 {

      @Bean
      tools.jackson.databind.JacksonModule safeJsonJackson3Module(SafeSerializer serializer) {
        return SafeJackson3.module(serializer);
      }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.fasterxml.jackson.databind.Module")
    static class Jackson2 {

      @Bean
      com.fasterxml.jackson.databind.Module safeJsonJackson2Module(SafeSerializer serializer) {
        return new SafeJackson2Module(serializer);
      }
    }
  }
}
