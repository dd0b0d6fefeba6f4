package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A message the server sends on its own, not as the reply to a client message. */
public sealed interface Push extends ServerMessage {

    /**
     * One change on a stream. {@code seq} counts 1, 2, 3 … per stream with no gap; {@code at}
     * is server time in milliseconds since the epoch; {@code by} is the member who caused it,
     * or null when the server did (a timer, for example), and is always written. The shape of
     * {@code data} depends on {@code kind} (see {@link EventKind}).
     */
    record Event(String stream, long seq, long at, @JsonInclude(JsonInclude.Include.ALWAYS) String by,
                 String kind, ObjectNode data) implements Push {

        public Event {
            Require.id("stream", stream);
            Require.atLeast("seq", seq, 1L);
            Require.atLeast("at", at, 0L);
            Require.optionalId("by", by);
            Require.id("kind", kind);
            Require.present("data", data);
        }
    }

    /**
     * The state of a stream after event {@code seq}, as the receiving member may see it; sent
     * instead of events when a client's resume point is older than the history the server keeps.
     */
    record Snapshot(String stream, long seq, ObjectNode state) implements Push {

        public Snapshot {
            Require.id("stream", stream);
            Require.atLeast("seq", seq, 0L);
            Require.present("state", state);
        }
    }

    /** Who of a table's members is connected; sent whenever that changes. Not sequenced. */
    record Presence(String table, List<PresentMember> members) implements Push {

        public Presence {
            Require.id("table", table);
            Require.present("members", members);
            members = List.copyOf(members);
        }
    }
}
