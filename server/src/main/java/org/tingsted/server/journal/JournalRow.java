package org.tingsted.server.journal;

/**
 * One event as the journal stores it.
 *
 * @param stream    the stream, e.g. {@code table:t4}
 * @param seq       its number in the stream, from 1
 * @param at        server time it was accepted, ms since the epoch
 * @param by        the member whose command made it, or null
 * @param kind      the event kind, e.g. {@code proposed}
 * @param version   the version of the kind's schema that {@code data} is written in, from 1
 * @param data      the event's fields as a JSON object
 * @param commandId the id of the command that made it, for at-most-once after a restart
 */
public record JournalRow(String stream, long seq, long at, String by, String kind, int version, String data,
                         String commandId) {
}
