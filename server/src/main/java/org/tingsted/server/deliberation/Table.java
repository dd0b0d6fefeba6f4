package org.tingsted.server.deliberation;

import static org.tingsted.server.deliberation.Rejection.Reason.CONFLICT;
import static org.tingsted.server.deliberation.Rejection.Reason.FORBIDDEN;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;
import static org.tingsted.server.deliberation.Rejection.Reason.NOT_FOUND;
import static org.tingsted.server.deliberation.Rejection.Reason.TOO_LARGE;
import static org.tingsted.server.deliberation.Rules.accept;
import static org.tingsted.server.deliberation.Rules.alreadyClosed;
import static org.tingsted.server.deliberation.Rules.editedWords;
import static org.tingsted.server.deliberation.Rules.incomplete;
import static org.tingsted.server.deliberation.Rules.listEntry;
import static org.tingsted.server.deliberation.Rules.mergeEnds;
import static org.tingsted.server.deliberation.Rules.notFound;
import static org.tingsted.server.deliberation.Rules.outdated;
import static org.tingsted.server.deliberation.Rules.reject;
import static org.tingsted.server.deliberation.Rules.text;
import static org.tingsted.server.deliberation.Rules.tooManyItems;
import static org.tingsted.server.deliberation.Rules.unknownCommand;
import static org.tingsted.server.deliberation.Rules.votingClosed;
import static org.tingsted.server.deliberation.Rules.words;

import org.tingsted.protocol.Limits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tingsted.server.deliberation.Decision.Rejected;
import org.tingsted.server.deliberation.TableCommand.AddComment;
import org.tingsted.server.deliberation.TableCommand.CastBallot;
import org.tingsted.server.deliberation.TableCommand.CloseVote;
import org.tingsted.server.deliberation.TableCommand.CreateCluster;
import org.tingsted.server.deliberation.TableCommand.DissolveCluster;
import org.tingsted.server.deliberation.TableCommand.EditProposal;
import org.tingsted.server.deliberation.TableCommand.EndTurn;
import org.tingsted.server.deliberation.TableCommand.FavourLeastHeard;
import org.tingsted.server.deliberation.TableCommand.GiveFloor;
import org.tingsted.server.deliberation.TableCommand.HideItem;
import org.tingsted.server.deliberation.TableCommand.LowerHand;
import org.tingsted.server.deliberation.TableCommand.MergeClusters;
import org.tingsted.server.deliberation.TableCommand.MoveToCluster;
import org.tingsted.server.deliberation.TableCommand.OpenVote;
import org.tingsted.server.deliberation.TableCommand.Propose;
import org.tingsted.server.deliberation.TableCommand.PublishResult;
import org.tingsted.server.deliberation.TableCommand.RaiseHand;
import org.tingsted.server.deliberation.TableCommand.RenameCluster;
import org.tingsted.server.deliberation.TableCommand.ReorderQueue;
import org.tingsted.server.deliberation.TableCommand.RestoreItem;
import org.tingsted.server.deliberation.TableCommand.WithdrawProposal;
import org.tingsted.server.deliberation.TableEvent.BallotCast;
import org.tingsted.server.deliberation.TableEvent.ClusterCreated;
import org.tingsted.server.deliberation.TableEvent.ClusterDissolved;
import org.tingsted.server.deliberation.TableEvent.ClusterRenamed;
import org.tingsted.server.deliberation.TableEvent.ClustersMerged;
import org.tingsted.server.deliberation.TableEvent.Commented;
import org.tingsted.server.deliberation.TableEvent.FloorGiven;
import org.tingsted.server.deliberation.TableEvent.HandLowered;
import org.tingsted.server.deliberation.TableEvent.HandRaised;
import org.tingsted.server.deliberation.TableEvent.ItemHidden;
import org.tingsted.server.deliberation.TableEvent.ItemRestored;
import org.tingsted.server.deliberation.TableEvent.ProposalEdited;
import org.tingsted.server.deliberation.TableEvent.ProposalMoved;
import org.tingsted.server.deliberation.TableEvent.ProposalWithdrawn;
import org.tingsted.server.deliberation.TableEvent.Proposed;
import org.tingsted.server.deliberation.TableEvent.QueueReordered;
import org.tingsted.server.deliberation.TableEvent.ResultPublished;
import org.tingsted.server.deliberation.TableEvent.TurnEnded;
import org.tingsted.server.deliberation.TableEvent.VoteClosed;
import org.tingsted.server.deliberation.TableEvent.VoteOpened;

