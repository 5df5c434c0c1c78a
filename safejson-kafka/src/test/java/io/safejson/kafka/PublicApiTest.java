package io.safejson.kafka;

import io.safejson.buildtools.ApiFile;
import org.junit.jupiter.api.Test;

final class PublicApiTest {

  @Test
  void publicApiMatchesTheCommittedDump() {
    ApiFile.check("safejson-kafka", "io.safejson.kafka");
  }
}
