package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.deliberation.BoardFixture.ANNA;
import static org.tingsted.server.deliberation.BoardFixture.BO;
import static org.tingsted.server.deliberation.BoardFixture.CARL;
import static org.tingsted.server.deliberation.BoardFixture.FRIDA;
import static org.tingsted.server.deliberation.BoardFixture.LEA;
import static org.tingsted.server.deliberation.Rejection.Reason.CONFLICT;
import static org.tingsted.server.deliberation.Rejection.Reason.FORBIDDEN;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;
import static org.tingsted.server.deliberation.Rejection.Reason.NOT_FOUND;
import static org.tingsted.server.deliberation.Rejection.Reason.PHASE_CLOSED;
import static org.tingsted.server.deliberation.Rejection.Reason.TOO_LARGE;

import org.tingsted.protocol.Limits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.TableCommand.CastBallot;
import org.tingsted.server.deliberation.TableCommand.CloseVote;
import org.tingsted.server.deliberation.TableCommand.OpenVote;
import org.tingsted.server.deliberation.TableCommand.PublishResult;
import org.tingsted.server.deliberation.TableCommand.WithdrawProposal;
import org.tingsted.server.deliberation.TableEvent.BallotCast;
import org.tingsted.server.deliberation.TableEvent.ResultPublished;
import org.tingsted.server.deliberation.TableEvent.VoteClosed;

@DisplayName("Votes")
class VoteRulesTest {
  private final BoardFixture table = new BoardFixture();

  @Test
  @DisplayName("Only a facilitator may open or close a vote")
  void onlyFacilitators() {
    String p1 = table.propose(ANNA, "Bike lanes");
    assertThat(table.reject(new OpenVote(VoteMethod.SCALE, List.of(p1), 0, 0), ANNA).reason())
        .isEqualTo(FORBIDDEN);
    String v1 = table.openVote(VoteMethod.SCALE, 0, 0, p1);
    assertThat(table.reject(new CloseVote(v1), ANNA).reason()).isEqualTo(FORBIDDEN);
    table.accept(new CloseVote(v1), LEA);
  }

