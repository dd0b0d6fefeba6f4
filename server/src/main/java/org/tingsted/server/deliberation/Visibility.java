package org.tingsted.server.deliberation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tingsted.server.deliberation.TableEvent.BallotCast;
import org.tingsted.server.deliberation.TableEvent.Commented;
import org.tingsted.server.deliberation.TableEvent.ProposalEdited;
import org.tingsted.server.deliberation.TableEvent.VoteClosed;

/**
 * What each viewer may see of a board and its events.
 *
 * <ul>
 *   <li>A ballot in an open vote is seen only by the member who cast it; everyone sees how many
 *       members have voted. Once a vote is closed facilitators see its ballots and result; the
 *       others see them once a facilitator publishes the result. Until then they see the vote
 *       closed, with their own ballot and the count only, since the ballots would give the
 *       result away; a {@code VoteClosed} reaches them without its result.
 *   <li>Facilitators see hidden proposals and comments; nobody else does. For them a hidden
 *       proposal takes its comments with it, and a hidden comment its replies. Hidden proposals
 *       stay listed among a vote's items, as ids only, since the vote was opened on them.
 *   <li>The speaking queue, the floor and everyone's speaking time are seen by all.
 * </ul>
 *
 * <p>Events that reveal or withdraw content (an item hidden or restored) are passed on as they
 * are; a non-facilitator's client should fetch a fresh {@link #boardFor} copy after an
 * {@code ItemRestored}, since it never saw the content that comes back, and after a
 * {@code ResultPublished}, which brings the result but not the ballots.
 */
public final class Visibility {
  private Visibility() {}

  /** The board as this viewer may see it. */
  public static Board boardFor(Board board, Actor viewer) {
    String me = viewer.member();
    Map<String, Vote> votes = new LinkedHashMap<>();
    for (Vote vote : board.votes().values()) {
      boolean resultShown = vote.published() || viewer.role().facilitates();
      if (vote.status() == VoteStatus.OPEN || !resultShown) {
        Map<String, Ballot> own = new LinkedHashMap<>();
        if (vote.ballots().containsKey(me)) {
          own.put(me, vote.ballots().get(me));
        }
        vote = vote.withBallots(own, vote.ballotCount());
      }
      if (!resultShown && vote.result() != null) {
        vote = vote.withoutResult();
      }
      votes.put(vote.id(), vote);
    }
    if (viewer.role().facilitates()) {
      return board.withVotes(votes, board.votesOpened());
    }
    Map<String, Proposal> proposals = new LinkedHashMap<>();
    for (Proposal proposal : board.proposals().values()) {
      if (proposal.status() != ProposalStatus.HIDDEN) {
        proposals.put(proposal.id(), proposal);
      }
    }
    Map<String, Comment> comments = new LinkedHashMap<>();
    for (Comment comment : board.comments().values()) {
      if (visible(board, comment)) {
        comments.put(comment.id(), comment);
      }
    }
    Map<String, Cluster> clusters = new LinkedHashMap<>();
    for (Cluster cluster : board.clusters().values()) {
      List<String> shown = cluster.proposals().stream()
          .filter(proposals::containsKey)
          .collect(Collectors.toList());
      clusters.put(cluster.id(), new Cluster(cluster.id(), cluster.name(), shown));
    }
    return new Board(board.table(), board.proposalsMade(), board.commentsMade(),
        board.clustersMade(), board.votesOpened(), proposals, comments, clusters, votes,
        board.hands(), board.floor(), board.spokenMillis(), board.videoLink());
  }

  /**
   * The event as this viewer may see it, or null when they must not see it at all.
   *
   * @param before the full board the event applies to
   */
  public static TableEvent eventFor(Board before, TableEvent event, Actor viewer) {
    if (event instanceof BallotCast e && !e.voter().equals(viewer.member())) {
      return new BallotCast(e.vote(), null, null, e.ballots());
    }
    if (viewer.role().facilitates()) {
      return event;
    }
    if (event instanceof VoteClosed e) {
      return new VoteClosed(e.vote(), null);
    }
    if (event instanceof ProposalEdited e && hiddenProposal(before, e.proposal())) {
      return null;
    }
    if (event instanceof Commented e) {
      boolean hiddenParent = e.replyTo() != null && hiddenComment(before, e.replyTo());
      if (hiddenParent || hiddenProposal(before, e.proposal())) {
        return null;
      }
    }
    return event;
  }

  private static boolean visible(Board board, Comment comment) {
    if (comment.hidden() || hiddenProposal(board, comment.proposal())) {
      return false;
    }
    return comment.replyTo() == null || !hiddenComment(board, comment.replyTo());
  }

  private static boolean hiddenProposal(Board board, String id) {
    Proposal proposal = board.proposals().get(id);
    return proposal != null && proposal.status() == ProposalStatus.HIDDEN;
  }

  private static boolean hiddenComment(Board board, String id) {
    Comment comment = board.comments().get(id);
    return comment != null && comment.hidden();
  }
}
