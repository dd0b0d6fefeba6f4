package org.tingsted.protocol;

import java.util.List;

/**
 * Votes at a table: a facilitator opens and closes them, members cast ballots, and a
 * facilitator shows a closed vote's result to the members.
 */
public sealed interface VoteCommand extends TableCommand {

    /**
     * Opens a vote on proposals or clusters. {@code params} applies to {@code dots} votes only
     * and must be absent for the other methods.
     */
    record OpenVote(String id, String table, VoteMethod method, List<String> items, VoteParams params)
            implements VoteCommand {

        public OpenVote {
            Require.id("id", id);
            Require.optionalId("table", table);
            Require.present("method", method);
            items = Require.ids("items", items, 1);
            if (params != null && method != VoteMethod.DOTS) {
                throw new InvalidField(ErrorCode.INVALID, "params", "applies to dots votes only");
            }
        }
    }

    /** Casts, or replaces, the sender's ballot in an open vote. */
    record CastBallot(String id, String table, String vote, Ballot ballot) implements VoteCommand {

        public CastBallot {
            Require.id("id", id);
            Require.optionalId("table", table);
            Require.id("vote", vote);
            Require.present("ballot", ballot);
        }
    }

    /**
     * Closes a vote; the event {@code voteClosed} carries the result to facilitators, and to
     * members once it is published ({@link PublishResult}).
     */
    record CloseVote(String id, String table, String vote) implements VoteCommand {

        public CloseVote {
            Require.id("id", id);
            Require.optionalId("table", table);
            Require.id("vote", vote);
        }
    }

    /**
     * Shows the result of a closed vote to the table's members: the event
     * {@code resultPublished} carries it. Facilitators see a result as soon as the vote closes.
     */
    record PublishResult(String id, String table, String vote) implements VoteCommand {

        public PublishResult {
            Require.id("id", id);
            Require.optionalId("table", table);
            Require.id("vote", vote);
        }
    }
}
