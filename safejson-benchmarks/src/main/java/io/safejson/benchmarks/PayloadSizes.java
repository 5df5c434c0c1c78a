package io.safejson.benchmarks;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.safejson.SafeSerializer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Prints the JSON size of the benchmark inputs for each serializer, plus the single message itself. */
public final class PayloadSizes {
  private PayloadSizes() {}

  /** Prints sizes in bytes; run with {@code java -cp benchmarks.jar io.safejson.benchmarks.PayloadSizes}. */
  public static void main(String[] args) throws Exception {
    SafeSerializer safeJson = SafeSerializer.defaults();
    ObjectWriter jackson = SerializationBenchmark.newJacksonMapper().writer();
    ChatMessage message = ChatMessages.message(0);
    List<ChatMessage> batch = ChatMessages.batch();
    byte[] safeMessage = safeJson.toJsonBytes(message);
    System.out.printf("message  safejson %,9d B  jackson %,9d B%n",
        safeMessage.length, jackson.writeValueAsBytes(message).length);
    System.out.printf("batch    safejson %,9d B  jackson %,9d B  (%,d messages)%n",
        safeJson.toJsonBytes(batch).length, jackson.writeValueAsBytes(batch).length, batch.size());
    System.out.println("safejson: " + new String(safeMessage, StandardCharsets.UTF_8));
    System.out.println("jackson:  " + jackson.writeValueAsString(message));
  }
}
