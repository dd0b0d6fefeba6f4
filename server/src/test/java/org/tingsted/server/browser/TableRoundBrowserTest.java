package org.tingsted.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.browser.Browser.hook;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A round at a table in three browsers: two members on their tablets and the facilitator at the
 * console. Each change one of them makes appears on the others' screens by itself.
 */
@DisplayName("In browsers: a round at a table")
class TableRoundBrowserTest extends BrowserFixture {

  @Test
  @DisplayName("propose, comment, cluster by drag and by the keyboard, vote with dots, see the results, all live")
  void round() {
    MemberApp anna = memberApp(0);
    MemberApp bo = memberApp(1);
    Console facilitator = console();

    // Propose: each sees the other's proposal appear.
    anna.propose("Flere bænke i byrummet", "Bænke ved alle busstoppesteder.");
    String benches = anna.proposal("Flere bænke i byrummet");
    assertThat(bo.proposal("Flere bænke i byrummet")).isEqualTo(benches);
    bo.propose("Grønne gårde", "Gør baggårdene grønne og åbne for naboerne.");
    String yards = bo.proposal("Grønne gårde");
    assertThat(anna.proposal("Grønne gårde")).isEqualTo(yards);

    // Comment: Bo's comment on Anna's proposal shows on Anna's card.
    bo.comment(benches, "support", "Godt for de ældre.");
    anna.awaitComment(benches, "Godt for de ældre.");
    bo.awaitComment(benches, "Godt for de ældre.");

    // Cluster: Anna makes a cluster, Bo sees it.
    String cluster = anna.createCluster("Byrum");
    assertThat(bo.cluster("Byrum")).isEqualTo(cluster);

    // By drag: Anna drags her card into the cluster; both see it there.
    anna.dragIntoCluster(benches, cluster);
    anna.awaitInCluster(benches, cluster);
    bo.awaitInCluster(benches, cluster);

    // By the keyboard alternative: Bo moves his card with the select; both see it there.
    bo.moveWithSelect(yards, cluster);
    bo.awaitInCluster(yards, cluster);
    anna.awaitInCluster(yards, cluster);

    // Vote: the facilitator opens a dots vote on the two proposals at the console.
    String vote = facilitator.openVote("dots", List.of(benches, yards));
    assertThat(anna.awaitVote("dots")).isEqualTo(vote);
    assertThat(bo.awaitVote("dots")).isEqualTo(vote);
    anna.castDots(vote, Map.of(benches, 3, yards, 1));
    bo.castDots(vote, Map.of(benches, 1, yards, 2));
    facilitator.awaitBallots(vote, 2);
    facilitator.closeVote(vote);
    facilitator.publishResult(vote);

    // Results: both members see the published figures (4 dots and 3 dots).
    for (MemberApp m : List.of(anna, bo)) {
      assertThat(m.awaitResult(vote)).contains("Flere bænke i byrummet", "Grønne gårde");
      assertThat(m.awaitResultOf(vote, benches)).contains("Flere bænke i byrummet").containsPattern("\\b4\\b");
      assertThat(m.awaitResultOf(vote, yards)).contains("Grønne gårde").containsPattern("\\b3\\b");
    }
    for (MemberApp m : List.of(anna, bo)) {
      assertThat(m.browser.consoleErrors()).as("errors in a member's browser console").isEmpty();
      assertThat(m.browser.all(hook("pending")).stream().filter(e -> e.isDisplayed()).toList())
          .as("nothing left unacknowledged").isEmpty();
    }
    assertThat(facilitator.browser.consoleErrors()).as("errors in the console's browser console").isEmpty();
  }
}
