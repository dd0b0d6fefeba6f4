package org.tingsted.protocol;

/** Writing, editing, withdrawing and commenting on proposals (draft recommendations). */
public sealed interface ProposalCommand extends TableCommand {

    /** Makes a new proposal; the event {@code proposed} carries its id. */
    record Propose(String id, String table, String title, String text) implements ProposalCommand {

        public Propose {
            Require.id("id", id);
            Require.optionalId("table", table);
            Require.text("title", title, Limits.TITLE);
            Require.text("text", text, Limits.PROPOSAL_TEXT);
        }
    }

    /**
     * Changes the title, the text or both of a proposal. {@code version} is the version the
     * client edited; the server answers {@code conflict} when the proposal has moved on.
     */
    record Edit(String id, String table, String proposal, int version, String title, String text)
            implements ProposalCommand {

        public Edit {
            Require.id("id", id);
            Require.optionalId("table", table);
            Require.id("proposal", proposal);
            Require.atLeast("version", version, 1);
            Require.optionalText("title", title, Limits.TITLE);
            Require.optionalText("text", text, Limits.PROPOSAL_TEXT);
            if (title == null && text == null) {
                throw new InvalidField(ErrorCode.INVALID, "title", "is required when 'text' is absent: an edit must change something");
            }
        }
    }

    /**
     * Withdraws a proposal; only its author may, not even a facilitator (a facilitator hides a
     * proposal instead, with a reason, see {@link ModerationCommand.Hide}).
     */
    record Withdraw(String id, String table, String proposal) implements ProposalCommand {

        public Withdraw {
            Require.id("id", id);
            Require.optionalId("table", table);
            Require.id("proposal", proposal);
        }
    }

    /** Comments on a proposal, or replies to a comment on it ({@code replyTo}). */
    record Comment(String id, String table, String proposal, CommentKind kind, String text, String replyTo)
            implements ProposalCommand {

        public Comment {
            Require.id("id", id);
            Require.optionalId("table", table);
            Require.id("proposal", proposal);
            Require.present("kind", kind);
            Require.text("text", text, Limits.COMMENT);
            Require.optionalId("replyTo", replyTo);
        }
    }
}
