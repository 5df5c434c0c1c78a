package io.safejson.kafka;

import java.math.BigDecimal;
import java.util.UUID;

/** What the Kafka Streams topology in {@code KafkaStreamsTest} maps each {@link OrderPlaced} to. */
public record OrderSummary(UUID id, BigDecimal total, String note) {}
