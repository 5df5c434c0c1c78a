package io.safejson.benchmarks;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Builds deterministic benchmark inputs: one message of about 600 bytes of JSON and batches of distinct ones. */
public final class ChatMessages {
  /** Number of messages in {@link #batch()}. */
  public static final int BATCH_SIZE = 1_000;

  private static final Instant EPOCH = Instant.parse("2026-11-24T09:30:15.123456Z");

  private ChatMessages() {}

  /** Returns message number {@code index}; every index yields a distinct id, timestamp and sequence. */
  public static ChatMessage message(int index) {
    Random random = new Random(0x5AFE_0000L + index);
    UUID id = new UUID(random.nextLong(), random.nextLong());
    List<ChatMessage.Part> parts = List.of(
        new ChatMessage.Part(
            "Morning all! The nightly build for 4.2 is green after the cache fix; I've tagged rc-3.",
            22),
        new ChatMessage.Part(
            "Could payments double-check the \"refund window\" flag before we roll it out to the EU?",
            21),
        new ChatMessage.Part("Diagram attached — café meeting at 11 as usual ☕", 14));
    return new ChatMessage(
        "chat.message",
        id,
        EPOCH.plusMillis(37L * index),
        ConnectionState.CONNECTED,
        new BigDecimal("0.000425").add(BigDecimal.valueOf(index, 6)),
        Path.of("/var/lib/chat/uploads/room-42/diagram-" + index + ".png"),
        parts,
        "engineering-backend",
        "alice.martin@example.com",
        1_000_000L + index);
  }

  /** Returns {@value #BATCH_SIZE} distinct messages. */
  public static List<ChatMessage> batch() {
    List<ChatMessage> messages = new ArrayList<>(BATCH_SIZE);
    for (int i = 0; i < BATCH_SIZE; i++) {
      messages.add(message(i));
    }
    return List.copyOf(messages);
  }
}