/**
 * The rules of a table's board: {@link #decide} checks a command against the board and the actor
 * and says which events it causes; {@link #evolve} applies one event.
 *
 * <p>Who may do what:
 *
 * <ul>
 *   <li>Observers may do nothing.
 *   <li>Members and facilitators propose, comment and cluster. Only a proposal's author may edit
 *       or withdraw it.
 *   <li>Only facilitators open and close votes, publish their results and hide and restore
 *       items; only members vote.
 *   <li>Members and facilitators raise and lower their hands; only facilitators give the floor,
 *       reorder the queue and lower others' hands. A turn is ended by a facilitator or the
 *       speaker. The rules of the queue are in {@code SpeakingQueue}.
 * </ul>
 *
 * <p>Decisions about the board that the commands alone do not settle:
 *
 * <ul>
 *   <li>A withdrawn proposal stays in its cluster and keeps its comments; it can no longer be
 *       edited, commented on or put to a vote, but it may still be moved or clustered. A hidden
 *       proposal can be neither: members cannot see it, so they must not rearrange it.
 *   <li>A comment cannot be added to a withdrawn or hidden proposal, nor as a reply to a hidden
 *       comment.
 *   <li>A cluster that is an item of an open vote cannot be merged away or dissolved, because the
 *       ballots already cast name it. Moving proposals in and out of it is allowed.
 *   <li>Texts are stored stripped of surrounding whitespace.
 * </ul>
 *
 * <p>{@code decide} never throws and never changes anything: every problem with a command,
 * including missing fields, is answered with a {@link Rejection}.
 */
public final class Table {
  private Table() {}

  /** Checks a command and returns the events it causes, or why it is refused. */
  public static Decision<TableEvent> decide(Board board, TableCommand command, Actor actor) {
    Decision<TableEvent> incomplete = incomplete(board, "board", command, actor);
    if (incomplete != null) {
      return incomplete;
    }
    if (actor.role() == Role.OBSERVER) {
      return reject(FORBIDDEN, "observers can follow the table but not take part");
    }
    if (actor.role() == Role.ADMINISTRATOR || actor.role() == Role.SERVER) {
      return reject(FORBIDDEN, "administrators and the server do not take part at a table");
    }
    if (command instanceof Timed timed && timed.now() <= 0) {
      return reject(INVALID, "the command carries no time; the server stamps it before deciding");
    }
    if (command instanceof Propose c) {
      return propose(board, c, actor);
    } else if (command instanceof EditProposal c) {
      return edit(board, c, actor);
    } else if (command instanceof WithdrawProposal c) {
      return withdraw(board, c, actor);
    } else if (command instanceof AddComment c) {
      return comment(board, c, actor);
    } else if (command instanceof CreateCluster c) {
      return createCluster(board, c);
    } else if (command instanceof RenameCluster c) {
      return renameCluster(board, c);
    } else if (command instanceof MoveToCluster c) {
      return move(board, c);
    } else if (command instanceof MergeClusters c) {
      return merge(board, c);
    } else if (command instanceof DissolveCluster c) {
      return dissolve(board, c);
    } else if (command instanceof OpenVote c) {
      return openVote(board, c, actor);
    } else if (command instanceof CastBallot c) {
      return castBallot(board, c, actor);
    } else if (command instanceof CloseVote c) {
      return closeVote(board, c, actor);
    } else if (command instanceof HideItem c) {
      return hide(board, c, actor);
    } else if (command instanceof RestoreItem c) {
      return restore(board, c, actor);
    } else if (command instanceof PublishResult c) {
      return publishResult(board, c, actor);
    } else if (command instanceof TableCommand.SetVideoLink c) {
      return setVideoLink(board, c, actor);
    } else if (command instanceof RaiseHand) {
      return SpeakingQueue.raiseHand(board, actor);
    } else if (command instanceof LowerHand c) {
      return SpeakingQueue.lowerHand(board, c, actor);
    } else if (command instanceof GiveFloor c) {
      return SpeakingQueue.giveFloor(board, c, actor);
    } else if (command instanceof EndTurn c) {
      return SpeakingQueue.endTurn(board, c, actor);
    } else if (command instanceof ReorderQueue c) {
      return SpeakingQueue.reorder(board, c, actor);
    } else if (command instanceof FavourLeastHeard) {
      return SpeakingQueue.favourLeastHeard(board, actor);
    }
    return unknownCommand(command);
  }

