package org.tingsted.server.deliberation;

/**
 * Who has the floor at a table, and since when.
 *
 * @param since when the turn began, ms since the epoch, as the server stamped it
 */
public record Speaker(String member, long since) {}
