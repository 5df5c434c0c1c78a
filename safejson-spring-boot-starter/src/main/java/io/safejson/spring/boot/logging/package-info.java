/** Spring Boot structured logging ({@code logging.structured.format.console}) in safejson-logging's formats. */
package io.safejson.spring.boot.logging;