  private static Decision<TableEvent> propose(Board board, Propose c, Actor actor) {
    Rejection wrong = words(c.title(), c.text(), "proposal text");
    if (wrong != null) {
      return new Rejected<>(wrong);
    }
    Rejection full = Capacity.proposal(board, actor.member(), Capacity.size(c.title()) + Capacity.size(c.text()));
    if (full != null) {
      return new Rejected<>(full);
    }
    String id = "p" + (board.proposalsMade() + 1);
    return accept(new Proposed(id, actor.member(), c.title().strip(), c.text().strip()));
  }

  private static Decision<TableEvent> edit(Board board, EditProposal c, Actor actor) {
    if (c.proposal() == null) {
      return reject(INVALID, "say which proposal to edit");
    }
    Rejection wrong = editedWords(c.title(), c.text(), "proposal text");
    if (wrong != null) {
      return new Rejected<>(wrong);
    }
    Proposal proposal = board.proposals().get(c.proposal());
    if (proposal == null) {
      return notFound("proposal", c.proposal());
    }
    if (!proposal.author().equals(actor.member())) {
      return reject(FORBIDDEN, "only the author of proposal " + proposal.id() + " may edit it");
    }
    Decision<TableEvent> closed = mustBeOpen(proposal, "edited");
    if (closed != null) {
      return closed;
    }
    if (c.version() != proposal.version()) {
      return outdated("proposal", proposal.id(), proposal.version(), c.version());
    }
    String title = c.title() == null ? proposal.title() : c.title().strip();
    String text = c.text() == null ? proposal.text() : c.text().strip();
    Rejection full = Capacity.edit(board, actor.member(), Capacity.size(title) + Capacity.size(text)
        - Capacity.size(proposal.title()) - Capacity.size(proposal.text()));
    if (full != null) {
      return new Rejected<>(full);
    }
    return accept(new ProposalEdited(proposal.id(), proposal.version() + 1, title, text));
  }

  private static Decision<TableEvent> withdraw(Board board, WithdrawProposal c, Actor actor) {
    if (c.proposal() == null) {
      return reject(INVALID, "say which proposal to withdraw");
    }
    Proposal proposal = board.proposals().get(c.proposal());
    if (proposal == null) {
      return notFound("proposal", c.proposal());
    }
    if (!proposal.author().equals(actor.member())) {
      return reject(FORBIDDEN,
          "only the author of proposal " + proposal.id() + " may withdraw it");
    }
    Decision<TableEvent> closed = mustBeOpen(proposal, "withdrawn");
    return closed != null ? closed : accept(new ProposalWithdrawn(proposal.id()));
  }

