package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TallyTest {
  @Test
  @DisplayName("A scale item rated 5, 4, 4, 2 and 1 has mean 3.2 and 60% agreeing")
  void scale() {
    ScaleTally tally = Tally.scaleOf("p1", List.of(5, 4, 4, 2, 1));
    assertThat(tally.ballots()).isEqualTo(5);
    assertThat(tally.mean()).isCloseTo(3.2, within(1e-9));
    assertThat(tally.distribution()).containsExactly(1, 1, 0, 2, 1);
    assertThat(tally.shareAgreeing()).isCloseTo(0.6, within(1e-9));
  }

  @Test
  @DisplayName("A scale item nobody rated has mean 0 and nobody agreeing")
  void scaleNoAnswers() {
    assertThat(Tally.scaleOf("p2", List.of()))
        .isEqualTo(new ScaleTally("p2", 0, 0, List.of(0, 0, 0, 0, 0), 0));
  }

  @Test
  @DisplayName("A closed scale vote reports each item, in the vote's order, from the ballots that rated it")
  void scaleVote() {
    Vote vote = new Vote("v1", VoteMethod.SCALE, List.of("p1", "p2"), 0, 0, VoteStatus.OPEN,
        Map.of("anna", Ballot.ofScale(Map.of("p1", 4)),
            "bo", Ballot.ofScale(Map.of("p1", 2, "p2", 5))), 2, null, false);
    VoteResult result = Tally.of(vote);
    assertThat(result.method()).isEqualTo(VoteMethod.SCALE);
    assertThat(result.ballots()).isEqualTo(2);
    assertThat(result.dots()).isNull();
    assertThat(result.ranking()).isNull();
    assertThat(result.scale()).containsExactly(
        new ScaleTally("p1", 2, 3.0, List.of(0, 1, 0, 1, 0), 0.5),
        new ScaleTally("p2", 1, 5.0, List.of(0, 0, 0, 0, 1), 1.0));
  }
}
