/** Implementation of safejson-nats; not part of the API, may change in any release. */
package io.safejson.nats.internal;
