/**
 * Implementation of safejson-core; not part of the API, may change in any release.
 *
 * <p>How a value is written: {@code SafeEngine} opens a Jackson generator and a {@code WriteSession} (the
 * per-call state: incidents, depth, the {@code maxValues} budget, spent only through
 * {@code WriteSession.spend()}). {@code ValueWriter.writeValue} spends one value, then asks {@code TypeRules}
 * for the class's {@code ValueRule}: resolved once per class from the first rule factory that takes it (user
 * converters, then {@code NormalizationTable}, then {@code JacksonView}) and cached; a bean property remembers
 * the rule of its value's last class ({@code RuleSlot}), and a container's items reuse the rule of the item
 * before when the class repeats, as Jackson caches a serializer per property. The rule writes the value
 * (containers through {@code SequenceWriter} and {@code ObjectEntries}, scalars through {@code ScalarWriter}),
 * gives its key text for map keys, and says whether the class is in the table.
 *
 * <p>Every crossing to Jackson goes through {@code JacksonBridge}: a type Jackson serializes itself runs into a
 * token buffer through a {@code BudgetedGenerator} (which spends the same budget and stops the serializer
 * when it runs out), and the tree read back is replayed through the writer's checks. The other way, the
 * bridge's serializer registered on the mappers hands table types that Jackson meets nested back to the
 * writer, in a session whose {@code JacksonBridge.Mode} is {@code INSIDE_JACKSON}.
 */
package io.safejson.internal;
