package org.tingsted.server.streams;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.tingsted.server.deliberation.Event;

/**
 * One event of a stream with its envelope: the stream's sequence number, the server time it
 * was accepted at and the member whose command caused it.
 */
public record StreamEvent(String stream, long seq, long at, String by,
                          @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = ModelJson.KIND) Event event) {
}