  private static Decision<TableEvent> comment(Board board, AddComment c, Actor actor) {
    if (c.proposal() == null) {
      return reject(INVALID, "say which proposal the comment is about");
    }
    if (c.kind() == null) {
      return reject(INVALID, "say whether the comment is support, a concern, a question or other");
    }
    Rejection wrong = text("comment", c.text(), Limits.COMMENT);
    if (wrong != null) {
      return new Rejected<>(wrong);
    }
    Proposal proposal = board.proposals().get(c.proposal());
    if (proposal == null) {
      return notFound("proposal", c.proposal());
    }
    Decision<TableEvent> closed = mustBeOpen(proposal, "commented on");
    if (closed != null) {
      return closed;
    }
    if (c.replyTo() != null) {
      Comment parent = board.comments().get(c.replyTo());
      if (parent == null) {
        return notFound("comment", c.replyTo());
      }
      if (!parent.proposal().equals(proposal.id())) {
        return reject(INVALID, "comment " + parent.id() + " is about proposal "
            + parent.proposal() + ", not " + proposal.id());
      }
      if (parent.replyTo() != null) {
        return reject(INVALID, "comment " + parent.id()
            + " is itself a reply; reply to comment " + parent.replyTo() + " instead");
      }
      if (parent.hidden()) {
        return reject(CONFLICT, "comment " + parent.id() + " is hidden");
      }
    }
    Rejection full = Capacity.comment(board, actor.member(), Capacity.size(c.text()));
    if (full != null) {
      return new Rejected<>(full);
    }
    String id = "c" + (board.commentsMade() + 1);
    return accept(new Commented(
        id, proposal.id(), actor.member(), c.kind(), c.text().strip(), c.replyTo()));
  }

  private static Decision<TableEvent> createCluster(Board board, CreateCluster c) {
    Rejection wrong = text("cluster name", c.name(), Limits.CLUSTER_NAME);
    if (wrong != null) {
      return new Rejected<>(wrong);
    }
    if (c.proposals() == null) {
      return reject(INVALID, "give the list of proposals for the cluster (it may be empty)");
    }
    Set<String> seen = new HashSet<>();
    for (String id : c.proposals()) {
      Rejection entry = listEntry("proposals", seen, id, "proposal");
      if (entry != null) {
        return new Rejected<>(entry);
      }
      Decision<TableEvent> cannot = movable(board, id);
      if (cannot != null) {
        return cannot;
      }
    }
    Rejection full = Capacity.cluster(board, Capacity.size(c.name()));
    if (full != null) {
      return new Rejected<>(full);
    }
    String id = "k" + (board.clustersMade() + 1);
    return accept(new ClusterCreated(id, c.name().strip(), c.proposals()));
  }

  private static Decision<TableEvent> renameCluster(Board board, RenameCluster c) {
    if (c.cluster() == null) {
      return reject(INVALID, "say which cluster to rename");
    }
    Rejection wrong = text("cluster name", c.name(), Limits.CLUSTER_NAME);
    if (wrong != null) {
      return new Rejected<>(wrong);
    }
    if (!board.clusters().containsKey(c.cluster())) {
      return notFound("cluster", c.cluster());
    }
    Rejection full = Capacity.rename(board, Capacity.size(c.name()) - Capacity.size(board.clusters().get(c.cluster()).name()));
    if (full != null) {
      return new Rejected<>(full);
    }
    return accept(new ClusterRenamed(c.cluster(), c.name().strip()));
  }

  private static Decision<TableEvent> move(Board board, MoveToCluster c) {
    if (c.proposal() == null) {
      return reject(INVALID, "say which proposal to move");
    }
    Decision<TableEvent> cannot = movable(board, c.proposal());
    if (cannot != null) {
      return cannot;
    }
    if (c.cluster() != null && !board.clusters().containsKey(c.cluster())) {
      return notFound("cluster", c.cluster());
    }
    Proposal proposal = board.proposals().get(c.proposal());
    if (Objects.equals(proposal.cluster(), c.cluster())) {
      return reject(INVALID, c.cluster() == null
          ? "proposal " + proposal.id() + " is not in a cluster"
          : "proposal " + proposal.id() + " is already in cluster " + c.cluster());
    }
    return accept(new ProposalMoved(proposal.id(), proposal.cluster(), c.cluster()));
  }

  private static Decision<TableEvent> merge(Board board, MergeClusters c) {
    Decision<TableEvent> ends = mergeEnds("cluster", c.from(), c.into());
    if (ends != null) {
      return ends;
    }
    for (String id : List.of(c.from(), c.into())) {
      if (!board.clusters().containsKey(id)) {
        return notFound("cluster", id);
      }
    }
    Decision<TableEvent> voting = notOnOpenVote(board, c.from(), "merged away");
    return voting != null ? voting : accept(new ClustersMerged(c.from(), c.into()));
  }

