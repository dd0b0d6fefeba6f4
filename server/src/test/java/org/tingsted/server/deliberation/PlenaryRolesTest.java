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
import org.tingsted.server.deliberation.SessionCommand.AdvancePhase;
import org.tingsted.server.deliberation.SessionCommand.Announce;
import org.tingsted.server.deliberation.SessionCommand.CancelTimer;
import org.tingsted.server.deliberation.SessionCommand.CastFinalBallot;
import org.tingsted.server.deliberation.SessionCommand.ElapseTimer;
import org.tingsted.server.deliberation.SessionCommand.ExtendTimer;
import org.tingsted.server.deliberation.SessionCommand.GoBackPhase;
import org.tingsted.server.deliberation.SessionCommand.MoveMember;
import org.tingsted.server.deliberation.SessionCommand.PauseTimer;
import org.tingsted.server.deliberation.SessionCommand.ResumeTimer;
import org.tingsted.server.deliberation.SessionCommand.SetAgenda;
import org.tingsted.server.deliberation.SessionCommand.SetTablePhase;
import org.tingsted.server.deliberation.SessionCommand.StartAgenda;
import org.tingsted.server.deliberation.SessionCommand.StartTimer;
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

    long nine = PlenaryFixture.NINE;
    AgendaItem item = new AgendaItem(PhaseKind.PROPOSE, "Proposals", 60, true);
    plenary.accept(new SetAgenda(List.of(item, item)), LEA);
    SessionBoard withAgenda = plenary.board;
    plenary.accept(new StartAgenda(nine), LEA);
    plenary.accept(new StartTimer(TimerScope.ROUND, 60, null, "t1", nine), LEA);
    plenary.accept(new StartTimer(TimerScope.ROUND, 60, null, "t1", nine), LEA);
    plenary.accept(new PauseTimer("tm3", nine), LEA);
    SessionBoard started = plenary.board;
    plenary.accept(new AdvancePhase(nine), LEA);
    SessionBoard advanced = plenary.board;
    matrix.put(new SetAgenda(List.of(item)), new Object[] {withAgenda, lead});
    matrix.put(new StartAgenda(nine), new Object[] {withAgenda, lead});
    matrix.put(new AdvancePhase(nine), new Object[] {started, lead});
    matrix.put(new GoBackPhase(nine), new Object[] {advanced, lead});
    matrix.put(new SetTablePhase("t1", PhaseKind.BREAK), new Object[] {started, lead});
    matrix.put(new StartTimer(TimerScope.ROUND, 60, null, "t1", nine),
        new Object[] {started, lead});
    matrix.put(new PauseTimer("tm2", nine), new Object[] {started, lead});
    matrix.put(new ResumeTimer("tm3", nine), new Object[] {started, lead});
    matrix.put(new ExtendTimer("tm2", 60, nine), new Object[] {started, lead});
    matrix.put(new CancelTimer("tm2"), new Object[] {started, lead});
    matrix.put(new ElapseTimer("tm1", nine + 60_000),
        new Object[] {started, Set.of(Role.SERVER)});
    matrix.put(new Announce("Lunch", List.of(), nine), new Object[] {started, lead});
    matrix.put(new MoveMember("ida", "t1", "t2"), new Object[] {started, lead});

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
