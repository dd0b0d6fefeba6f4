package org.tingsted.server.deliberation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything on one table's board. The counters are how many proposals, comments, clusters and
 * votes were ever made, from which the next id is taken ("p3", "c12", "k2", "v1"); ids are never
 * reused, even after a cluster is merged away.
 *
 * <p>Maps keep insertion order, which is the order things happened in.
 *
 * @param hands the speaking queue: who has raised their hand, in the order they will be called
 * @param floor who is speaking, or null when nobody has the floor
 * @param spokenMillis each person's speaking time over all their finished turns, in the order
 *     they first spoke; the turn in progress is added when it ends
 */
public record Board(
    String table,
    int proposalsMade,
    int commentsMade,
    int clustersMade,
    int votesOpened,
    Map<String, Proposal> proposals,
    Map<String, Comment> comments,
    Map<String, Cluster> clusters,
    Map<String, Vote> votes,
    List<String> hands,
    Speaker floor,
    Map<String, Long> spokenMillis,
    String videoLink) implements State {

  public Board {
    proposals = Frozen.map(proposals);
    comments = Frozen.map(comments);
    clusters = Frozen.map(clusters);
    votes = Frozen.map(votes);
    hands = Frozen.list(hands);
    spokenMillis = Frozen.map(spokenMillis);
  }

  /** A board on which nothing has happened yet. */
  public static Board empty(String table) {
    return new Board(table, 0, 0, 0, 0, Map.of(), Map.of(), Map.of(), Map.of(),
        List.of(), null, Map.of(), null);
  }

  Board withProposals(Map<String, Proposal> next, int made) {
    return new Board(table, made, commentsMade, clustersMade, votesOpened, next, comments,
        clusters, votes, hands, floor, spokenMillis, videoLink);
  }

  Board withComments(Map<String, Comment> next, int made) {
    return new Board(table, proposalsMade, made, clustersMade, votesOpened, proposals, next,
        clusters, votes, hands, floor, spokenMillis, videoLink);
  }

  Board withClustering(Map<String, Proposal> nextProposals, Map<String, Cluster> nextClusters,
      int made) {
    return new Board(table, proposalsMade, commentsMade, made, votesOpened, nextProposals,
        comments, nextClusters, votes, hands, floor, spokenMillis, videoLink);
  }

  Board withVotes(Map<String, Vote> next, int opened) {
    return new Board(table, proposalsMade, commentsMade, clustersMade, opened, proposals,
        comments, clusters, next, hands, floor, spokenMillis, videoLink);
  }

  Board withSpeaking(List<String> nextHands, Speaker nextFloor, Map<String, Long> nextSpoken) {
    return new Board(table, proposalsMade, commentsMade, clustersMade, votesOpened, proposals,
        comments, clusters, votes, nextHands, nextFloor, nextSpoken, videoLink);
  }

  Board withVideoLink(String url) {
    return new Board(table, proposalsMade, commentsMade, clustersMade, votesOpened, proposals,
        comments, clusters, votes, hands, floor, spokenMillis, url);
  }

  Board withProposal(Proposal proposal) {
    Map<String, Proposal> next = new LinkedHashMap<>(proposals);
    next.put(proposal.id(), proposal);
    return withProposals(next, proposalsMade);
  }

  Board withComment(Comment comment) {
    Map<String, Comment> next = new LinkedHashMap<>(comments);
    next.put(comment.id(), comment);
    return withComments(next, commentsMade);
  }

  Board withVote(Vote vote) {
    Map<String, Vote> next = new LinkedHashMap<>(votes);
    next.put(vote.id(), vote);
    return withVotes(next, votesOpened);
  }
}
