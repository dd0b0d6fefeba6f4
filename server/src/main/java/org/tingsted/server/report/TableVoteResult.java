package org.tingsted.server.report;

import org.tingsted.server.deliberation.VoteMethod;

/**
 * How one of a recommendation's sources did in one closed vote at its table. Exactly one of
 * {@code dots}, {@code ranking} and {@code scale} is set, the one of the vote's method.
 *
 * @param vote the vote's id at that table ("v1")
 * @param ballots how many members voted
 * @param item the source's id among the vote's items (a proposal or a cluster)
 * @param itemTitle the item's current title or cluster name
 */
public record TableVoteResult(
    String table,
    String tableName,
    String vote,
    VoteMethod method,
    int ballots,
    String item,
    String itemTitle,
    DotsResult dots,
    RankingResult ranking,
    ScaleResult scale) {}
