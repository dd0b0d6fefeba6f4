package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SchulzeTest {
  private static final List<String> CANDIDATES = List.of("A", "B", "C", "D", "E");

  /**
   * The worked example of the English Wikipedia article "Schulze method"
   * (https://en.wikipedia.org/wiki/Schulze_method, section "Example"): 45 voters, 5 candidates.
   */
  private static List<List<String>> wikipediaBallots() {
    List<List<String>> ballots = new ArrayList<>();
    add(ballots, 5, "ACBED");
    add(ballots, 5, "ADECB");
    add(ballots, 8, "BEDAC");
    add(ballots, 3, "CABED");
    add(ballots, 7, "CAEBD");
    add(ballots, 2, "CBADE");
    add(ballots, 7, "DCEBA");
    add(ballots, 8, "EBADC");
    return ballots;
  }

  private static void add(List<List<String>> ballots, int voters, String order) {
    List<String> ranking = new ArrayList<>();
    for (char c : order.toCharArray()) {
      ranking.add(String.valueOf(c));
    }
    for (int i = 0; i < voters; i++) {
      ballots.add(ranking);
    }
  }

  @Test
  @DisplayName("The pairwise counts match the d[*,*] table of Wikipedia's Schulze example")
  void pairwiseMatchesWikipedia() {
    // d[X,Y] from the article, rows A..E, columns A..E (0 on the diagonal).
    int[][] expected = {
      {0, 20, 26, 30, 22},
      {25, 0, 16, 33, 18},
      {19, 29, 0, 17, 24},
      {15, 12, 28, 0, 14},
      {23, 27, 21, 31, 0},
    };
    assertThat(Pairwise.count(CANDIDATES, wikipediaBallots())).isDeepEqualTo(expected);
  }

  @Test
  @DisplayName("The strongest paths match the p[*,*] table of Wikipedia's Schulze example")
  void strengthsMatchWikipedia() {
    int[][] expected = {
      {0, 28, 28, 30, 24},
      {25, 0, 28, 33, 24},
      {25, 29, 0, 29, 24},
      {25, 28, 28, 0, 24},
      {25, 28, 28, 31, 0},
    };
    assertThat(Schulze.strengths(Pairwise.count(CANDIDATES, wikipediaBallots())))
        .isDeepEqualTo(expected);
  }

  @Test
  @DisplayName("Wikipedia's Schulze example: E wins, and the full order is E, A, C, B, D")
  void orderMatchesWikipedia() {
    assertThat(Schulze.order(CANDIDATES, wikipediaBallots()))
        .containsExactly(List.of("E"), List.of("A"), List.of("C"), List.of("B"), List.of("D"));
  }

  @Test
  @DisplayName("Two candidates with one ballot each way are reported as a tie")
  void tie() {
    assertThat(Schulze.order(List.of("x", "y"), List.of(List.of("x", "y"), List.of("y", "x"))))
        .containsExactly(List.of("x", "y"));
  }

  @Test
  @DisplayName("Candidates Schulze does not separate stay in one group, even when one of them beats a third")
  void partialTiesAreGrouped() {
    // a and b tie 5:5, b and c tie 5:5, a beats c 6:4. Putting b above or below c would claim
    // what the ballots do not say, so all three share one group.
    int[][] d = {
      {0, 5, 6},
      {5, 0, 5},
      {4, 5, 0},
    };
    assertThat(Schulze.order(List.of("a", "b", "c"), d)).containsExactly(List.of("a", "b", "c"));
  }

  @Test
  @DisplayName("Every candidate in a group beats every candidate in every later group")
  void groupsAreSeparatedByBeats() {
    List<String> candidates = List.of("a", "b", "c", "d");
    List<List<String>> ballots = List.of(
        List.of("a", "b", "c", "d"), List.of("b", "c", "a"), List.of("c", "a", "b", "d"),
        List.of("a", "c"), List.of("d", "b", "a", "c"));
    int[][] p = Schulze.strengths(Pairwise.count(candidates, ballots));
    List<List<String>> order = Schulze.order(candidates, ballots);
    assertThat(order.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(candidates);
    for (int i = 0; i < order.size(); i++) {
      for (int j = i + 1; j < order.size(); j++) {
        for (String above : order.get(i)) {
          for (String below : order.get(j)) {
            int x = candidates.indexOf(above);
            int y = candidates.indexOf(below);
            assertThat(p[x][y]).as("%s over %s", above, below).isGreaterThan(p[y][x]);
          }
        }
      }
    }
  }

  @Test
  @DisplayName("Unranked candidates tie below every ranked one")
  void unrankedAtBottom() {
    assertThat(Schulze.order(List.of("a", "b", "c"), List.of(List.of("c"))))
        .containsExactly(List.of("c"), List.of("a", "b"));
  }
}
