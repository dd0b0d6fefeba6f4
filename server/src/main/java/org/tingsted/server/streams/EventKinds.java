package org.tingsted.server.streams;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tingsted.protocol.EventKind;
import org.tingsted.server.deliberation.Event;
import org.tingsted.server.deliberation.SessionEvent;
import org.tingsted.server.deliberation.TableEvent;

/**
 * Which record of the model each event kind of the registry ({@link EventKind}, in the protocol
 * module) is. This binding, written out by hand, is the only link between Java type names and
 * the names on the wire and in the journal: renaming a record changes nothing there.
 * {@code EventKindsTest} checks that every event record is bound, each to a kind of its own
 * stream, and every kind to one record.
 */
public final class EventKinds {

  private static final Map<Class<? extends Event>, EventKind> KINDS = Map.ofEntries(
      Map.entry(TableEvent.Proposed.class, EventKind.PROPOSED),
      Map.entry(TableEvent.ProposalEdited.class, EventKind.PROPOSAL_EDITED),
      Map.entry(TableEvent.ProposalWithdrawn.class, EventKind.PROPOSAL_WITHDRAWN),
      Map.entry(TableEvent.Commented.class, EventKind.COMMENTED),
      Map.entry(TableEvent.ClusterCreated.class, EventKind.CLUSTER_CREATED),
      Map.entry(TableEvent.ClusterRenamed.class, EventKind.CLUSTER_RENAMED),
      Map.entry(TableEvent.ProposalMoved.class, EventKind.PROPOSAL_MOVED),
      Map.entry(TableEvent.ClustersMerged.class, EventKind.CLUSTERS_MERGED),
      Map.entry(TableEvent.ClusterDissolved.class, EventKind.CLUSTER_DISSOLVED),
      Map.entry(TableEvent.VoteOpened.class, EventKind.VOTE_OPENED),
      Map.entry(TableEvent.BallotCast.class, EventKind.BALLOT_CAST),
      Map.entry(TableEvent.VoteClosed.class, EventKind.VOTE_CLOSED),
      Map.entry(TableEvent.ItemHidden.class, EventKind.ITEM_HIDDEN),
      Map.entry(TableEvent.ItemRestored.class, EventKind.ITEM_RESTORED),
      Map.entry(TableEvent.ResultPublished.class, EventKind.RESULT_PUBLISHED),
      Map.entry(TableEvent.HandRaised.class, EventKind.HAND_RAISED),
      Map.entry(TableEvent.HandLowered.class, EventKind.HAND_LOWERED),
      Map.entry(TableEvent.FloorGiven.class, EventKind.FLOOR_GIVEN),
      Map.entry(TableEvent.TurnEnded.class, EventKind.TURN_ENDED),
      Map.entry(TableEvent.QueueReordered.class, EventKind.QUEUE_REORDERED),
      Map.entry(TableEvent.VideoLinkSet.class, EventKind.VIDEO_LINK_SET),
      Map.entry(SessionEvent.DraftPromoted.class, EventKind.DRAFT_PROMOTED),
      Map.entry(SessionEvent.DraftEdited.class, EventKind.DRAFT_EDITED),
      Map.entry(SessionEvent.DraftsMerged.class, EventKind.DRAFTS_MERGED),
      Map.entry(SessionEvent.DraftWithdrawn.class, EventKind.DRAFT_WITHDRAWN),
      Map.entry(SessionEvent.FinalVoteOpened.class, EventKind.FINAL_VOTE_OPENED),
      Map.entry(SessionEvent.FinalBallotCast.class, EventKind.FINAL_BALLOT_CAST),
      Map.entry(SessionEvent.FinalVoteClosed.class, EventKind.FINAL_VOTE_CLOSED),
      Map.entry(SessionEvent.AnswerRecorded.class, EventKind.ANSWER_RECORDED),
      Map.entry(SessionEvent.ReportPublished.class, EventKind.REPORT_PUBLISHED),
      Map.entry(SessionEvent.ReportUnpublished.class, EventKind.REPORT_UNPUBLISHED),
      Map.entry(SessionEvent.AgendaSet.class, EventKind.AGENDA_SET),
      Map.entry(SessionEvent.PhaseChanged.class, EventKind.PHASE_CHANGED),
      Map.entry(SessionEvent.TimerStarted.class, EventKind.TIMER_STARTED),
      Map.entry(SessionEvent.TimerPaused.class, EventKind.TIMER_PAUSED),
      Map.entry(SessionEvent.TimerResumed.class, EventKind.TIMER_RESUMED),
      Map.entry(SessionEvent.TimerExtended.class, EventKind.TIMER_EXTENDED),
      Map.entry(SessionEvent.TimerCancelled.class, EventKind.TIMER_CANCELLED),
      Map.entry(SessionEvent.TimerElapsed.class, EventKind.TIMER_ELAPSED),
      Map.entry(SessionEvent.Announced.class, EventKind.ANNOUNCED),
      Map.entry(SessionEvent.MemberMoved.class, EventKind.MEMBER_MOVED));

  private static final Map<EventKind, Class<? extends Event>> TYPES = new LinkedHashMap<>();

  static {
    KINDS.forEach((type, kind) -> {
      if (TYPES.put(kind, type) != null) {
        throw new ExceptionInInitializerError("two records are bound to event kind " + kind);
      }
    });
  }

  private EventKinds() {
  }

  /** The kind of an event record. */
  public static EventKind of(Class<? extends Event> type) {
    EventKind kind = KINDS.get(type);
    if (kind == null) {
      throw new IllegalStateException(type.getName() + " is bound to no event kind in EventKinds");
    }
    return kind;
  }

  public static EventKind of(Event event) {
    return of(event.getClass());
  }

  /** The record of an event kind. */
  public static Class<? extends Event> typeOf(EventKind kind) {
    return TYPES.get(kind);
  }

  /** Every record that is bound, with its kind. */
  static Map<Class<? extends Event>, EventKind> all() {
    return KINDS;
  }
}
