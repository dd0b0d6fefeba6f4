package org.tingsted.server.deliberation;

import java.util.List;

/**
 * Something a person asks of a table's board. Commands come from clients, so any field may be
 * missing (null); {@link Table#decide} answers that with a rejection rather than an exception.
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
}
