package org.tingsted.server.deliberation;

import java.util.List;

/**
 * The count of a closed vote. Only the part for the vote's method is set; the others are null.
 *
 * @param ballots how many members voted
 * @param scale one entry per item, in the vote's item order
 */
public record VoteResult(
    VoteMethod method, int ballots, DotsTally dots, RankingTally ranking, List<ScaleTally> scale) {
  public VoteResult {
    scale = Frozen.listOrNull(scale);
  }
}