  @Test
  @DisplayName("A vote lists open proposals or clusters, each once; a ranking needs two")
  void openChecks() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String p2 = table.propose(ANNA, "Trees");
    String k1 = table.cluster("Transport");
    table.accept(new WithdrawProposal(p2), ANNA);
    assertThat(rejectOpen(VoteMethod.SCALE, List.of(), 0, 0)).isEqualTo(INVALID);
    assertThat(rejectOpen(VoteMethod.SCALE, null, 0, 0)).isEqualTo(INVALID);
    assertThat(rejectOpen(null, List.of(p1), 0, 0)).isEqualTo(INVALID);
    assertThat(rejectOpen(VoteMethod.SCALE, List.of(p1, p1), 0, 0)).isEqualTo(INVALID);
    assertThat(rejectOpen(VoteMethod.SCALE, List.of("p9"), 0, 0)).isEqualTo(NOT_FOUND);
    assertThat(rejectOpen(VoteMethod.SCALE, List.of(p2), 0, 0)).isEqualTo(CONFLICT);
    assertThat(rejectOpen(VoteMethod.RANKING, List.of(p1), 0, 0)).isEqualTo(INVALID);
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= Limits.VOTE_ITEMS; i++) {
      many.add(p1);
    }
    assertThat(rejectOpen(VoteMethod.SCALE, many, 0, 0)).isEqualTo(TOO_LARGE);
    table.accept(new OpenVote(VoteMethod.RANKING, List.of(p1, k1), 0, 0), FRIDA);
    assertThat(table.board.votes().get("v1").status()).isEqualTo(VoteStatus.OPEN);
  }

  @Test
  @DisplayName("Dots and caps are given for dot votes only, with the cap between 1 and the dots")
  void dotsParameters() {
    String p1 = table.propose(ANNA, "Bike lanes");
    assertThat(rejectOpen(VoteMethod.DOTS, List.of(p1), 0, 0)).isEqualTo(INVALID);
    assertThat(rejectOpen(VoteMethod.DOTS, List.of(p1), 3, 4)).isEqualTo(INVALID);
    assertThat(rejectOpen(VoteMethod.DOTS, List.of(p1), 3, 0)).isEqualTo(INVALID);
    assertThat(rejectOpen(VoteMethod.SCALE, List.of(p1), 3, 1)).isEqualTo(INVALID);
    assertThat(rejectOpen(VoteMethod.DOTS, List.of(p1), Limits.DOTS_PER_MEMBER + 1, 1))
        .isEqualTo(TOO_LARGE);
    table.openVote(VoteMethod.DOTS, 3, 3, p1);
  }

  private Rejection.Reason rejectOpen(VoteMethod method, List<String> items, int dots, int cap) {
    return table.reject(new OpenVote(method, items, dots, cap), FRIDA).reason();
  }

  @Test
  @DisplayName("Members vote; facilitators and observers do not")
  void onlyMembersVote() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String v1 = table.openVote(VoteMethod.SCALE, 0, 0, p1);
    Ballot ballot = Ballot.ofScale(Map.of(p1, 5));
    assertThat(table.reject(new CastBallot(v1, ballot), FRIDA).reason()).isEqualTo(FORBIDDEN);
    assertThat(table.reject(new CastBallot(v1, ballot), LEA).reason()).isEqualTo(FORBIDDEN);
    assertThat(table.accept(new CastBallot(v1, ballot), BO))
        .containsExactly(new BallotCast(v1, "bo", ballot, 1));
    assertThat(table.reject(new CastBallot("v9", ballot), BO).reason()).isEqualTo(NOT_FOUND);
  }

  @Test
  @DisplayName("Voting again replaces the member's earlier ballot and does not count them twice")
  void replaceBallot() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String p2 = table.propose(ANNA, "Trees");
    String v1 = table.openVote(VoteMethod.DOTS, 3, 2, p1, p2);
    table.accept(new CastBallot(v1, Ballot.ofDots(Map.of(p1, 2, p2, 1))), ANNA);
    table.accept(new CastBallot(v1, Ballot.ofDots(Map.of(p1, 1))), BO);
    List<TableEvent> again = table.accept(new CastBallot(v1, Ballot.ofDots(Map.of(p2, 2))), ANNA);
    assertThat(((BallotCast) again.get(0)).ballots()).isEqualTo(2);
    Vote vote = table.board.votes().get(v1);
    assertThat(vote.ballots()).containsOnlyKeys("anna", "bo");
    assertThat(vote.ballots().get("anna")).isEqualTo(Ballot.ofDots(Map.of(p2, 2)));
    assertThat(vote.ballotCount()).isEqualTo(2);
    table.accept(new CloseVote(v1), FRIDA);
    DotsTally dots = table.board.votes().get(v1).result().dots();
    assertThat(dots.totals()).containsExactly(Map.entry(p1, 1), Map.entry(p2, 2));
    assertThat(dots.order()).containsExactly(List.of(p2), List.of(p1));
  }

  @Test
  @DisplayName("A dot ballot may not exceed the dots per member or the cap per item")
  void dotsBallotChecks() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String p2 = table.propose(ANNA, "Trees");
    String v1 = table.openVote(VoteMethod.DOTS, 3, 2, p1, p2);
    Map<String, Integer> withNull = new HashMap<>();
    withNull.put(p1, null);
    for (Ballot wrong : List.of(
        Ballot.ofDots(Map.of(p1, 3)),
        Ballot.ofDots(Map.of(p1, 2, p2, 2)),
        Ballot.ofDots(Map.of(p1, 0)),
        Ballot.ofDots(Map.of(p1, -1, p2, 2)),
        Ballot.ofDots(Map.of("p9", 1)),
        Ballot.ofDots(withNull),
        Ballot.ofOrder(List.of(p1)),
        new Ballot(Map.of(p1, 1), List.of(p1), null),
        new Ballot(null, null, null))) {
      assertThat(table.reject(new CastBallot(v1, wrong), BO).reason())
          .as("%s", wrong).isEqualTo(INVALID);
    }
  }

  @Test
  @DisplayName("A ranking lists distinct items of the vote; a scale rates them from 1 to 5")
  void rankingAndScaleChecks() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String p2 = table.propose(ANNA, "Trees");
    String v1 = table.openVote(VoteMethod.RANKING, 0, 0, p1, p2);
    String v2 = table.openVote(VoteMethod.SCALE, 0, 0, p1, p2);
    for (Ballot wrong : List.of(Ballot.ofOrder(List.of()), Ballot.ofOrder(List.of(p1, p1)),
        Ballot.ofOrder(List.of("p3")), Ballot.ofScale(Map.of(p1, 3)))) {
      assertThat(table.reject(new CastBallot(v1, wrong), BO).reason()).isEqualTo(INVALID);
    }
    for (Ballot wrong : List.of(Ballot.ofScale(Map.of()), Ballot.ofScale(Map.of(p1, 0)),
        Ballot.ofScale(Map.of(p1, 6)), Ballot.ofScale(Map.of("k1", 3)))) {
      assertThat(table.reject(new CastBallot(v2, wrong), BO).reason()).isEqualTo(INVALID);
    }
    table.accept(new CastBallot(v1, Ballot.ofOrder(List.of(p2))), BO);
    table.accept(new CastBallot(v2, Ballot.ofScale(Map.of(p2, 1))), BO);
  }

  @Test
  @DisplayName("Once a vote is closed no ballot is taken, and it cannot be closed again")
  void closedVote() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String v1 = table.openVote(VoteMethod.SCALE, 0, 0, p1);
    table.accept(new CastBallot(v1, Ballot.ofScale(Map.of(p1, 4))), ANNA);
    List<TableEvent> closing = table.accept(new CloseVote(v1), FRIDA);
    VoteResult result = ((VoteClosed) closing.get(0)).result();
    assertThat(result.ballots()).isEqualTo(1);
    assertThat(table.board.votes().get(v1).result()).isEqualTo(result);
    assertThat(table.board.votes().get(v1).status()).isEqualTo(VoteStatus.CLOSED);
    assertThat(table.reject(new CastBallot(v1, Ballot.ofScale(Map.of(p1, 5))), BO).reason())
        .isEqualTo(PHASE_CLOSED);
    assertThat(table.reject(new CloseVote(v1), FRIDA).reason()).isEqualTo(CONFLICT);
  }

  @Test
  @DisplayName("A facilitator publishes a closed vote's result to the table, once")
  void publishResult() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String v1 = table.openVote(VoteMethod.SCALE, 0, 0, p1);
    table.accept(new CastBallot(v1, Ballot.ofScale(Map.of(p1, 4))), ANNA);
    assertThat(table.reject(new PublishResult(v1), FRIDA).reason()).isEqualTo(CONFLICT);
    table.accept(new CloseVote(v1), FRIDA);
    assertThat(table.board.votes().get(v1).published()).isFalse();
    VoteResult result = table.board.votes().get(v1).result();
    assertThat(table.accept(new PublishResult(v1), LEA))
        .containsExactly(new ResultPublished(v1, result));
    assertThat(table.board.votes().get(v1).published()).isTrue();
    assertThat(table.board.votes().get(v1).result()).isEqualTo(result);
    assertThat(table.reject(new PublishResult(v1), FRIDA).reason()).isEqualTo(CONFLICT);
  }

  @Test
  @DisplayName("Only a facilitator publishes a result, and only of a vote that exists")
  void publishRefusals() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String v1 = table.openVote(VoteMethod.SCALE, 0, 0, p1);
    table.accept(new CloseVote(v1), FRIDA);
    assertThat(table.reject(new PublishResult(v1), ANNA).reason()).isEqualTo(FORBIDDEN);
    assertThat(table.reject(new PublishResult("v9"), FRIDA).reason()).isEqualTo(NOT_FOUND);
    assertThat(table.reject(new PublishResult(null), FRIDA).reason()).isEqualTo(INVALID);
  }

  @Test
  @DisplayName("A closed ranking vote reports the Schulze and Borda orders and the pairwise counts")
  void rankingResult() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String p2 = table.propose(ANNA, "Trees");
    String p3 = table.propose(ANNA, "Benches");
    String v1 = table.openVote(VoteMethod.RANKING, 0, 0, p1, p2, p3);
    table.accept(new CastBallot(v1, Ballot.ofOrder(List.of(p2, p1, p3))), ANNA);
    table.accept(new CastBallot(v1, Ballot.ofOrder(List.of(p2))), BO);
    table.accept(new CastBallot(v1, Ballot.ofOrder(List.of(p1, p2, p3))), CARL);
    table.accept(new CloseVote(v1), FRIDA);
    RankingTally ranking = table.board.votes().get(v1).result().ranking();
    assertThat(ranking.schulze()).containsExactly(List.of(p2), List.of(p1), List.of(p3));
    // Borda with 3 items: 2, 1, 0 points; BO's p1 and p3 are unranked and get 0.
    assertThat(ranking.bordaScores()).containsExactly(
        Map.entry(p1, 3), Map.entry(p2, 5), Map.entry(p3, 0));
    assertThat(ranking.borda()).containsExactly(List.of(p2), List.of(p1), List.of(p3));
    assertThat(ranking.pairwise().get(p2)).containsEntry(p1, 2).containsEntry(p3, 3);
    assertThat(ranking.pairwise().get(p1)).containsEntry(p2, 1).containsEntry(p3, 2);
    assertThat(ranking.pairwise().get(p3)).containsEntry(p1, 0);
  }

  @Test
  @DisplayName("A dot vote reports tied items together")
  void dotsTies() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String p2 = table.propose(ANNA, "Trees");
    String p3 = table.propose(ANNA, "Benches");
    String v1 = table.openVote(VoteMethod.DOTS, 2, 2, p1, p2, p3);
    table.accept(new CastBallot(v1, Ballot.ofDots(Map.of(p1, 1, p2, 1))), ANNA);
    table.accept(new CloseVote(v1), FRIDA);
    assertThat(table.board.votes().get(v1).result().dots().order())
        .containsExactly(List.of(p1, p2), List.of(p3));
  }
}