  private static Decision<TableEvent> dissolve(Board board, DissolveCluster c) {
    if (c.cluster() == null) {
      return reject(INVALID, "say which cluster to dissolve");
    }
    if (!board.clusters().containsKey(c.cluster())) {
      return notFound("cluster", c.cluster());
    }
    Decision<TableEvent> voting = notOnOpenVote(board, c.cluster(), "dissolved");
    return voting != null ? voting : accept(new ClusterDissolved(c.cluster()));
  }

  private static Decision<TableEvent> openVote(Board board, OpenVote c, Actor actor) {
    if (!actor.role().facilitates()) {
      return reject(FORBIDDEN, "only a facilitator may open a vote");
    }
    if (c.method() == null) {
      return reject(INVALID, "say how to vote: dots, ranking or scale");
    }
    if (c.items() == null || c.items().isEmpty()) {
      return reject(INVALID, "a vote needs at least one proposal or cluster");
    }
    Decision<TableEvent> tooMany = tooManyItems("vote", "items", c.items().size());
    if (tooMany != null) {
      return tooMany;
    }
    if (c.method() == VoteMethod.RANKING && c.items().size() < 2) {
      return reject(INVALID, "a ranking needs at least two items");
    }
    if (c.method() == VoteMethod.DOTS) {
      if (c.dotsPerMember() < 1) {
        return reject(INVALID, "each member needs at least one dot");
      }
      if (c.dotsPerMember() > Limits.DOTS_PER_MEMBER) {
        return reject(TOO_LARGE, "each member may have at most " + Limits.DOTS_PER_MEMBER
            + " dots, not " + c.dotsPerMember());
      }
      if (c.capPerItem() < 1 || c.capPerItem() > c.dotsPerMember()) {
        return reject(INVALID, "the most dots on one item must be between 1 and "
            + c.dotsPerMember() + ", not " + c.capPerItem());
      }
    } else if (c.dotsPerMember() != 0 || c.capPerItem() != 0) {
      return reject(INVALID, "dots per member and dots per item only apply to dot voting");
    }
    Set<String> seen = new HashSet<>();
    for (String item : c.items()) {
      Rejection entry = listEntry("items", seen, item, null);
      if (entry != null) {
        return new Rejected<>(entry);
      }
      if (board.clusters().containsKey(item)) {
        continue;
      }
      Proposal proposal = board.proposals().get(item);
      if (proposal == null) {
        return reject(NOT_FOUND, "there is no proposal or cluster " + item);
      }
      Decision<TableEvent> closed = mustBeOpen(proposal, "put to a vote");
      if (closed != null) {
        return closed;
      }
    }
    String id = "v" + (board.votesOpened() + 1);
    return accept(new VoteOpened(id, c.method(), c.items(), c.dotsPerMember(), c.capPerItem()));
  }

  private static Decision<TableEvent> castBallot(Board board, CastBallot c, Actor actor) {
    if (actor.role() != Role.MEMBER) {
      return reject(FORBIDDEN, "facilitators run the vote and do not vote");
    }
    if (c.vote() == null) {
      return reject(INVALID, "say which vote the ballot is for");
    }
    if (c.ballot() == null) {
      return reject(INVALID, "the ballot is missing");
    }
    Vote vote = board.votes().get(c.vote());
    if (vote == null) {
      return notFound("vote", c.vote());
    }
    if (vote.status() == VoteStatus.CLOSED) {
      return votingClosed("vote", vote.id());
    }
    String wrong = BallotRules.check(vote, c.ballot());
    if (wrong != null) {
      return reject(INVALID, wrong);
    }
    int ballots = vote.ballots().size() + (vote.ballots().containsKey(actor.member()) ? 0 : 1);
    return accept(new BallotCast(vote.id(), actor.member(), c.ballot(), ballots));
  }

  private static Decision<TableEvent> closeVote(Board board, CloseVote c, Actor actor) {
    if (!actor.role().facilitates()) {
      return reject(FORBIDDEN, "only a facilitator may close a vote");
    }
    if (c.vote() == null) {
      return reject(INVALID, "say which vote to close");
    }
    Vote vote = board.votes().get(c.vote());
    if (vote == null) {
      return notFound("vote", c.vote());
    }
    if (vote.status() == VoteStatus.CLOSED) {
      return alreadyClosed("vote", vote.id());
    }
    return accept(new VoteClosed(vote.id(), Tally.of(vote)));
  }

