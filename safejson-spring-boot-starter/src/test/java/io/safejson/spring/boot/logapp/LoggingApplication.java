package io.safejson.spring.boot.logapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A non-web Boot application: Boot's logging system, Micrometer Tracing and the starter, nothing else. */
@SpringBootApplication
public class LoggingApplication {}
