package org.tingsted.server.deliberation;

import java.util.List;
import java.util.Map;

/**
 * Something that happened in a session's plenary. Events are self-contained: {@link
 * Plenary#evolve} needs only the board and the event, and every generated id is inside the
 * event, so replaying the same events always rebuilds the same board. An event's name on the wire
 * and in the journal is not its Java name: it is registered in {@code EventKind} and bound to
 * the record in {@code streams.EventKinds}, so a record may be renamed freely.
 */
public sealed interface SessionEvent extends Event {

  /** A draft was made from these sources; it starts open, at version 1. */
  record DraftPromoted(String draft, String title, String text, List<Source> sources)
      implements SessionEvent {
    public DraftPromoted {
      sources = Frozen.list(sources);
    }
  }

  /** A draft now has this full title and text, at this new version. */
  record DraftEdited(String draft, int version, String title, String text)
      implements SessionEvent {}

  /**
   * Draft {@code from} was merged into {@code into}, which now has this full title, text and list
   * of sources, at one version more.
   */
  record DraftsMerged(String from, String into, String title, String text, List<Source> sources)
      implements SessionEvent {
    public DraftsMerged {
      sources = Frozen.list(sources);
    }
  }

  /** A draft was withdrawn. */
  record DraftWithdrawn(String draft, String reason) implements SessionEvent {}

  /** A final vote was opened. */
  record FinalVoteOpened(String vote, List<String> drafts, double threshold, int electorate)
      implements SessionEvent {
    public FinalVoteOpened {
      drafts = Frozen.list(drafts);
    }
  }

  /**
   * A member cast (or replaced) their final ballot; {@code ballots} is how many members have
   * voted now. Other viewers receive it with {@code voter} and {@code choices} removed (see
   * {@link Plenary#eventFor}).
   */
  record FinalBallotCast(String vote, String voter, Map<String, Choice> choices, int ballots)
      implements SessionEvent {
    public FinalBallotCast {
      choices = Frozen.mapOrNull(choices);
    }
  }

  /** A final vote was closed with this result. */
  record FinalVoteClosed(String vote, FinalResult result) implements SessionEvent {}

  /** The City Council's answer to a draft was recorded, replacing any earlier one. */
  record AnswerRecorded(String draft, AnswerStatus status, String text, String date)
      implements SessionEvent {}

  /** The session's report was published. */
  record ReportPublished() implements SessionEvent {}

  /** The session's report was taken down. */
  record ReportUnpublished() implements SessionEvent {}

  /**
   * The day's agenda is now these items. The session stays at the same item number, or moves to
   * the last item when the agenda got shorter than that; nothing else changes.
   */
  record AgendaSet(List<AgendaItem> items) implements SessionEvent {
    public AgendaSet {
      items = Frozen.list(items);
    }
  }

  /**
   * A phase began. With {@code table} null, the session entered agenda item {@code index} (its
   * phase, title and planned seconds are copied here), and every table follows it again: the
   * tables' own sub-phases end. With a table, that table alone entered {@code phase}, with
   * {@code index} -1, {@code title} null and {@code seconds} 0, since a sub-phase is no agenda
   * item; {@code phase} null means the table follows the session again.
   */
  record PhaseChanged(int index, PhaseKind phase, String title, int seconds, String table)
      implements SessionEvent {}

  /** A timer started, running until {@code deadline} (ms since the epoch). */
  record TimerStarted(
      String timer, TimerScope scope, String label, String table, long deadline, int seconds)
      implements SessionEvent {}

  /** A timer stopped with {@code remainingMillis} left. */
  record TimerPaused(String timer, long remainingMillis) implements SessionEvent {}

  /** A paused timer runs again, until {@code deadline}. */
  record TimerResumed(String timer, long deadline) implements SessionEvent {}

  /**
   * A timer was given more time: its full length is now {@code seconds}, and it runs until
   * {@code deadline} when running, or has {@code remainingMillis} left when paused (the other
   * is 0).
   */
  record TimerExtended(String timer, int seconds, long deadline, long remainingMillis)
      implements SessionEvent {}

  /** A timer was stopped for good before it ran out. */
  record TimerCancelled(String timer) implements SessionEvent {}

  /** A timer ran out. */
  record TimerElapsed(String timer) implements SessionEvent {}

  /**
   * The lead facilitator told the room something; {@code tables} empty means every table. Only
   * the tables it is for see it (see {@link Plenary#eventFor}).
   */
  record Announced(String announcement, String text, List<String> tables, long at)
      implements SessionEvent {
    public Announced {
      tables = Frozen.list(tables);
    }
  }

  /** A member was moved from one table to another; the roster, not the plenary, keeps seats. */
  record MemberMoved(String member, String from, String to) implements SessionEvent {}
}
