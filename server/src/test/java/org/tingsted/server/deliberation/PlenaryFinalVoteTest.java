package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tingsted.server.deliberation.PlenaryFixture.ADA;
import static org.tingsted.server.deliberation.PlenaryFixture.ANNA;
import static org.tingsted.server.deliberation.PlenaryFixture.BO;
import static org.tingsted.server.deliberation.PlenaryFixture.CARL;
import static org.tingsted.server.deliberation.PlenaryFixture.FRIDA;
import static org.tingsted.server.deliberation.PlenaryFixture.LEA;
import static org.tingsted.server.deliberation.PlenaryFixture.OLE;
import static org.tingsted.server.deliberation.PlenaryFixture.member;
import static org.tingsted.server.deliberation.PlenaryFixture.proposal;
import static org.tingsted.server.deliberation.Rejection.Reason.CONFLICT;
import static org.tingsted.server.deliberation.Rejection.Reason.FORBIDDEN;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;
import static org.tingsted.server.deliberation.Rejection.Reason.NOT_FOUND;
import static org.tingsted.server.deliberation.Rejection.Reason.PHASE_CLOSED;
import static org.tingsted.server.deliberation.Rejection.Reason.TOO_LARGE;

import org.tingsted.protocol.Limits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.SessionCommand.CastFinalBallot;
import org.tingsted.server.deliberation.SessionCommand.CloseFinalVote;
import org.tingsted.server.deliberation.SessionCommand.MergeDrafts;
import org.tingsted.server.deliberation.SessionCommand.OpenFinalVote;
import org.tingsted.server.deliberation.SessionCommand.WithdrawDraft;
import org.tingsted.server.deliberation.SessionEvent.FinalBallotCast;
import org.tingsted.server.deliberation.SessionEvent.FinalVoteOpened;

@DisplayName("The final vote")
class PlenaryFinalVoteTest {
  private final PlenaryFixture plenary = new PlenaryFixture();

  private final String d1 = plenary.promote("Protected bike lanes", proposal("t1", "p1"));
  private final String d2 = plenary.promote("A tree for every street", proposal("t2", "p1"));
  private final String d3 = plenary.promote("Free night buses", proposal("t3", "p2"));

  @Test
  @DisplayName("Worked example: of 36 members, 24 supporting is two thirds and adopted at 0.6667; 23 is not")
  void workedExample() {
    String f1 = plenary.openVote(0.6667, 36, d1, d2, d3);
    // 34 of the 36 members vote; two stay away. Member i marks:
    //   d1: 0–23 support (24), 24–29 oppose (6), 30–33 abstain (4)
    //   d2: 0–22 support (23), 23–30 oppose (8), 31–32 abstain (2), 33 leaves it unmarked
    //   d3: 0–11 support (12), 12–31 oppose (20), 32–33 leave it unmarked
    for (int i = 0; i < 34; i++) {
      Map<String, Choice> ballot = new LinkedHashMap<>();
      ballot.put(d1, i < 24 ? Choice.SUPPORT : i < 30 ? Choice.OPPOSE : Choice.ABSTAIN);
      if (i < 33) {
        ballot.put(d2, i < 23 ? Choice.SUPPORT : i < 31 ? Choice.OPPOSE : Choice.ABSTAIN);
      }
      if (i < 32) {
        ballot.put(d3, i < 12 ? Choice.SUPPORT : Choice.OPPOSE);
      }
      plenary.vote(member(i), f1, ballot);
    }
    assertThat(plenary.finalVote(f1).ballotCount()).isEqualTo(34);
    FinalResult result = plenary.close(f1);

    assertThat(result.electorate()).isEqualTo(36);
    assertThat(result.ballots()).isEqualTo(34);
    assertThat(result.threshold()).isEqualTo(0.6667);
    assertThat(result.drafts()).extracting(DraftSupport::draft).containsExactly(d1, d2, d3);
    DraftSupport first = result.drafts().get(0);
    assertThat(List.of(first.support(), first.oppose(), first.abstain()))
        .containsExactly(24, 6, 4);
    assertThat(first.share()).isCloseTo(0.6667, within(0.0001));
    assertThat(first.adopted()).isTrue();
    DraftSupport second = result.drafts().get(1);
    assertThat(List.of(second.support(), second.oppose(), second.abstain()))
        .containsExactly(23, 8, 2);
    assertThat(second.share()).isCloseTo(0.6389, within(0.0001));
    assertThat(second.adopted()).isFalse();
    DraftSupport third = result.drafts().get(2);
    assertThat(List.of(third.support(), third.oppose(), third.abstain()))
        .containsExactly(12, 20, 0);
    assertThat(third.share()).isCloseTo(0.3333, within(0.0001));
    assertThat(third.adopted()).isFalse();
    assertThat(plenary.finalVote(f1).status()).isEqualTo(VoteStatus.CLOSED);
  }

