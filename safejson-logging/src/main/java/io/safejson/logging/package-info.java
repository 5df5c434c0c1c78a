/**
 * safejson-logging: {@link io.safejson.logging.SafeJsonEncoder} and {@link io.safejson.logging.SafeJsonLayout}
 * write each Logback event as one line of valid JSON in a chosen {@link io.safejson.logging.LogFormat}.
 */
package io.safejson.logging;
