package org.tingsted.server.deliberation;

import java.util.List;
import java.util.Map;

/**
 * The count of a ranking vote by two methods, so the table can see whether they agree.
 *
 * @param schulze the Schulze order, best first, tied items grouped (see {@link Schulze})
 * @param borda the Borda order, best first, items with equal points grouped (see {@link Borda})
 * @param bordaScores Borda points per item
 * @param pairwise {@code pairwise[x][y]}: how many ballots rank x above y
 */
public record RankingTally(
    List<List<String>> schulze,
    List<List<String>> borda,
    Map<String, Integer> bordaScores,
    Map<String, Map<String, Integer>> pairwise) {
  public RankingTally {
    schulze = Frozen.groups(schulze);
    borda = Frozen.groups(borda);
    bordaScores = Frozen.map(bordaScores);
    pairwise = Frozen.matrix(pairwise);
  }
}
