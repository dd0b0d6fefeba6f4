package org.tingsted.server.report;

import java.util.List;

/**
 * An item's result in a ranking vote, counted by Schulze and by Borda. Ranks are places in the
 * orders, 1 for the best; tied items share a place, and the next place after a tie is one more.
 *
 * @param bordaScore the item's Borda points
 * @param schulze every item of the vote in the Schulze order, best first, tied items grouped
 * @param borda every item in the Borda order, best first, tied items grouped
 */
public record RankingResult(
    int schulzeRank,
    int bordaRank,
    int bordaScore,
    List<List<VoteItem>> schulze,
    List<List<VoteItem>> borda) {
  public RankingResult {
    schulze = Copies.groups(schulze);
    borda = Copies.groups(borda);
  }
}
