package org.tingsted.protocol;

import java.util.List;
import java.util.Map;

/**
 * A command on the plenary of a session: draft recommendations for the whole session, the
 * final vote on them, and the report. Each accepted command makes zero or more events on the
 * stream {@code session:<session>} of the sender's session. Plenary commands have no
 * {@code table} to route them, unlike {@link TableCommand}; the {@code table} of
 * {@link Promote} names where its source is.
 */
public sealed interface PlenaryCommand extends ClientMessage {

    /**
     * Makes a draft recommendation of the session from a table's proposal or cluster: exactly
     * one of {@code proposal} and {@code cluster}. {@code title} and {@code text} default to the
     * source's own; the event {@code draftPromoted} carries the new draft's id.
     */
    record Promote(String id, String table, String proposal, String cluster, String title, String text)
            implements PlenaryCommand {

        public Promote {
            Require.id("id", id);
            Require.id("table", table);
            Require.optionalId("proposal", proposal);
            Require.optionalId("cluster", cluster);
            if (proposal == null && cluster == null) {
                throw new InvalidField(ErrorCode.INVALID, "proposal", "is required when 'cluster' is absent: promote names one source");
            }
            if (proposal != null && cluster != null) {
                throw new InvalidField(ErrorCode.INVALID, "cluster", "must be absent when 'proposal' is given: promote names one source");
            }
            Require.optionalText("title", title, Limits.TITLE);
            Require.optionalText("text", text, Limits.PROPOSAL_TEXT);
        }
    }

    /**
     * Changes the title, the text or both of a draft. {@code version} is the version the
     * client edited; the server answers {@code conflict} when the draft has moved on.
     */
    record EditDraft(String id, String draft, int version, String title, String text) implements PlenaryCommand {

        public EditDraft {
            Require.id("id", id);
            Require.id("draft", draft);
            Require.atLeast("version", version, 1);
            Require.optionalText("title", title, Limits.TITLE);
            Require.optionalText("text", text, Limits.PROPOSAL_TEXT);
            if (title == null && text == null) {
                throw new InvalidField(ErrorCode.INVALID, "title", "is required when 'text' is absent: an edit must change something");
            }
        }
    }

    /**
     * Merges draft {@code from} into draft {@code into}: {@code into} takes over the sources of
     * {@code from}, and {@code from} is closed as merged. {@code title} and {@code text}, when
     * given, replace those of {@code into}.
     */
    record MergeDrafts(String id, String from, String into, String title, String text) implements PlenaryCommand {

        public MergeDrafts {
            Require.id("id", id);
            Require.id("from", from);
            Require.id("into", into);
            if (from.equals(into)) {
                throw new InvalidField(ErrorCode.INVALID, "into", "must differ from 'from'");
            }
            Require.optionalText("title", title, Limits.TITLE);
            Require.optionalText("text", text, Limits.PROPOSAL_TEXT);
        }
    }

    /** Withdraws a draft, with a reason shown to the session and kept in the record. */
    record WithdrawDraft(String id, String draft, String reason) implements PlenaryCommand {

        public WithdrawDraft {
            Require.id("id", id);
            Require.id("draft", draft);
            Require.text("reason", reason, Limits.REASON);
        }
    }

    /**
     * Opens the final vote of the session on {@code drafts}. A draft is adopted when the share
     * of the electorate supporting it is at least {@code threshold}, a number greater than 0
     * and at most 1. The server fills in the electorate.
     */
    record OpenFinalVote(String id, List<String> drafts, double threshold) implements PlenaryCommand {

        public OpenFinalVote {
            Require.id("id", id);
            drafts = Require.ids("drafts", drafts, 1);
            Require.share("threshold", threshold);
        }
    }

    /**
     * Casts, or replaces, the sender's ballot in an open final vote: draft id → choice, for at
     * least one draft of the vote.
     */
    record CastFinalBallot(String id, String vote, Map<String, Choice> choices) implements PlenaryCommand {

        public CastFinalBallot {
            Require.id("id", id);
            Require.id("vote", vote);
            choices = Require.entries("choices", choices, 1);
        }
    }

    /** Closes a final vote; the event {@code finalVoteClosed} carries the result. */
    record CloseFinalVote(String id, String vote) implements PlenaryCommand {

        public CloseFinalVote {
            Require.id("id", id);
            Require.id("vote", vote);
        }
    }

    /** Publishes the report of the session. */
    record PublishReport(String id) implements PlenaryCommand {

        public PublishReport {
            Require.id("id", id);
        }
    }

    /** Takes the published report of the session back. */
    record UnpublishReport(String id) implements PlenaryCommand {

        public UnpublishReport {
            Require.id("id", id);
        }
    }
}
