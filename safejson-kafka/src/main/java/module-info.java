/**
 * safejson-kafka: {@link io.safejson.kafka.SafeJsonSerializer}, {@link io.safejson.kafka.SafeJsonDeserializer} and
 * {@link io.safejson.kafka.SafeJsonSerde} for Kafka clients and Kafka Streams. Exports the API package only;
 * kafka-clients is the service's own dependency.
 */
// kafka-clients has no module-info and no Automatic-Module-Name: kafka.clients is the name derived from its file.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.safejson.kafka {
  requires transitive io.safejson;
  requires static transitive kafka.clients;

  exports io.safejson.kafka;
}
