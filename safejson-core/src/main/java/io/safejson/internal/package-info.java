/** Implementation of safejson-core; not part of the API, may change in any release. */
package io.safejson.internal;
