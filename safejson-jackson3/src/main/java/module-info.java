/**
 * safejson-jackson3: safe JSON for services on Jackson 3, {@link io.safejson.jackson3.SafeJackson3}. Exports the
 * API package only; Jackson 3 is the service's own dependency.
 */
@SuppressWarnings("module") // the name ends in a digit, as its Automatic-Module-Name always has
module io.safejson.jackson3 {
  requires transitive io.safejson;
  requires static transitive tools.jackson.databind;

  exports io.safejson.jackson3;
}
