package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tingsted.server.deliberation.PlenaryFixture.ADA;
import static org.tingsted.server.deliberation.PlenaryFixture.ANNA;
import static org.tingsted.server.deliberation.PlenaryFixture.BO;
import static org.tingsted.server.deliberation.PlenaryFixture.CARL;
import static org.tingsted.server.deliberation.PlenaryFixture.FRIDA;
import static org.tingsted.server.deliberation.PlenaryFixture.LEA;
import static org.tingsted.server.deliberation.PlenaryFixture.OLE;
import static org.tingsted.server.deliberation.PlenaryFixture.proposal;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.SessionEvent.DraftEdited;
import org.tingsted.server.deliberation.SessionEvent.FinalBallotCast;

@DisplayName("What each viewer sees of the plenary")
class PlenaryVisibilityTest {
  private final PlenaryFixture plenary = new PlenaryFixture();
  private final String d1 = plenary.promote("Protected bike lanes", proposal("t1", "p1"));

  @Test
  @DisplayName("While the final vote is open each member sees only their own ballot, and everyone, facilitators too, sees how many have voted")
  void openBallotsAreSecret() {
    String f1 = plenary.openVote(0.6667, 36, d1);
    plenary.vote(ANNA, f1, Map.of(d1, Choice.SUPPORT));
    plenary.vote(BO, f1, Map.of(d1, Choice.OPPOSE));
    assertThat(Plenary.boardFor(plenary.board, ANNA).finalVotes().get(f1).ballots())
        .isEqualTo(Map.of("anna", Map.of(d1, Choice.SUPPORT)));
    for (Actor viewer : List.of(CARL, FRIDA, LEA, OLE, ADA)) {
      FinalVote seen = Plenary.boardFor(plenary.board, viewer).finalVotes().get(f1);
      assertThat(seen.ballots()).as("%s sees", viewer).isEmpty();
      assertThat(seen.ballotCount()).isEqualTo(2);
    }
    assertThat(Plenary.boardFor(plenary.board, null).finalVotes().get(f1).ballots()).isEmpty();
    assertThat(Plenary.boardFor(plenary.board, ANNA).drafts()).isEqualTo(plenary.board.drafts());
  }

  @Test
  @DisplayName("Once the final vote is closed everyone sees every ballot")
  void closedBallotsAreShown() {
    String f1 = plenary.openVote(0.6667, 36, d1);
    plenary.vote(ANNA, f1, Map.of(d1, Choice.SUPPORT));
    plenary.vote(BO, f1, Map.of(d1, Choice.OPPOSE));
    plenary.close(f1);
    for (Actor viewer : List.of(CARL, FRIDA, OLE)) {
      assertThat(Plenary.boardFor(plenary.board, viewer)).isEqualTo(plenary.board);
    }
  }

  @Test
  @DisplayName("Another member's ballot reaches a viewer as a new count only; one's own arrives whole")
  void ballotEvents() {
    String f1 = plenary.openVote(0.6667, 36, d1);
    SessionBoard before = plenary.board;
    FinalBallotCast cast = (FinalBallotCast) plenary.accept(
        new SessionCommand.CastFinalBallot(f1, Map.of(d1, Choice.SUPPORT)), ANNA).get(0);
    assertThat(Plenary.eventFor(before, cast, ANNA)).isEqualTo(cast);
    for (Actor viewer : List.of(BO, FRIDA, LEA, OLE, ADA)) {
      assertThat(Plenary.eventFor(before, cast, viewer))
          .isEqualTo(new FinalBallotCast(f1, null, null, 1));
    }
    DraftEdited edit = new DraftEdited(d1, 2, "T", "X");
    assertThat(Plenary.eventFor(before, edit, OLE)).isSameAs(edit);
  }

  @Test
  @DisplayName("An event that does not fit the session is a corrupt journal and is refused loudly")
  void corruptJournal() {
    assertThatThrownBy(() -> Plenary.evolve(plenary.board, new DraftEdited("d9", 2, "T", "X")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Plenary.evolve(plenary.board, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
