/**
 * safejson-nats: {@link io.safejson.nats.SafeNatsPublisher} publishes any object as a JSON NATS message. Exports
 * the API package only; jnats is the service's own dependency.
 */
// jnats has no module-info; io.nats.jnats is its Automatic-Module-Name.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.safejson.nats {
  requires transitive io.safejson;
  requires static transitive io.nats.jnats;

  exports io.safejson.nats;
}
