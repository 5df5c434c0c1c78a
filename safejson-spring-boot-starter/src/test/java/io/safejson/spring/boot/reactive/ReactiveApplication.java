package io.safejson.spring.boot.reactive;

import io.safejson.spring.boot.app.AwkwardValues;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A WebFlux application returning the awkward values from a reactive controller (Reactor Netty). */
@SpringBootApplication
public class ReactiveApplication {

  @RestController
  static class ReactiveEventsController {

    @GetMapping("/events/awkward")
    Mono<AwkwardValues> awkward() {
      return Mono.fromSupplier(AwkwardValues::sample);
    }

    @GetMapping("/events/plain")
    Mono<AwkwardValues.Plain> plain() {
      return Mono.fromSupplier(AwkwardValues.Plain::sample);
    }
  }
}
