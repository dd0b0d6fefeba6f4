package org.tingsted.server.report;

/**
 * A member's comment, without its author: members are anonymous in the report.
 *
 * @param proposal the proposal it is about, by its id at the table
 */
public record TableComment(String table, String tableName, String proposal, String text) {}
