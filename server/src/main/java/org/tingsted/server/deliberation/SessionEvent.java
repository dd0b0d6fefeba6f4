package org.tingsted.server.deliberation;

import java.util.List;
import java.util.Map;

/**
 * Something that happened in a session's plenary. Events are self-contained: {@link
 * Plenary#evolve} needs only the board and the event, and every generated id is inside the
 * event, so replaying the same events always rebuilds the same board. The wire kind of an event
 * is its simple class name in lowerCamelCase, so these names are part of the protocol.
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
}