  @Test
  @DisplayName("Two thirds is met whether the threshold is written 0.6667 or 2/3, but not by a share just below it")
  void thresholdTolerance() {
    assertThat(Plenary.meets(24.0 / 36, 0.6667)).isTrue();
    assertThat(Plenary.meets(24.0 / 36, 2.0 / 3)).isTrue();
    assertThat(Plenary.meets(2.0 / 3, 0.6667)).isTrue();
    assertThat(Plenary.meets(23.0 / 36, 0.6667)).isFalse();
    assertThat(Plenary.meets(23.0 / 36, 2.0 / 3)).isFalse();
    assertThat(Plenary.meets(0.5, 0.5)).isTrue();
    assertThat(Plenary.meets(0.4999, 0.5)).isFalse();
    assertThat(Plenary.meets(1.0, 1.0)).isTrue();
    assertThat(Plenary.meets(9998.0 / 9999, 1.0)).isFalse();
  }

  @Test
  @DisplayName("The share is of all members entitled to vote, not of the ballots cast")
  void shareOfTheElectorate() {
    String f1 = plenary.openVote(0.5, 10, d1);
    plenary.vote(ANNA, f1, Map.of(d1, Choice.SUPPORT));
    plenary.vote(BO, f1, Map.of(d1, Choice.SUPPORT));
    plenary.vote(CARL, f1, Map.of(d1, Choice.SUPPORT));
    DraftSupport support = plenary.close(f1).drafts().get(0);
    assertThat(support.support()).isEqualTo(3);
    assertThat(support.share()).isEqualTo(0.3);
    assertThat(support.adopted()).isFalse();
  }

  @Test
  @DisplayName("Casting again replaces the member's earlier ballot, and the count of voters stays")
  void recast() {
    String f1 = plenary.openVote(0.5, 3, d1, d2);
    List<SessionEvent> first = plenary.accept(
        new CastFinalBallot(f1, Map.of(d2, Choice.OPPOSE, d1, Choice.SUPPORT)), ANNA);
    Map<String, Choice> inVoteOrder = new LinkedHashMap<>();
    inVoteOrder.put(d1, Choice.SUPPORT);
    inVoteOrder.put(d2, Choice.OPPOSE);
    assertThat(first).containsExactly(new FinalBallotCast(f1, "anna", inVoteOrder, 1));
    assertThat(List.copyOf(plenary.finalVote(f1).ballots().get("anna").keySet()))
        .containsExactly(d1, d2);
    List<SessionEvent> again =
        plenary.accept(new CastFinalBallot(f1, Map.of(d1, Choice.ABSTAIN)), ANNA);
    assertThat(again).containsExactly(
        new FinalBallotCast(f1, "anna", Map.of(d1, Choice.ABSTAIN), 1));
    assertThat(plenary.finalVote(f1).ballots())
        .isEqualTo(Map.of("anna", Map.of(d1, Choice.ABSTAIN)));
    assertThat(plenary.finalVote(f1).ballotCount()).isEqualTo(1);
    DraftSupport support = plenary.close(f1).drafts().get(0);
    assertThat(List.of(support.support(), support.oppose(), support.abstain()))
        .containsExactly(0, 0, 1);
  }

  @Test
  @DisplayName("Once every member entitled has voted, nobody new may vote, but voters may still change their ballot")
  void electorateIsFull() {
    String f1 = plenary.openVote(0.5, 2, d1);
    plenary.vote(ANNA, f1, Map.of(d1, Choice.SUPPORT));
    plenary.vote(BO, f1, Map.of(d1, Choice.OPPOSE));
    assertThat(plenary.reason(new CastFinalBallot(f1, Map.of(d1, Choice.SUPPORT)), CARL))
        .isEqualTo(CONFLICT);
    plenary.vote(BO, f1, Map.of(d1, Choice.SUPPORT));
    assertThat(plenary.close(f1).drafts().get(0).share()).isEqualTo(1.0);
  }

  @Test
  @DisplayName("Only the lead facilitator opens and closes the final vote; only members vote")
  void whoRunsAndWhoVotes() {
    OpenFinalVote open = new OpenFinalVote(List.of(d1), 0.6667, 36);
    for (Actor someone : List.of(ANNA, FRIDA, OLE, ADA)) {
      assertThat(plenary.reason(open, someone)).as("%s opens", someone).isEqualTo(FORBIDDEN);
    }
    String f1 = plenary.openVote(0.6667, 36, d1);
    for (Actor someone : List.of(FRIDA, LEA, OLE, ADA)) {
      assertThat(plenary.reason(new CastFinalBallot(f1, Map.of(d1, Choice.SUPPORT)), someone))
          .as("%s votes", someone).isEqualTo(FORBIDDEN);
    }
    for (Actor someone : List.of(ANNA, FRIDA, OLE, ADA)) {
      assertThat(plenary.reason(new CloseFinalVote(f1), someone)).as("%s closes", someone)
          .isEqualTo(FORBIDDEN);
    }
  }

