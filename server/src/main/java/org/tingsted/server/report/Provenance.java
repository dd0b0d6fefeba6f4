package org.tingsted.server.report;

import java.util.List;

/**
 * One table's proposal or cluster that a recommendation grew from, in the words it had when it
 * was promoted to the plenary.
 *
 * @param tableName the table's name, or null when the session does not list the table
 * @param proposal the proposal's id on that table, or null when the source is a cluster
 * @param cluster the cluster's id on that table, or null when the source is a proposal
 * @param title the proposal's title or the cluster's name
 * @param text the proposal's text, or what the plenary kept for a cluster (its proposals' words)
 * @param proposals for a cluster, the proposals it holds now as an observer sees them (hidden
 *     ones are left out), by id and current title; empty for a proposal
 */
public record Provenance(String table, String tableName, String proposal, String cluster,
    String title, String text, List<VoteItem> proposals) {
  public Provenance {
    proposals = Copies.list(proposals);
  }

  /** A proposal as a source: it stands for itself. */
  public Provenance(String table, String tableName, String proposal, String title, String text) {
    this(table, tableName, proposal, null, title, text, List.of());
  }
}
