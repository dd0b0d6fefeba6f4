package org.tingsted.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of event kinds: every kind of event on a table's stream ({@code table:<table>})
 * and on a session's stream ({@code session:<session>}), with its stable wire name (the
 * {@code kind} of an {@code event} message and of a journal row) and the version of its
 * {@code data}'s schema. The fields of each kind's {@code data} are documented in {@code
 * docs/protocol.md}.
 *
 * <p>This is the one place the names are written. The server binds each of its model's event
 * records to one of these explicitly, so renaming a Java type changes nothing on the wire or on
 * disk; a change to a kind's fields that old data does not fit raises its version, and the
 * server upcasts journal rows written with an older one.
 *
 * <p>On the wire a kind stays a string, not this enum: a client must skip kinds it does not
 * know (new kinds are a compatible change).
 */
public enum EventKind {
    PROPOSED("proposed", StreamId.Kind.TABLE, 1),
    PROPOSAL_EDITED("proposalEdited", StreamId.Kind.TABLE, 1),
    PROPOSAL_WITHDRAWN("proposalWithdrawn", StreamId.Kind.TABLE, 1),
    COMMENTED("commented", StreamId.Kind.TABLE, 1),
    CLUSTER_CREATED("clusterCreated", StreamId.Kind.TABLE, 1),
    CLUSTER_RENAMED("clusterRenamed", StreamId.Kind.TABLE, 1),
    PROPOSAL_MOVED("proposalMoved", StreamId.Kind.TABLE, 1),
    CLUSTERS_MERGED("clustersMerged", StreamId.Kind.TABLE, 1),
    CLUSTER_DISSOLVED("clusterDissolved", StreamId.Kind.TABLE, 1),
    VOTE_OPENED("voteOpened", StreamId.Kind.TABLE, 1),
    BALLOT_CAST("ballotCast", StreamId.Kind.TABLE, 1),
    VOTE_CLOSED("voteClosed", StreamId.Kind.TABLE, 1),
    ITEM_HIDDEN("itemHidden", StreamId.Kind.TABLE, 1),
    ITEM_RESTORED("itemRestored", StreamId.Kind.TABLE, 1),
    /** Made by {@code publishResult}: a closed vote's result, shown to the members. */
    RESULT_PUBLISHED("resultPublished", StreamId.Kind.TABLE, 1),
    /** Made by {@code setVideoLink}: the table's video-call link, {@code url} (absent when cleared). */
    VIDEO_LINK_SET("videoLinkSet", StreamId.Kind.TABLE, 1),

    // On a table's stream: the speaking queue.
    HAND_RAISED("handRaised", StreamId.Kind.TABLE, 1),
    HAND_LOWERED("handLowered", StreamId.Kind.TABLE, 1),
    FLOOR_GIVEN("floorGiven", StreamId.Kind.TABLE, 1),
    TURN_ENDED("turnEnded", StreamId.Kind.TABLE, 1),
    QUEUE_REORDERED("queueReordered", StreamId.Kind.TABLE, 1),

    // On a session's stream: the plenary.
    DRAFT_PROMOTED("draftPromoted", StreamId.Kind.SESSION, 1),
    DRAFT_EDITED("draftEdited", StreamId.Kind.SESSION, 1),
    DRAFTS_MERGED("draftsMerged", StreamId.Kind.SESSION, 1),
    DRAFT_WITHDRAWN("draftWithdrawn", StreamId.Kind.SESSION, 1),
    FINAL_VOTE_OPENED("finalVoteOpened", StreamId.Kind.SESSION, 1),
    FINAL_BALLOT_CAST("finalBallotCast", StreamId.Kind.SESSION, 1),
    FINAL_VOTE_CLOSED("finalVoteClosed", StreamId.Kind.SESSION, 1),
    /** Recorded by an administrator through the admin API, not by a client command. */
    ANSWER_RECORDED("answerRecorded", StreamId.Kind.SESSION, 1),
    REPORT_PUBLISHED("reportPublished", StreamId.Kind.SESSION, 1),
    REPORT_UNPUBLISHED("reportUnpublished", StreamId.Kind.SESSION, 1),

    // On a session's stream: the facilitators' control channel.
    AGENDA_SET("agendaSet", StreamId.Kind.SESSION, 1),
    /** The session's phase, or one table's own sub-phase, changed. */
    PHASE_CHANGED("phaseChanged", StreamId.Kind.SESSION, 1),
    TIMER_STARTED("timerStarted", StreamId.Kind.SESSION, 1),
    TIMER_PAUSED("timerPaused", StreamId.Kind.SESSION, 1),
    TIMER_RESUMED("timerResumed", StreamId.Kind.SESSION, 1),
    TIMER_EXTENDED("timerExtended", StreamId.Kind.SESSION, 1),
    TIMER_CANCELLED("timerCancelled", StreamId.Kind.SESSION, 1),
    /** Made by the server's clock, not by a command: {@code by} is null. */
    TIMER_ELAPSED("timerElapsed", StreamId.Kind.SESSION, 1),
    ANNOUNCED("announced", StreamId.Kind.SESSION, 1),
    MEMBER_MOVED("memberMoved", StreamId.Kind.SESSION, 1);

    private static final Map<String, EventKind> BY_WIRE = new HashMap<>();

    static {
        for (EventKind kind : values()) {
            if (BY_WIRE.put(kind.wire, kind) != null) {
                throw new ExceptionInInitializerError("two event kinds are called " + kind.wire);
            }
        }
    }

    private final String wire;
    private final StreamId.Kind stream;
    private final int version;

    EventKind(String wire, StreamId.Kind stream, int version) {
        this.wire = wire;
        this.stream = stream;
        this.version = version;
    }

    /** The kind's name on the wire and in the journal, e.g. {@code proposed}. */
    public String wire() {
        return wire;
    }

    /** The kind of stream the kind's events are on. */
    public StreamId.Kind stream() {
        return stream;
    }

    /** The current version of the kind's {@code data} schema, from 1. */
    public int version() {
        return version;
    }

    /** The kind a wire name names, or empty for a kind this version does not know. */
    public static Optional<EventKind> ofWire(String wire) {
        return Optional.ofNullable(BY_WIRE.get(wire));
    }

    @Override
    public String toString() {
        return wire;
    }
}
