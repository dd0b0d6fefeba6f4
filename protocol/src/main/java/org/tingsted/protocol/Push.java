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
    record Presence(String table, String name, List<PresentMember> members) implements Push {

        public Presence {
            Require.id("table", table);
            Require.present("members", members);
            members = List.copyOf(members);
        }
    }

    /**
     * The lead facilitator's console: the session's phase and every table at a glance. Sent
     * only to lead facilitators, whenever a table's state changes, at most every
     * {@value Protocol#CONSOLE_INTERVAL_MILLIS} ms. Not sequenced and not stored: each
     * {@code console} replaces the previous one. {@code at} is the server time of the state
     * shown; {@code phase} is absent before the agenda starts.
     */
    record Console(long at, Phase phase, List<TableState> tables) implements Push {

        public Console {
            Require.atLeast("at", at, 0L);
            tables = Require.list("tables", tables, 0);
        }

        /** The session's current item of the agenda. */
        public record Phase(int index, PhaseKind phase, String title) {

            public Phase {
                Require.atLeast("index", index, 0);
                Require.present("phase", phase);
                Require.present("title", title);
            }
        }

        /**
         * One table: its phase now (its own sub-phase, or else the session's; absent before the
         * agenda starts), who is connected of its {@code members}
         * ({@code online}, of whom {@code inRoom} at a tablet in the room and {@code remote}
         * elsewhere), how many open proposals and comments it has, how many hands are up, who
         * has the floor, and the progress of its open votes.
         */
        public record TableState(String table, String name, PhaseKind phase, int online,
                                 int inRoom, int remote, int members, int proposals, int comments, int hands,
                                 String speaker, List<VoteProgress> votes, Fairness fairness) {

            public TableState {
                Require.id("table", table);
                Require.present("name", name);
                Require.atLeast("online", online, 0);
                Require.atLeast("inRoom", inRoom, 0);
                Require.atLeast("remote", remote, 0);
                Require.atLeast("members", members, 0);
                Require.atLeast("proposals", proposals, 0);
                Require.atLeast("comments", comments, 0);
                Require.atLeast("hands", hands, 0);
                Require.optionalId("speaker", speaker);
                votes = Require.list("votes", votes, 0);
            }
        }

        /**
         * How evenly the table's members have been heard: the share of all speaking time of
         * the most and of the least heard member (0 to 1), and the total. Absent members have
         * not spoken yet.
         */
        public record Fairness(long totalMillis, String mostHeard, double mostHeardShare, String leastHeard,
                               double leastHeardShare) {

            public Fairness {
                Require.atLeast("totalMillis", totalMillis, 0L);
                Require.optionalId("mostHeard", mostHeard);
                Require.optionalId("leastHeard", leastHeard);
            }
        }

        /** An open vote at a table: how many of its {@code electorate} have cast a ballot. */
        public record VoteProgress(String vote, VoteMethod method, int ballots, int electorate) {

            public VoteProgress {
                Require.id("vote", vote);
                Require.present("method", method);
                Require.atLeast("ballots", ballots, 0);
                Require.atLeast("electorate", electorate, 0);
            }
        }
    }
}
