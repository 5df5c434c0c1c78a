/** Implementation of safejson-websocket; not part of the API, may change in any release. */
package io.safejson.websocket.internal;
