package org.tingsted.server.report;

/**
 * One table's proposal or cluster that a recommendation grew from, in the words it had when it
 * was promoted to the plenary.
 *
 * @param tableName the table's name, or null when the session does not list the table
 * @param proposal the proposal's id on that table, or null when the source is a cluster
 * @param cluster the cluster's id on that table, or null when the source is a proposal
 * @param title the proposal's title or the cluster's name
 * @param text the proposal's text; null for a cluster
 */
public record Provenance(
    String table, String tableName, String proposal, String cluster, String title, String text) {}
