package org.tingsted.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Messages about the connection itself rather than a stream: they make no events. */
public sealed interface ConnectionCommand extends ClientMessage {

    /**
     * The first message on every connection. {@code resume} maps each stream the client has
     * seen to the last seq it applied; absent on a first connect.
     */
    record Hello(String id, String token, Device device, Map<String, Long> resume) implements ConnectionCommand {

        public Hello {
            Require.id("id", id);
            // A missing or blank token is a hello without a credential: the server answers it
            // with unauthorized and 4401, which sends the person back to their join link.
            token = token == null ? "" : token;
            if (token.length() > Protocol.MAX_TOKEN_LENGTH) {
                throw new InvalidField(ErrorCode.TOO_LARGE, "token",
                        "must be at most " + Protocol.MAX_TOKEN_LENGTH + " characters");
            }
            device = device == null ? Device.ROOM : device;
            if (resume != null) {
                Map<String, Long> copy = new LinkedHashMap<>();
                resume.forEach((stream, seq) -> {
                    Require.id("resume key", stream);
                    Require.atLeast("resume." + stream, Require.present("resume." + stream, seq), 0L);
                    copy.put(stream, seq);
                });
                resume = Collections.unmodifiableMap(copy);
            }
        }
    }

    /**
     * Asks for a page of a stream's history: up to {@code limit} events with seq at least
     * {@code fromSeq}, in order, from the durable journal. Answered by {@link Reply.History}.
     * {@code limit} defaults to {@value Protocol#HISTORY_PAGE_DEFAULT} and may be at most
     * {@value Protocol#HISTORY_PAGE_MAX}.
     */
    record History(String id, String stream, long fromSeq, Integer limit) implements ConnectionCommand {

        public History {
            Require.id("id", id);
            Require.id("stream", stream);
            Require.atLeast("fromSeq", fromSeq, 1L);
            if (limit != null) {
                Require.atLeast("limit", limit, 1);
                if (limit > Protocol.HISTORY_PAGE_MAX) {
                    throw new InvalidField(ErrorCode.INVALID, "limit", "must be at most " + Protocol.HISTORY_PAGE_MAX
                            + " (was " + limit + ")");
                }
            }
        }

        /** The page size asked for, or the default. */
        public int pageSize() {
            return limit == null ? Protocol.HISTORY_PAGE_DEFAULT : limit;
        }
    }

    /** Asks for the server's time, to estimate the clock offset. Answered by {@link Reply.Clock}. */
    record Clock(String id, long clientTime) implements ConnectionCommand {

        public Clock {
            Require.id("id", id);
        }
    }
}
