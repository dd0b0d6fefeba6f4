package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.deliberation.PlenaryFixture.LEA;
import static org.tingsted.server.deliberation.PlenaryFixture.proposal;
import static org.tingsted.server.deliberation.Rejection.Reason.FORBIDDEN;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.Decision.Accepted;
import org.tingsted.server.deliberation.Decision.Rejected;
import org.tingsted.server.deliberation.SessionCommand.CastFinalBallot;
import org.tingsted.server.deliberation.SessionCommand.CloseFinalVote;
import org.tingsted.server.deliberation.SessionCommand.EditDraft;
import org.tingsted.server.deliberation.SessionCommand.MergeDrafts;
import org.tingsted.server.deliberation.SessionCommand.OpenFinalVote;
import org.tingsted.server.deliberation.SessionCommand.PromoteDraft;
import org.tingsted.server.deliberation.SessionCommand.PublishReport;
import org.tingsted.server.deliberation.SessionCommand.RecordAnswer;
import org.tingsted.server.deliberation.SessionCommand.UnpublishReport;
import org.tingsted.server.deliberation.SessionCommand.WithdrawDraft;

@DisplayName("Who may act in the plenary")
class PlenaryRolesTest {

  @Test
  @DisplayName("Every plenary command is accepted from exactly the roles allowed to give it and refused as forbidden from every other")
  void roleMatrix() {
    PlenaryFixture plenary = new PlenaryFixture();
    String d1 = plenary.promote("A", proposal("t1", "p1"));
    String d2 = plenary.promote("B", proposal("t1", "p2"));
    SessionBoard withVote = plenary.board;
    plenary.openVote(0.5, 5, d1);
    SessionBoard voting = plenary.board;
    plenary.accept(new PublishReport(), LEA);
    SessionBoard published = plenary.board;

    Set<Role> lead = Set.of(Role.LEAD_FACILITATOR);
    Set<Role> leadOrAdmin = Set.of(Role.LEAD_FACILITATOR, Role.ADMINISTRATOR);
    Map<SessionCommand, Object[]> matrix = new LinkedHashMap<>();
    matrix.put(new PromoteDraft(List.of(proposal("t2", "p1")), "C", "Text"),
        new Object[] {withVote, lead});
    matrix.put(new EditDraft(d2, 1, "B2", null), new Object[] {withVote, lead});
    matrix.put(new MergeDrafts(d2, d1, null, null), new Object[] {withVote, lead});
    matrix.put(new WithdrawDraft(d2, "Why"), new Object[] {withVote, lead});
    matrix.put(new OpenFinalVote(List.of(d1), 0.5, 5), new Object[] {withVote, lead});
    matrix.put(new CastFinalBallot("f1", Map.of(d1, Choice.SUPPORT)),
        new Object[] {voting, Set.of(Role.MEMBER)});
    matrix.put(new CloseFinalVote("f1"), new Object[] {voting, lead});
    matrix.put(new RecordAnswer(d1, AnswerStatus.ADOPTED, null, "2026-03-14"),
        new Object[] {voting, leadOrAdmin});
    matrix.put(new PublishReport(), new Object[] {voting, leadOrAdmin});
    matrix.put(new UnpublishReport(), new Object[] {published, leadOrAdmin});

    for (Map.Entry<SessionCommand, Object[]> row : matrix.entrySet()) {
      SessionBoard board = (SessionBoard) row.getValue()[0];
      @SuppressWarnings("unchecked")
      Set<Role> allowed = (Set<Role>) row.getValue()[1];
      for (Role role : Role.values()) {
        Decision<SessionEvent> decision =
            Plenary.decide(board, row.getKey(), new Actor("someone", role));
        if (allowed.contains(role)) {
          assertThat(decision).as("%s by %s", row.getKey(), role).isInstanceOf(Accepted.class);
        } else {
          assertThat(decision).as("%s by %s", row.getKey(), role).isInstanceOf(Rejected.class);
          assertThat(((Rejected<SessionEvent>) decision).rejection().reason())
              .as("%s by %s", row.getKey(), role).isEqualTo(FORBIDDEN);
        }
      }
    }
  }

  @Test
  @DisplayName("An administrator acts only through the admin API and never runs a table")
  void administratorDoesNotFacilitate() {
    assertThat(Role.ADMINISTRATOR.facilitates()).isFalse();
  }

  @Test
  @DisplayName("A missing board, command or actor is refused as invalid, not with an error")
  void missingParts() {
    SessionBoard empty = SessionBoard.empty("day-1");
    SessionCommand publish = new PublishReport();
    List<Decision<SessionEvent>> decisions = List.of(
        Plenary.decide(null, publish, LEA),
        Plenary.decide(empty, null, LEA),
        Plenary.decide(empty, publish, null),
        Plenary.decide(empty, publish, new Actor(null, Role.LEAD_FACILITATOR)),
        Plenary.decide(empty, publish, new Actor("lea", null)));
    for (Decision<SessionEvent> decision : decisions) {
      assertThat(((Rejected<SessionEvent>) decision).rejection().reason()).isEqualTo(INVALID);
    }
  }
}
