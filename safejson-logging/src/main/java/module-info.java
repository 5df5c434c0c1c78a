/**
 * safejson-logging: {@link io.safejson.logging.SafeJsonEncoder} and {@link io.safejson.logging.SafeJsonLayout}
 * write each Logback event as one line of valid JSON. Exports the API package only; Logback and SLF4J are the
 * service's own dependencies.
 */
module io.safejson.logging {
  requires transitive io.safejson;
  requires static transitive ch.qos.logback.classic;
  requires static transitive ch.qos.logback.core;
  requires static transitive org.slf4j;

  exports io.safejson.logging;
}
