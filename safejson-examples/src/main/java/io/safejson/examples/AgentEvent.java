package io.safejson.examples;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * One agent event as a chat UI receives it, made of the values that used to break the backend's JSON.
 *
 * @param type one of {@link AgentRun#TYPES}
 * @param eventId unique per event
 * @param timestamp when the event happened
 * @param state the connection state, an enum
 * @param cost the run's cost so far, with its scale ({@code 0.0150})
 * @param attachment a file the agent refers to
 * @param requestId the chat message's 64-bit id, above 2^53 so JavaScript numbers cannot hold it
 * @param detail free-form details; in {@code tool_completed} a bean whose getter throws
 */
public record AgentEvent(
    String type,
    UUID eventId,
    Instant timestamp,
    ConnectionState state,
    BigDecimal cost,
    Path attachment,
    long requestId,
    Object detail) {}
