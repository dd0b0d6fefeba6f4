package org.tingsted.server.streams;

import org.tingsted.server.deliberation.TableEvent;

/**
 * One event of a stream with its envelope: the stream's sequence number, the server time it
 * was accepted at and the member whose command caused it.
 */
public record StreamEvent(String stream, long seq, long at, String by, TableEvent event) {
}
