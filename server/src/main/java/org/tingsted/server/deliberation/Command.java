package org.tingsted.server.deliberation;

/** What someone asks of a stream: of a table ({@link TableCommand}) or of a session ({@link SessionCommand}). */
public sealed interface Command permits TableCommand, SessionCommand {
}
