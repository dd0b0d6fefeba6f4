package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BordaTest {
  private static final List<String> CITIES =
      List.of("Memphis", "Nashville", "Chattanooga", "Knoxville");

  /**
   * The Tennessee capital example of the English Wikipedia article "Borda count"
   * (https://en.wikipedia.org/wiki/Borda_count), for 100 voters.
   */
  private static List<List<String>> tennessee() {
    List<List<String>> ballots = new ArrayList<>();
    add(ballots, 42, "Memphis", "Nashville", "Chattanooga", "Knoxville");
    add(ballots, 26, "Nashville", "Chattanooga", "Knoxville", "Memphis");
    add(ballots, 15, "Chattanooga", "Knoxville", "Nashville", "Memphis");
    add(ballots, 17, "Knoxville", "Chattanooga", "Nashville", "Memphis");
    return ballots;
  }

  private static void add(List<List<String>> ballots, int voters, String... order) {
    for (int i = 0; i < voters; i++) {
      ballots.add(List.of(order));
    }
  }

  @Test
  @DisplayName("Wikipedia's Tennessee example: Nashville 194, Chattanooga 173, Memphis 126, Knoxville 107")
  void tennesseeScores() {
    // With 4 cities, first place is worth 3 points and last 0. By hand:
    // Nashville   42*2 + 26*3 + 15*1 + 17*1 = 194
    // Chattanooga 42*1 + 26*2 + 15*3 + 17*2 = 173
    // Memphis     42*3                      = 126
    // Knoxville   26*1 + 15*2 + 17*3        = 107
    // which are the totals the article publishes.
    assertThat(Borda.scores(CITIES, tennessee()))
        .containsEntry("Nashville", 194)
        .containsEntry("Chattanooga", 173)
        .containsEntry("Memphis", 126)
        .containsEntry("Knoxville", 107);
    assertThat(Borda.order(CITIES, tennessee())).containsExactly(
        List.of("Nashville"), List.of("Chattanooga"), List.of("Memphis"), List.of("Knoxville"));
  }

  @Test
  @DisplayName("Unranked candidates get no points, and equal points are reported as a tie")
  void unrankedAndTies() {
    List<String> candidates = List.of("a", "b", "c");
    List<List<String>> ballots = List.of(List.of("a"), List.of("b"));
    assertThat(Borda.scores(candidates, ballots))
        .containsEntry("a", 2).containsEntry("b", 2).containsEntry("c", 0);
    assertThat(Borda.order(candidates, ballots)).containsExactly(List.of("a", "b"), List.of("c"));
  }
}
