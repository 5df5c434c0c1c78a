package io.safejson.examples;

/**
 * One event as the server sent it, recorded so a test can compare the page with the exact values.
 *
 * @param via {@code "safejson"} or {@code "plain"}
 * @param event the event object that was serialized
 * @param delivered false when plain Jackson threw and an error frame went out instead
 */
public record SentFrame(String via, AgentEvent event, boolean delivered) {}
