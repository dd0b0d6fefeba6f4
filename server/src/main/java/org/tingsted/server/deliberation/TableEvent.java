package org.tingsted.server.deliberation;

import java.util.List;

/**
 * Something that happened on a table's board. Events are self-contained: {@link Table#evolve}
 * needs only the board and the event, and every generated id is inside the event, so replaying
 * the same events always rebuilds the same board. An event's name on the wire
 * and in the journal is not its Java name: it is registered in {@code EventKind} and bound to
 * the record in {@code streams.EventKinds}, so a record may be renamed freely.
 */
public sealed interface TableEvent extends Event {

  /** A proposal was made; it starts open, at version 1, outside any cluster. */
  record Proposed(String proposal, String author, String title, String text)
      implements TableEvent {}

  /** A proposal now has this full title and text, at this new version. */
  record ProposalEdited(String proposal, int version, String title, String text)
      implements TableEvent {}

  /** The author withdrew a proposal. */
  record ProposalWithdrawn(String proposal) implements TableEvent {}

  /** A comment was made; {@code replyTo} is the top-level comment it answers, or null. */
  record Commented(
      String comment, String proposal, String author, CommentKind kind, String text, String replyTo)
      implements TableEvent {}

  /** A cluster was created; the listed proposals left whatever cluster they were in. */
  record ClusterCreated(String cluster, String name, List<String> proposals)
      implements TableEvent {
    public ClusterCreated {
      proposals = Frozen.list(proposals);
    }
  }

  /** A cluster was renamed. */
  record ClusterRenamed(String cluster, String name) implements TableEvent {}

  /** A proposal moved from one cluster to another; null stands for "no cluster". */
  record ProposalMoved(String proposal, String from, String to) implements TableEvent {}

  /** All proposals of {@code from} joined {@code into}, after its own, and {@code from} is gone. */
  record ClustersMerged(String from, String into) implements TableEvent {}

  /** A cluster is gone and its proposals are unclustered. */
  record ClusterDissolved(String cluster) implements TableEvent {}

  /** A vote was opened. */
  record VoteOpened(
      String vote, VoteMethod method, List<String> items, int dotsPerMember, int capPerItem)
      implements TableEvent {
    public VoteOpened {
      items = Frozen.list(items);
    }
  }

  /**
   * A member cast (or replaced) their ballot; {@code ballots} is how many members have voted now.
   * Other viewers receive it with {@code voter} and {@code ballot} removed (see {@link
   * Visibility#eventFor}).
   */
  record BallotCast(String vote, String voter, Ballot ballot, int ballots) implements TableEvent {}

  /**
   * A vote was closed with this result. Only facilitators receive the result; others receive
   * the event with {@code result} null (see {@link Visibility#eventFor}) and the result itself
   * once it is published.
   */
  record VoteClosed(String vote, VoteResult result) implements TableEvent {}

  /** A facilitator ({@code by}) hid a proposal or comment. */
  record ItemHidden(String item, String reason, String by) implements TableEvent {}

  /** A facilitator ({@code by}) restored a hidden proposal or comment. */
  record ItemRestored(String item, String reason, String by) implements TableEvent {}

  /**
   * A facilitator showed a closed vote's result to the table. The members' copy of the board now
   * shows the vote's ballots too, so their clients fetch a fresh {@link Visibility#boardFor}.
   */
  record ResultPublished(String vote, VoteResult result) implements TableEvent {}

  /** A member joined the end of the speaking queue. */
  record HandRaised(String member) implements TableEvent {}

  /** A member left the speaking queue; {@code by} lowered the hand: they, or a facilitator. */
  record HandLowered(String member, String by) implements TableEvent {}

  /** A member took the floor at {@code at} (ms since the epoch) and left the queue. */
  record FloorGiven(String member, long at) implements TableEvent {}

  /** A turn ended after {@code millis}, which is added to the speaker's speaking time. */
  record TurnEnded(String member, long millis) implements TableEvent {}

  /** The speaking queue is now in this order. */
  record QueueReordered(List<String> queue) implements TableEvent {
    public QueueReordered {
      queue = Frozen.list(queue);
    }
  }

  /** The table's video-call link changed; null when it was cleared. */
  record VideoLinkSet(String url) implements TableEvent {}
}
