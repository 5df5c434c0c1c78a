package io.safejson.testing;

import io.safejson.buildtools.ApiFile;
import org.junit.jupiter.api.Test;

final class PublicApiTest {

  @Test
  void publicApiMatchesTheCommittedDump() {
    ApiFile.check("safejson-testing", "io.safejson.testing");
  }
}
