package org.tingsted.server.deliberation;

/** The state of one stream: a table's {@link Board} or a session's {@link SessionBoard}. */
public sealed interface State permits Board, SessionBoard {
}