  private static Decision<TableEvent> setVideoLink(Board board, TableCommand.SetVideoLink c, Actor actor) {
    if (!actor.role().facilitates()) {
      return reject(FORBIDDEN, "only a facilitator may set the table's video-call link");
    }
    String url = c.url() == null || c.url().isBlank() ? null : c.url().strip();
    if (url != null && Limits.characters(url) > Limits.VIDEO_LINK) {
      return reject(TOO_LARGE, "the link is " + Limits.characters(url) + " characters long; at most " + Limits.VIDEO_LINK + " are allowed");
    }
    // Only https: the link is opened by members from their tablets, never anything else.
    if (url != null && !(url.startsWith("https://") && url.length() > "https://".length() && url.chars().noneMatch(Character::isWhitespace))) {
      return reject(INVALID, "a video-call link must be an https:// address");
    }
    if (java.util.Objects.equals(url, board.videoLink())) {
      return reject(CONFLICT, url == null ? "the table has no video-call link" : "the table has this video-call link already");
    }
    return accept(new TableEvent.VideoLinkSet(url));
  }

  private static Decision<TableEvent> publishResult(Board board, PublishResult c, Actor actor) {
    if (!actor.role().facilitates()) {
      return reject(FORBIDDEN, "only a facilitator may publish a vote's result");
    }
    if (c.vote() == null) {
      return reject(INVALID, "say which vote's result to publish");
    }
    Vote vote = board.votes().get(c.vote());
    if (vote == null) {
      return notFound("vote", c.vote());
    }
    if (vote.status() == VoteStatus.OPEN) {
      return reject(CONFLICT, "vote " + vote.id() + " is still open; close it first");
    }
    if (vote.published()) {
      return reject(CONFLICT, "the result of vote " + vote.id() + " is already published");
    }
    return accept(new ResultPublished(vote.id(), vote.result()));
  }

  private static Decision<TableEvent> hide(Board board, HideItem c, Actor actor) {
    Decision<TableEvent> wrong = moderation(board, c.item(), c.reason(), actor, "hide");
    if (wrong != null) {
      return wrong;
    }
    if (hidden(board, c.item())) {
      return reject(CONFLICT, c.item() + " is already hidden");
    }
    return accept(new ItemHidden(c.item(), c.reason().strip(), actor.member()));
  }

  private static Decision<TableEvent> restore(Board board, RestoreItem c, Actor actor) {
    Decision<TableEvent> wrong = moderation(board, c.item(), c.reason(), actor, "restore");
    if (wrong != null) {
      return wrong;
    }
    if (!hidden(board, c.item())) {
      return reject(CONFLICT, c.item() + " is not hidden");
    }
    return accept(new ItemRestored(c.item(), c.reason().strip(), actor.member()));
  }

  private static Decision<TableEvent> moderation(
      Board board, String item, String reason, Actor actor, String verb) {
    if (!actor.role().facilitates()) {
      return reject(FORBIDDEN, "only a facilitator may " + verb + " items");
    }
    if (item == null) {
      return reject(INVALID, "say which proposal or comment to " + verb);
    }
    Rejection wrong = text("reason", reason, Limits.REASON);
    if (wrong != null) {
      return new Rejected<>(wrong);
    }
    if (!board.proposals().containsKey(item) && !board.comments().containsKey(item)) {
      return reject(NOT_FOUND, "there is no proposal or comment " + item);
    }
    return null;
  }

  private static boolean hidden(Board board, String item) {
    Proposal proposal = board.proposals().get(item);
    return proposal != null
        ? proposal.status() == ProposalStatus.HIDDEN
        : board.comments().get(item).hidden();
  }

  private static Decision<TableEvent> movable(Board board, String id) {
    Proposal proposal = board.proposals().get(id);
    if (proposal == null) {
      return notFound("proposal", id);
    }
    if (proposal.status() == ProposalStatus.HIDDEN) {
      return reject(CONFLICT, "proposal " + id + " is hidden and cannot be clustered");
    }
    return null;
  }

