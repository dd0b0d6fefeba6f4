package org.tingsted.server.report;

/**
 * One item of a table vote, in a vote's order.
 *
 * @param item the proposal's or cluster's id at the table
 * @param title its title or name; null when it is not shown: a proposal a facilitator hid, or a
 *     cluster that has since been merged away or dissolved
 */
public record VoteItem(String item, String title) {}
