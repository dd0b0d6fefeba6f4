package org.tingsted.protocol;

/**
 * The {@code kind} of the events on a table's stream ({@code table:<table>}) and on a session's
 * stream ({@code session:<session>}). The fields of each kind's {@code data} are documented in
 * {@code docs/protocol.md}. Kinds are strings, not an enum, because a client must skip kinds it
 * does not know (new kinds are a compatible change).
 */
public final class EventKind {

    public static final String PROPOSED = "proposed";
    public static final String PROPOSAL_EDITED = "proposalEdited";
    public static final String PROPOSAL_WITHDRAWN = "proposalWithdrawn";
    public static final String COMMENTED = "commented";
    public static final String CLUSTER_CREATED = "clusterCreated";
    public static final String CLUSTER_RENAMED = "clusterRenamed";
    public static final String PROPOSAL_MOVED = "proposalMoved";
    public static final String CLUSTERS_MERGED = "clustersMerged";
    public static final String CLUSTER_DISSOLVED = "clusterDissolved";
    public static final String VOTE_OPENED = "voteOpened";
    public static final String BALLOT_CAST = "ballotCast";
    public static final String VOTE_CLOSED = "voteClosed";
    public static final String ITEM_HIDDEN = "itemHidden";
    public static final String ITEM_RESTORED = "itemRestored";
    /** Made by {@code publishResult}: a closed vote's result, shown to the members. */
    public static final String RESULT_PUBLISHED = "resultPublished";

    /** Made by {@code setVideoLink}: the table's video-call link, {@code url} (absent when cleared). */
    public static final String VIDEO_LINK_SET = "videoLinkSet";

    // On a table's stream: the speaking queue.
    public static final String HAND_RAISED = "handRaised";
    public static final String HAND_LOWERED = "handLowered";
    public static final String FLOOR_GIVEN = "floorGiven";
    public static final String TURN_ENDED = "turnEnded";
    public static final String QUEUE_REORDERED = "queueReordered";

    // On a session's stream: the plenary.
    public static final String DRAFT_PROMOTED = "draftPromoted";
    public static final String DRAFT_EDITED = "draftEdited";
    public static final String DRAFTS_MERGED = "draftsMerged";
    public static final String DRAFT_WITHDRAWN = "draftWithdrawn";
    public static final String FINAL_VOTE_OPENED = "finalVoteOpened";
    public static final String FINAL_BALLOT_CAST = "finalBallotCast";
    public static final String FINAL_VOTE_CLOSED = "finalVoteClosed";
    /** Recorded by an administrator through the admin API, not by a client command. */
    public static final String ANSWER_RECORDED = "answerRecorded";
    public static final String REPORT_PUBLISHED = "reportPublished";
    public static final String REPORT_UNPUBLISHED = "reportUnpublished";

    // On a session's stream: the facilitators' control channel.
    public static final String AGENDA_SET = "agendaSet";
    /** The session's phase, or one table's own sub-phase, changed. */
    public static final String PHASE_CHANGED = "phaseChanged";
    public static final String TIMER_STARTED = "timerStarted";
    public static final String TIMER_PAUSED = "timerPaused";
    public static final String TIMER_RESUMED = "timerResumed";
    public static final String TIMER_EXTENDED = "timerExtended";
    public static final String TIMER_CANCELLED = "timerCancelled";
    /** Made by the server's clock, not by a command: {@code by} is null. */
    public static final String TIMER_ELAPSED = "timerElapsed";
    public static final String ANNOUNCED = "announced";
    public static final String MEMBER_MOVED = "memberMoved";

    private EventKind() {
    }
}