  private static Decision<TableEvent> mustBeOpen(Proposal proposal, String verb) {
    if (proposal.status() == ProposalStatus.OPEN) {
      return null;
    }
    String state = proposal.status() == ProposalStatus.HIDDEN ? "hidden" : "withdrawn";
    return reject(CONFLICT,
        "proposal " + proposal.id() + " is " + state + " and cannot be " + verb);
  }

  private static Decision<TableEvent> notOnOpenVote(Board board, String cluster, String verb) {
    for (Vote vote : board.votes().values()) {
      if (vote.status() == VoteStatus.OPEN && vote.items().contains(cluster)) {
        return reject(CONFLICT, "cluster " + cluster + " is on the ballot of open vote "
            + vote.id() + " and cannot be " + verb);
      }
    }
    return null;
  }

  /**
   * Applies one event to the board. Events are trusted to come from {@link #decide} on the same
   * history; an event that does not fit the board is a corrupt journal and throws
   * IllegalArgumentException.
   */
  public static Board evolve(Board board, TableEvent event) {
    if (event instanceof Proposed e) {
      Map<String, Proposal> next = new LinkedHashMap<>(board.proposals());
      next.put(e.proposal(), new Proposal(e.proposal(), e.author(), e.title(), e.text(), 1,
          ProposalStatus.OPEN, null, null));
      return board.withProposals(next, board.proposalsMade() + 1);
    } else if (event instanceof ProposalEdited e) {
      Proposal p = proposal(board, e.proposal());
      return board.withProposal(new Proposal(p.id(), p.author(), e.title(), e.text(), e.version(),
          p.status(), p.statusBeforeHidden(), p.cluster()));
    } else if (event instanceof ProposalWithdrawn e) {
      return board.withProposal(
          proposal(board, e.proposal()).withStatus(ProposalStatus.WITHDRAWN, null));
    } else if (event instanceof Commented e) {
      Map<String, Comment> next = new LinkedHashMap<>(board.comments());
      next.put(e.comment(), new Comment(
          e.comment(), e.proposal(), e.author(), e.kind(), e.text(), e.replyTo(), false));
      return board.withComments(next, board.commentsMade() + 1);
    } else if (event instanceof ClusterCreated e) {
      Clustering clustering = new Clustering(board);
      clustering.clusters.put(e.cluster(), new Cluster(e.cluster(), e.name(), List.of()));
      for (String proposal : e.proposals()) {
        clustering.move(proposal, e.cluster());
      }
      return clustering.into(board, board.clustersMade() + 1);
    } else if (event instanceof ClusterRenamed e) {
      Clustering clustering = new Clustering(board);
      Cluster cluster = clustering.cluster(e.cluster());
      clustering.clusters.put(cluster.id(), new Cluster(cluster.id(), e.name(), cluster.proposals()));
      return clustering.into(board, board.clustersMade());
    } else if (event instanceof ProposalMoved e) {
      Clustering clustering = new Clustering(board);
      clustering.move(e.proposal(), e.to());
      return clustering.into(board, board.clustersMade());
    } else if (event instanceof ClustersMerged e) {
      Clustering clustering = new Clustering(board);
      clustering.cluster(e.into());
      for (String proposal : clustering.cluster(e.from()).proposals()) {
        clustering.move(proposal, e.into());
      }
      clustering.clusters.remove(e.from());
      return clustering.into(board, board.clustersMade());
    } else if (event instanceof ClusterDissolved e) {
      Clustering clustering = new Clustering(board);
      for (String proposal : clustering.cluster(e.cluster()).proposals()) {
        clustering.move(proposal, null);
      }
      clustering.clusters.remove(e.cluster());
      return clustering.into(board, board.clustersMade());
    } else if (event instanceof VoteOpened e) {
      Map<String, Vote> next = new LinkedHashMap<>(board.votes());
      next.put(e.vote(), new Vote(e.vote(), e.method(), e.items(), e.dotsPerMember(),
          e.capPerItem(), VoteStatus.OPEN, Map.of(), 0, null, false));
      return board.withVotes(next, board.votesOpened() + 1);
    } else if (event instanceof BallotCast e) {
      Vote vote = vote(board, e.vote());
      Map<String, Ballot> ballots = new LinkedHashMap<>(vote.ballots());
      ballots.put(e.voter(), e.ballot());
      // The count the event says, as every client takes it: on the full board it is the number
      // of ballots, and it stays right on a copy without others' ballots (a snapshot's).
      return board.withVote(vote.withBallots(ballots, e.ballots()));
    } else if (event instanceof VoteClosed e) {
      return board.withVote(vote(board, e.vote()).closed(e.result()));
    } else if (event instanceof ResultPublished e) {
      return board.withVote(vote(board, e.vote()).withResultPublished());
    } else if (event instanceof TableEvent.VideoLinkSet e) {
      return board.withVideoLink(e.url());
    } else if (event instanceof ItemHidden e) {
      Proposal p = board.proposals().get(e.item());
      if (p != null) {
        return board.withProposal(p.withStatus(ProposalStatus.HIDDEN, p.status()));
      }
      return board.withComment(comment(board, e.item()).withHidden(true));
    } else if (event instanceof ItemRestored e) {
      Proposal p = board.proposals().get(e.item());
      if (p != null) {
        return board.withProposal(p.withStatus(p.statusBeforeHidden(), null));
      }
      return board.withComment(comment(board, e.item()).withHidden(false));
    } else if (event instanceof HandRaised e) {
      return SpeakingQueue.raised(board, e);
    } else if (event instanceof HandLowered e) {
      return SpeakingQueue.lowered(board, e);
    } else if (event instanceof FloorGiven e) {
      return SpeakingQueue.floorGiven(board, e);
    } else if (event instanceof TurnEnded e) {
      return SpeakingQueue.turnEnded(board, e);
    } else if (event instanceof QueueReordered e) {
      return SpeakingQueue.reordered(board, e);
    }
    throw new IllegalArgumentException("unknown event " + event);
  }

