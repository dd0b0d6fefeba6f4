package org.tingsted.server.deliberation;

/** Placeholder until the plenary model lands; replaced by the session's board. */
public record SessionBoard(String session) implements State {
}
