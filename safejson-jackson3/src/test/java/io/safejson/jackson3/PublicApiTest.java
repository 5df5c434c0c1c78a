package io.safejson.jackson3;

import io.safejson.buildtools.ApiFile;
import org.junit.jupiter.api.Test;

final class PublicApiTest {

  @Test
  void publicApiMatchesTheCommittedDump() {
    ApiFile.check("safejson-jackson3", "io.safejson.jackson3");
  }
}
