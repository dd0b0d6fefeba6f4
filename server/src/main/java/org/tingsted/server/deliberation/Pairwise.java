package org.tingsted.server.deliberation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pairwise preference counts of ranking ballots, shared by {@link Schulze} and the tally. */
final class Pairwise {
  private Pairwise() {}

  /**
   * {@code d[x][y]}: how many rankings put candidate x above candidate y. A ranked candidate is
   * above every unranked one, and unranked candidates tie with each other. Names that are not
   * candidates, and repeats of a name, are ignored.
   */
  static int[][] count(List<String> candidates, List<List<String>> rankings) {
    int n = candidates.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.putIfAbsent(candidates.get(i), i);
    }
    int[][] d = new int[n][n];
    int[] position = new int[n];
    for (List<String> ranking : rankings) {
      Arrays.fill(position, Integer.MAX_VALUE);
      for (int place = 0; place < ranking.size(); place++) {
        Integer candidate = index.get(ranking.get(place));
        if (candidate != null && position[candidate] == Integer.MAX_VALUE) {
          position[candidate] = place;
        }
      }
      for (int x = 0; x < n; x++) {
        for (int y = 0; y < n; y++) {
          if (position[x] < position[y]) {
            d[x][y]++;
          }
        }
      }
    }
    return d;
  }

  static Map<String, Map<String, Integer>> asMap(List<String> candidates, int[][] d) {
    Map<String, Map<String, Integer>> rows = new LinkedHashMap<>();
    for (int x = 0; x < candidates.size(); x++) {
      Map<String, Integer> row = new LinkedHashMap<>();
      for (int y = 0; y < candidates.size(); y++) {
        if (x != y) {
          row.put(candidates.get(y), d[x][y]);
        }
      }
      rows.put(candidates.get(x), row);
    }
    return rows;
  }
}