  private static Proposal proposal(Board board, String id) {
    Proposal p = board.proposals().get(id);
    if (p == null) {
      throw new IllegalArgumentException("no proposal " + id + " on table " + board.table());
    }
    return p;
  }

  private static Comment comment(Board board, String id) {
    Comment c = board.comments().get(id);
    if (c == null) {
      throw new IllegalArgumentException("no comment " + id + " on table " + board.table());
    }
    return c;
  }

  private static Vote vote(Board board, String id) {
    Vote v = board.votes().get(id);
    if (v == null) {
      throw new IllegalArgumentException("no vote " + id + " on table " + board.table());
    }
    return v;
  }

  /**
   * Working copies of proposals and clusters, so that every clustering event goes through one
   * move that updates both sides, keeping Proposal.cluster and Cluster.proposals in agreement.
   */
  private static final class Clustering {
    final Map<String, Proposal> proposals;
    final Map<String, Cluster> clusters;

    Clustering(Board board) {
      proposals = new LinkedHashMap<>(board.proposals());
      clusters = new LinkedHashMap<>(board.clusters());
    }

    Cluster cluster(String id) {
      Cluster cluster = clusters.get(id);
      if (cluster == null) {
        throw new IllegalArgumentException("no cluster " + id);
      }
      return cluster;
    }

    void move(String proposalId, String to) {
      Proposal proposal = proposals.get(proposalId);
      if (proposal == null) {
        throw new IllegalArgumentException("no proposal " + proposalId);
      }
      if (proposal.cluster() != null) {
        Cluster from = cluster(proposal.cluster());
        List<String> rest = new ArrayList<>(from.proposals());
        rest.remove(proposalId);
        clusters.put(from.id(), new Cluster(from.id(), from.name(), rest));
      }
      if (to != null) {
        Cluster into = cluster(to);
        List<String> more = new ArrayList<>(into.proposals());
        more.add(proposalId);
        clusters.put(into.id(), new Cluster(into.id(), into.name(), more));
      }
      proposals.put(proposalId, proposal.withCluster(to));
    }

    Board into(Board board, int clustersMade) {
      return board.withClustering(proposals, clusters, clustersMade);
    }
  }
}
