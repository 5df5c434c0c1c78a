package io.safejson.spring.boot;

import io.safejson.buildtools.ApiFile;
import org.junit.jupiter.api.Test;

final class PublicApiTest {

  @Test
  void publicApiMatchesTheCommittedDump() {
    ApiFile.check("safejson-spring-boot-starter", "io.safejson.spring.boot", "io.safejson.spring.boot.logging");
  }
}
