package org.tingsted.server.deliberation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Borda count for ranking ballots: with n candidates, the candidate a ballot puts in
 * position i (0 = first) gets n-1-i points.
 *
 * <p>Candidates a ballot leaves unranked get 0 points from it, rather than sharing the points of
 * the unused positions. This rewards members who rank more items, which is the simpler rule to
 * explain at a table; Schulze, counted beside it, treats unranked items as tied at the bottom.
 */
public final class Borda {
  private Borda() {}

  /**
   * Points per candidate, in the candidates' order.
   *
   * @param rankings each ballot's candidates best first; names that are not candidates and
   *     repeats are skipped without taking up a position
   */
  public static Map<String, Integer> scores(List<String> candidates, List<List<String>> rankings) {
    Set<String> known = new LinkedHashSet<>(candidates);
    int n = known.size();
    Map<String, Integer> scores = new LinkedHashMap<>();
    for (String candidate : known) {
      scores.put(candidate, 0);
    }
    for (List<String> ranking : rankings) {
      Set<String> seen = new HashSet<>();
      int position = 0;
      for (String candidate : ranking) {
        if (known.contains(candidate) && seen.add(candidate)) {
          scores.merge(candidate, n - 1 - position, Integer::sum);
          position++;
        }
      }
    }
    return scores;
  }

  /** Candidates best first; candidates with equal points share a group. */
  public static List<List<String>> order(List<String> candidates, List<List<String>> rankings) {
    return Ranks.descending(
        new ArrayList<>(new LinkedHashSet<>(candidates)), scores(candidates, rankings));
  }
}
