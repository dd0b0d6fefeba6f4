package org.tingsted.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The server's answer to one client message; {@link #id()} is that message's id. */
public sealed interface Reply extends ServerMessage {

    /** The id of the client message answered; null only in an {@link Error} to an unreadable frame. */
    String id();

    /**
     * The answer to {@code hello}: who the connection speaks for, and the current seq of every
     * stream the member may read: the table streams, and {@code session:<session>}, which
     * everyone in the session reads. {@code table} is absent for people without a table (the lead
     * facilitator, session-wide observers).
     */
    record Welcome(String id, int protocol, long serverTime, Member member, String assembly, String session,
                   String table, Map<String, Long> streams) implements Reply {

        public Welcome {
            Require.id("id", id);
            Require.atLeast("protocol", protocol, 1);
            Require.present("member", member);
            Require.id("assembly", assembly);
            Require.id("session", session);
            Require.optionalId("table", table);
            Require.present("streams", streams);
            Map<String, Long> copy = new LinkedHashMap<>();
            streams.forEach((stream, seq) -> {
                Require.id("streams key", stream);
                Require.atLeast("streams." + stream, Require.present("streams." + stream, seq), 0L);
                copy.put(stream, seq);
            });
            streams = Collections.unmodifiableMap(copy);
        }
    }

    /**
     * A command was accepted. {@code stream} and {@code seq} name the first event it made;
     * both are absent when it made none. A retried command id gets the original ack again.
     */
    record Ack(String id, String stream, Long seq) implements Reply {

        public Ack {
            Require.id("id", id);
            Require.optionalId("stream", stream);
            if (seq != null) {
                Require.atLeast("seq", seq, 1L);
            }
            if ((stream == null) != (seq == null)) {
                throw new InvalidField(ErrorCode.INVALID, stream == null ? "stream" : "seq",
                        "is required when " + (stream == null ? "seq" : "stream") + " is given");
            }
        }

        /** The ack of a command that made no event. */
        public static Ack withoutEvent(String id) {
            return new Ack(id, null, null);
        }
    }

    /**
     * A client message was refused. {@code id} is absent when the frame had no readable id
     * (not JSON, or no string {@code id} of 1 to 64 characters).
     */
    record Error(String id, ErrorCode code, String message) implements Reply {

        public Error {
            Require.optionalId("id", id);
            Require.present("code", code);
            Require.present("message", message);
        }
    }

    /**
     * A page of a stream's history, as the member may see it: {@code events} in seq order
     * (a member is not sent events they may not see, so seqs can skip), and {@code next}, the
     * seq to ask for the following page, absent when this page reaches the stream's end.
     */
    record History(String id, String stream, List<Push.Event> events, Long next) implements Reply {

        public History {
            Require.id("id", id);
            Require.id("stream", stream);
            events = List.copyOf(Require.present("events", events));
            if (next != null) {
                Require.atLeast("next", next, 1L);
            }
        }
    }

    /** The answer to a client {@code clock}: the client's time echoed, and the server's. */
    record Clock(String id, long clientTime, long serverTime) implements Reply {

        public Clock {
            Require.id("id", id);
        }
    }
}
