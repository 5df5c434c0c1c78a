package io.safejson.nats.internal;

import io.nats.client.impl.Headers;
import io.safejson.Incident;
import java.util.List;

/**
 * One message ready for jnats: the JSON body, the headers to send ({@code null} for none) and the incidents of
 * the body.
 *
 * <p>Not copied defensively: produced by {@link MessageEncoder} and handed straight to the connection.
 *
 * @param body the UTF-8 JSON document
 * @param headers the caller's headers plus the incidents header, or {@code null}
 * @param incidents what had to be fixed in the body, in the order the header lists them
 */
public record EncodedMessage(byte[] body, Headers headers, List<Incident> incidents) {

  /** Returns the size the server checks against {@code max_payload}: the body plus the serialized headers. */
  public long size() {
    return body.length + headersLength(headers);
  }

  static int headersLength(Headers headers) {
    return headers == null || headers.isEmpty() ? 0 : headers.serializedLength();
  }
}
