package org.tingsted.server.deliberation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything on one table's board. The counters are how many proposals, comments, clusters and
 * votes were ever made, from which the next id is taken ("p3", "c12", "k2", "v1"); ids are never
 * reused, even after a cluster is merged away.
 *
 * <p>Maps keep insertion order, which is the order things happened in.
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
    Map<String, Vote> votes) implements State {

  public Board {
    proposals = Frozen.map(proposals);
    comments = Frozen.map(comments);
    clusters = Frozen.map(clusters);
    votes = Frozen.map(votes);
  }

  /** A board on which nothing has happened yet. */
  public static Board empty(String table) {
    return new Board(table, 0, 0, 0, 0, Map.of(), Map.of(), Map.of(), Map.of());
  }

  Board withProposals(Map<String, Proposal> next, int made) {
    return new Board(table, made, commentsMade, clustersMade, votesOpened, next, comments,
        clusters, votes);
  }

  Board withComments(Map<String, Comment> next, int made) {
    return new Board(table, proposalsMade, made, clustersMade, votesOpened, proposals, next,
        clusters, votes);
  }

  Board withClustering(Map<String, Proposal> nextProposals, Map<String, Cluster> nextClusters,
      int made) {
    return new Board(table, proposalsMade, commentsMade, made, votesOpened, nextProposals,
        comments, nextClusters, votes);
  }

  Board withVotes(Map<String, Vote> next, int opened) {
    return new Board(table, proposalsMade, commentsMade, clustersMade, opened, proposals,
        comments, clusters, next);
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
