/** Implementation of safejson-kafka; not part of the API, may change in any release. */
package io.safejson.kafka.internal;
