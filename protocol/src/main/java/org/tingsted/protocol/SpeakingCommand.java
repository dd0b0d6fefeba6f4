package org.tingsted.protocol;

import java.util.List;

/**
 * The speaking queue of a table: members raise and lower their hands, a facilitator gives the
 * floor and orders the queue, and a turn ends. The server keeps the queue, who has the floor
 * and how long each member has spoken; it stamps every time itself.
 */
public sealed interface SpeakingCommand extends TableCommand {

    /**
     * The sender (a member or a facilitator) asks to speak and joins the end of the queue; the
     * server answers {@code conflict} when they are in it already or have the floor.
     */
    record RaiseHand(String id, String table) implements SpeakingCommand {

        public RaiseHand {
            Require.id("id", id);
            Require.optionalId("table", table);
        }
    }

    /**
     * Lowers a hand: the sender's own when {@code member} is absent, else (facilitators only)
     * the named member's.
     */
    record LowerHand(String id, String table, String member) implements SpeakingCommand {

        public LowerHand {
            Require.id("id", id);
            Require.optionalId("table", table);
            Require.optionalId("member", member);
        }
    }

    /**
     * Gives the floor to {@code member}, who must be in the queue, or, when it is absent, to
     * the first member in the queue; the member leaves the queue. A turn still running ends
     * first.
     */
    record GiveFloor(String id, String table, String member) implements SpeakingCommand {

        public GiveFloor {
            Require.id("id", id);
            Require.optionalId("table", table);
            Require.optionalId("member", member);
        }
    }

    /** Ends the current turn; sent by a facilitator or by the speaker. */
    record EndTurn(String id, String table) implements SpeakingCommand {

        public EndTurn {
            Require.id("id", id);
            Require.optionalId("table", table);
        }
    }

    /**
     * Puts the queue in a new order. {@code order} must name exactly the members in the queue,
     * each once; the server answers {@code conflict} when the queue has changed meanwhile.
     */
    record ReorderQueue(String id, String table, List<String> order) implements SpeakingCommand {

        public ReorderQueue {
            Require.id("id", id);
            Require.optionalId("table", table);
            order = Require.ids("order", order, 1);
        }
    }

    /**
     * Orders the queue by speaking time so far, least first; members with equal time keep their
     * order.
     */
    record FavourLeastHeard(String id, String table) implements SpeakingCommand {

        public FavourLeastHeard {
            Require.id("id", id);
            Require.optionalId("table", table);
        }
    }
}
