/**
 * safejson-testing: {@link io.safejson.testing.SafeJsonAssertions} for test suites (strict validity, semantic
 * equality, clean serialization). Exports the API package only.
 */
module io.safejson.testing {
  requires transitive io.safejson;
  requires com.fasterxml.jackson.core;

  exports io.safejson.testing;
}