  @Test
  @DisplayName("A final vote lists open drafts, each once, with a threshold above 0 up to 1 and an electorate of at least one")
  void openChecks() {
    plenary.accept(new WithdrawDraft(d3, "Out of scope"), LEA);
    String d4 = plenary.promote("D", proposal("t4", "p1"));
    plenary.accept(new MergeDrafts(d4, d2, null, null), LEA);
    assertThat(open(null, 0.5, 3)).isEqualTo(INVALID);
    assertThat(open(List.of(), 0.5, 3)).isEqualTo(INVALID);
    assertThat(open(Arrays.asList(d1, null), 0.5, 3)).isEqualTo(INVALID);
    assertThat(open(List.of(d1, d1), 0.5, 3)).isEqualTo(INVALID);
    assertThat(open(List.of(d1), 0, 3)).isEqualTo(INVALID);
    assertThat(open(List.of(d1), -0.5, 3)).isEqualTo(INVALID);
    assertThat(open(List.of(d1), 1.01, 3)).isEqualTo(INVALID);
    assertThat(open(List.of(d1), Double.NaN, 3)).isEqualTo(INVALID);
    assertThat(open(List.of(d1), 0.5, 0)).isEqualTo(INVALID);
    assertThat(open(List.of(d1, "d9"), 0.5, 3)).isEqualTo(NOT_FOUND);
    assertThat(open(List.of(d1, d3), 0.5, 3)).as("withdrawn").isEqualTo(CONFLICT);
    assertThat(open(List.of(d1, d4), 0.5, 3)).as("merged").isEqualTo(CONFLICT);
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= Limits.VOTE_ITEMS; i++) {
      many.add(d1);
    }
    assertThat(open(many, 0.5, 3)).isEqualTo(TOO_LARGE);
    assertThat(plenary.accept(new OpenFinalVote(List.of(d2, d1), 1.0, 3), LEA))
        .containsExactly(new FinalVoteOpened("f1", List.of(d2, d1), 1.0, 3));
    FinalVote f1 = plenary.finalVote("f1");
    assertThat(f1).isEqualTo(new FinalVote("f1", List.of(d2, d1), 1.0, 3, VoteStatus.OPEN,
        Map.of(), 0, null));
  }

  @Test
  @DisplayName("Only one final vote is open at a time; the next may open once it is closed")
  void oneAtATime() {
    String f1 = plenary.openVote(0.5, 3, d1);
    assertThat(open(List.of(d2), 0.5, 3)).isEqualTo(CONFLICT);
    plenary.close(f1);
    assertThat(plenary.openVote(0.5, 3, d2)).isEqualTo("f2");
  }

  @Test
  @DisplayName("A ballot marks at least one of the vote's drafts with support, oppose or abstain")
  void ballotChecks() {
    String f1 = plenary.openVote(0.5, 3, d1, d2);
    assertThat(cast(null, Map.of(d1, Choice.SUPPORT))).isEqualTo(INVALID);
    assertThat(cast(f1, null)).isEqualTo(INVALID);
    assertThat(cast(f1, Map.of())).isEqualTo(INVALID);
    assertThat(cast(f1, Map.of(d3, Choice.SUPPORT))).as("not on the ballot").isEqualTo(INVALID);
    Map<String, Choice> blankChoice = new HashMap<>();
    blankChoice.put(d1, null);
    assertThat(cast(f1, blankChoice)).isEqualTo(INVALID);
    Map<String, Choice> blankDraft = new HashMap<>();
    blankDraft.put(null, Choice.SUPPORT);
    assertThat(cast(f1, blankDraft)).isEqualTo(INVALID);
    assertThat(cast("f9", Map.of(d1, Choice.SUPPORT))).isEqualTo(NOT_FOUND);
    plenary.close(f1);
    assertThat(cast(f1, Map.of(d1, Choice.SUPPORT))).isEqualTo(PHASE_CLOSED);
  }

  @Test
  @DisplayName("Closing needs an existing open vote; a closed vote cannot be closed again")
  void closeChecks() {
    String f1 = plenary.openVote(0.5, 3, d1);
    assertThat(plenary.reason(new CloseFinalVote(null), LEA)).isEqualTo(INVALID);
    assertThat(plenary.reason(new CloseFinalVote("f9"), LEA)).isEqualTo(NOT_FOUND);
    FinalResult empty = plenary.close(f1);
    assertThat(empty).isEqualTo(new FinalResult(3, 0, 0.5,
        List.of(new DraftSupport(d1, 0, 0, 0, 0.0, false))));
    assertThat(plenary.reason(new CloseFinalVote(f1), LEA)).isEqualTo(CONFLICT);
  }

  private Rejection.Reason open(List<String> drafts, double threshold, int electorate) {
    return plenary.reason(new OpenFinalVote(drafts, threshold, electorate), LEA);
  }

  private Rejection.Reason cast(String vote, Map<String, Choice> choices) {
    return plenary.reason(new CastFinalBallot(vote, choices), ANNA);
  }
}
