package org.tingsted.server.deliberation;

/**
 * Something that happened on a stream: at a table ({@link TableEvent}) or in a session's
 * plenary ({@link SessionEvent}). Events are facts; {@code evolve} applies them.
 */
public sealed interface Event permits TableEvent, SessionEvent {
}
