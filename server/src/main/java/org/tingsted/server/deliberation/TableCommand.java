package org.tingsted.server.deliberation;

import java.util.List;

/**
 * Something a person asks of a table's board. Commands come from clients, so any field may be
 * missing (null); {@link Table#decide} answers that with a rejection rather than an exception.
 * The commands of the speaking queue that depend on the time are {@link Timed}: the server
 * stamps them, and {@code decide} refuses one that was not stamped.
 */
public sealed interface TableCommand extends Command {

  /** Put a new proposal on the board. */
  record Propose(String title, String text) implements TableCommand {}

  /**
   * Change a proposal's title and/or text; null keeps the current value. {@code version} is the
   * version the author was looking at, so that an edit made on an outdated copy is refused.
   */
  record EditProposal(String proposal, int version, String title, String text)
      implements TableCommand {}

  /** The author takes back their proposal; it stays on the board, marked withdrawn. */
  record WithdrawProposal(String proposal) implements TableCommand {}

  /** Comment on a proposal, or reply (one level deep) to a top-level comment on it. */
  record AddComment(String proposal, CommentKind kind, String text, String replyTo)
      implements TableCommand {}

  /** Start a named cluster, optionally with proposals taken from wherever they are now. */
  record CreateCluster(String name, List<String> proposals) implements TableCommand {
    public CreateCluster {
      proposals = Frozen.listOrNull(proposals);
    }
  }

  /** Give a cluster a new name. */
  record RenameCluster(String cluster, String name) implements TableCommand {}

  /** Move a proposal into a cluster, or out of any cluster when {@code cluster} is null. */
  record MoveToCluster(String proposal, String cluster) implements TableCommand {}

  /** Move all of {@code from}'s proposals into {@code into}; {@code from} disappears. */
  record MergeClusters(String from, String into) implements TableCommand {}

  /** Remove a cluster; its proposals become unclustered. */
  record DissolveCluster(String cluster) implements TableCommand {}

  /**
   * Open a vote on proposals and clusters. {@code dotsPerMember} and {@code capPerItem} apply to
   * dot voting only and must be 0 for the other methods.
   */
  record OpenVote(VoteMethod method, List<String> items, int dotsPerMember, int capPerItem)
      implements TableCommand {
    public OpenVote {
      items = Frozen.listOrNull(items);
    }
  }

  /** Cast a ballot; casting again while the vote is open replaces the earlier ballot. */
  record CastBallot(String vote, Ballot ballot) implements TableCommand {}

  /** Close a vote and count it. */
  record CloseVote(String vote) implements TableCommand {}

  /** Hide a proposal or comment from members, with a reason facilitators can read. */
  record HideItem(String item, String reason) implements TableCommand {}

  /** Show a hidden proposal or comment again, with a reason facilitators can read. */
  record RestoreItem(String item, String reason) implements TableCommand {}

  /** Show a closed vote's result to the members; facilitators see it as soon as the vote closes. */
  record PublishResult(String vote) implements TableCommand {}

  /** Ask to speak: join the end of the speaking queue. */
  record RaiseHand() implements TableCommand {}

  /**
   * Leave the speaking queue: one's own hand when {@code member} is null or one's own id;
   * another member's hand (facilitators only) otherwise.
   */
  record LowerHand(String member) implements TableCommand {}

  /**
   * Give the floor to {@code member}, who must be in the queue, or to the first in the queue
   * when {@code member} is null. They leave the queue; a turn still running ends first.
   */
  record GiveFloor(String member, long now) implements TableCommand, Timed {
    @Override
    public GiveFloor at(long time) {
      return new GiveFloor(member, time);
    }
  }

  /** End the turn of whoever has the floor; a facilitator or the speaker may. */
  record EndTurn(long now) implements TableCommand, Timed {
    @Override
    public EndTurn at(long time) {
      return new EndTurn(time);
    }
  }

  /** Put the queue in this order, which must name exactly the members in it, each once. */
  record ReorderQueue(List<String> order) implements TableCommand {
    public ReorderQueue {
      order = Frozen.listOrNull(order);
    }
  }

  /**
   * Order the queue by speaking time so far, least first; those who have not spoken count as
   * zero, and equal times keep their order.
   */
  record FavourLeastHeard() implements TableCommand {}

  /**
   * Sets the table's video-call link that remote members open (facilitators only); null clears
   * it. Only https links, at most {@link Limits#VIDEO_LINK} characters.
   */
  record SetVideoLink(String url) implements TableCommand {}
}
