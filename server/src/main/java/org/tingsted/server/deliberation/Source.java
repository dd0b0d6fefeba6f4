package org.tingsted.server.deliberation;

import java.util.Objects;

/**
 * Where a draft recommendation came from: one proposal or one cluster of a table's board, as it
 * read when it was promoted. The server fills {@code title} and {@code text} from the table's
 * board, so the plenary keeps the table's own words even if the table changes them later.
 *
 * @param proposal the proposal's id on that table, or null when the source is a cluster
 * @param cluster the cluster's id on that table, or null when the source is a proposal
 * @param title the proposal's title or the cluster's name
 * @param text the proposal's text, or what the server gives for a cluster (such as its
 *     proposals' titles and texts); null or blank when there is none, stored as null. Not limited in
 *     length, since it is copied from a board whose parts were limited already
 */
public record Source(String table, String proposal, String cluster, String title, String text) {

  /** Whether both name the same proposal or cluster of the same table, whatever they read. */
  boolean sameOrigin(Source other) {
    return Objects.equals(table, other.table)
        && Objects.equals(proposal, other.proposal)
        && Objects.equals(cluster, other.cluster);
  }

  Source stripped() {
    String shortText = text == null || text.isBlank() ? null : text.strip();
    return new Source(table, proposal, cluster, title.strip(), shortText);
  }
}
