package io.safejson;

import io.safejson.buildtools.ApiFile;
import org.junit.jupiter.api.Test;

final class PublicApiTest {

  @Test
  void publicApiMatchesTheCommittedDump() {
    ApiFile.check("safejson-core", "io.safejson");
  }
}
