package org.tingsted.server.report;

/**
 * A recommendation's result in a closed final vote of the plenary.
 *
 * @param vote the final vote's id ("f2")
 * @param electorate how many members were entitled to vote
 * @param ballots how many members voted
 * @param share {@code support} divided by the electorate (not by the ballots), from 0 to 1
 * @param threshold the share needed, e.g. 0.6667 for two thirds
 * @param adopted whether the share met the threshold, as the plenary counted it
 */
public record FinalVoteResult(
    String vote,
    int electorate,
    int ballots,
    int support,
    int oppose,
    int abstain,
    double share,
    double threshold,
    boolean adopted) {}
