package org.tingsted.server.deliberation;

/**
 * A draft recommendation on the board.
 *
 * <p>A withdrawn proposal keeps its place, its comments and its cluster, so that the table can
 * still see what was withdrawn and why it was discussed; it can no longer be edited, commented
 * on or put to a vote, but it may still be moved between clusters while the table tidies up.
 *
 * @param version 1 when proposed, one more with each edit
 * @param statusBeforeHidden while hidden, the status to return to when restored; null otherwise
 * @param cluster the cluster it is in, or null
 */
public record Proposal(
    String id,
    String author,
    String title,
    String text,
    int version,
    ProposalStatus status,
    ProposalStatus statusBeforeHidden,
    String cluster) {

  Proposal withCluster(String newCluster) {
    return new Proposal(id, author, title, text, version, status, statusBeforeHidden, newCluster);
  }

  Proposal withStatus(ProposalStatus newStatus, ProposalStatus before) {
    return new Proposal(id, author, title, text, version, newStatus, before, cluster);
  }
}
