package org.tingsted.server.deliberation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The Schulze method (beatpath method) for ranking ballots.
 *
 * <p>Candidate x beats y when the strongest path from x to y, measured by widest paths over the
 * pairwise counts d, is stronger than the strongest path back. That relation is transitive but
 * need not be complete. The order returned is the finest sequence of tie groups in which every
 * candidate of a group beats every candidate of every later group: candidates Schulze does not
 * separate end up in one group instead of being ordered silently. When the beat relation is a
 * complete order, as in most real votes, every group has one candidate and this is the standard
 * Schulze ranking.
 */
public final class Schulze {
  private Schulze() {}

  /**
   * Orders the candidates, best first, in tie groups.
   *
   * @param candidates the candidates; the order among tied candidates follows this list
   * @param rankings each ballot's candidates best first; candidates left out tie below all ranked
   *     ones
   */
  public static List<List<String>> order(List<String> candidates, List<List<String>> rankings) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(candidates));
    return order(distinct, Pairwise.count(distinct, rankings));
  }

  /** Orders distinct candidates from their pairwise counts d. */
  static List<List<String>> order(List<String> distinct, int[][] d) {
    int n = distinct.size();
    int[][] p = strengths(d);
    boolean[][] beats = new boolean[n][n];
    int[] wins = new int[n];
    for (int x = 0; x < n; x++) {
      for (int y = 0; y < n; y++) {
        beats[x][y] = p[x][y] > p[y][x];
        if (beats[x][y]) {
          wins[x]++;
        }
      }
    }
    // Every valid cut (all before it beat all after it) is a prefix of this sort: a candidate
    // above a cut beats everyone below it, so it wins strictly more often than any of them.
    List<Integer> sorted = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sorted.add(i);
    }
    sorted.sort(Comparator.comparingInt((Integer i) -> wins[i]).reversed());
    List<List<String>> groups = new ArrayList<>();
    List<String> group = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      group.add(distinct.get(sorted.get(k)));
      if (k == n - 1 || cutAfter(sorted, k, beats)) {
        groups.add(group);
        group = new ArrayList<>();
      }
    }
    return groups;
  }

  private static boolean cutAfter(List<Integer> sorted, int k, boolean[][] beats) {
    for (int above = 0; above <= k; above++) {
      for (int below = k + 1; below < sorted.size(); below++) {
        if (!beats[sorted.get(above)][sorted.get(below)]) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Strongest path strengths p[x][y] from pairwise counts d (Floyd–Warshall over widest paths);
   * a link x→y exists only where d[x][y] > d[y][x].
   */
  static int[][] strengths(int[][] d) {
    int n = d.length;
    int[][] p = new int[n][n];
    for (int x = 0; x < n; x++) {
      for (int y = 0; y < n; y++) {
        if (x != y && d[x][y] > d[y][x]) {
          p[x][y] = d[x][y];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i == j) {
          continue;
        }
        for (int k = 0; k < n; k++) {
          if (i != k && j != k) {
            p[j][k] = Math.max(p[j][k], Math.min(p[j][i], p[i][k]));
          }
        }
      }
    }
    return p;
  }
}
