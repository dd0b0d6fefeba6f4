package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.deliberation.PlenaryFixture.ANNA;
import static org.tingsted.server.deliberation.PlenaryFixture.GUS;
import static org.tingsted.server.deliberation.PlenaryFixture.LEA;
import static org.tingsted.server.deliberation.PlenaryFixture.NINE;
import static org.tingsted.server.deliberation.Rejection.Reason.CONFLICT;
import static org.tingsted.server.deliberation.Rejection.Reason.FORBIDDEN;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;
import static org.tingsted.server.deliberation.Rejection.Reason.TOO_LARGE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.SessionCommand.AdvancePhase;
import org.tingsted.server.deliberation.SessionCommand.GoBackPhase;
import org.tingsted.server.deliberation.SessionCommand.SetAgenda;
import org.tingsted.server.deliberation.SessionCommand.SetTablePhase;
import org.tingsted.server.deliberation.SessionCommand.StartAgenda;
import org.tingsted.server.deliberation.SessionCommand.StartTimer;
import org.tingsted.server.deliberation.SessionEvent.AgendaSet;
import org.tingsted.server.deliberation.SessionEvent.PhaseChanged;
import org.tingsted.server.deliberation.SessionEvent.TimerCancelled;
import org.tingsted.server.deliberation.SessionEvent.TimerStarted;

@DisplayName("The agenda of the day and its phases")
class PlenaryAgendaTest {
  private static final AgendaItem WELCOME = new AgendaItem(PhaseKind.WELCOME, "Welcome", 0, false);
  private static final AgendaItem PROPOSE =
      new AgendaItem(PhaseKind.PROPOSE, "Proposals", 600, false);
  private static final AgendaItem CLUSTER =
      new AgendaItem(PhaseKind.CLUSTER, "Clustering", 900, true);

  private final PlenaryFixture day = new PlenaryFixture();

  @Test
  @DisplayName("Before the agenda starts no phase holds anyone back, and the session is at no item")
  void beforeTheStart() {
    day.agenda(WELCOME, PROPOSE);
    assertThat(day.board.phaseIndex()).isEqualTo(-1);
    assertThat(day.board.phaseFor(null)).isNull();
    assertThat(day.board.phaseFor("t1")).isNull();
  }

  @Test
  @DisplayName("The lead facilitator sets the agenda; titles are stored without surrounding spaces")
  void setAgenda() {
    List<SessionEvent> events = day.accept(new SetAgenda(
        List.of(new AgendaItem(PhaseKind.WELCOME, "  Welcome  ", 0, false))), LEA);
    assertThat(events).containsExactly(new AgendaSet(List.of(WELCOME)));
    assertThat(day.board.agenda()).containsExactly(WELCOME);
  }

  @Test
  @DisplayName("An agenda needs at least one item, each with a phase, a title of 1 to 120 characters and a planned length of 0 to 86400 seconds")
  void agendaItemsAreChecked() {
    assertThat(day.reason(new SetAgenda(List.of()), LEA)).isEqualTo(INVALID);
    assertThat(day.reason(new SetAgenda(null), LEA)).isEqualTo(INVALID);
    assertThat(day.reason(new SetAgenda(Arrays.asList(WELCOME, null)), LEA)).isEqualTo(INVALID);
    assertThat(day.reason(new SetAgenda(
        List.of(new AgendaItem(null, "Welcome", 0, false))), LEA)).isEqualTo(INVALID);
    assertThat(day.reason(new SetAgenda(
        List.of(new AgendaItem(PhaseKind.WELCOME, " ", 0, false))), LEA)).isEqualTo(INVALID);
    assertThat(day.reason(new SetAgenda(
        List.of(new AgendaItem(PhaseKind.WELCOME, "x".repeat(121), 0, false))), LEA))
        .isEqualTo(TOO_LARGE);
    assertThat(day.reason(new SetAgenda(
        List.of(new AgendaItem(PhaseKind.WELCOME, "Welcome", -1, false))), LEA))
        .isEqualTo(INVALID);
    assertThat(day.reason(new SetAgenda(
        List.of(new AgendaItem(PhaseKind.WELCOME, "Welcome", 86_401, false))), LEA))
        .isEqualTo(INVALID);
    List<AgendaItem> long_ = new ArrayList<>();
    for (int i = 0; i <= Plenary.AGENDA_ITEMS; i++) {
      long_.add(WELCOME);
    }
    assertThat(day.reason(new SetAgenda(long_), LEA)).isEqualTo(TOO_LARGE);
  }

  @Test
  @DisplayName("Starting the agenda enters its first item and starts a phase timer for its planned length")
  void start() {
    day.agenda(PROPOSE, CLUSTER);
    List<SessionEvent> events = day.accept(new StartAgenda(NINE), LEA);
    assertThat(events).containsExactly(
        new PhaseChanged(0, PhaseKind.PROPOSE, "Proposals", 600, null),
        new TimerStarted("tm1", TimerScope.PHASE, "Proposals", null, NINE + 600_000, 600));
    assertThat(day.board.phaseIndex()).isZero();
    assertThat(day.board.phaseFor("t1")).isEqualTo(PhaseKind.PROPOSE);
    assertThat(day.timer("tm1")).isEqualTo(new Timer("tm1", TimerScope.PHASE, "Proposals", null,
        TimerStatus.RUNNING, NINE + 600_000, 0, 600, 1));
  }

  @Test
  @DisplayName("An item without a planned length starts no timer")
  void noPlannedLength() {
    day.agenda(WELCOME, PROPOSE);
    assertThat(day.accept(new StartAgenda(NINE), LEA))
        .containsExactly(new PhaseChanged(0, PhaseKind.WELCOME, "Welcome", 0, null));
    assertThat(day.board.timers()).isEmpty();
  }

  @Test
  @DisplayName("The agenda cannot start without items, nor start twice")
  void startConflicts() {
    assertThat(day.reason(new StartAgenda(NINE), LEA)).isEqualTo(CONFLICT);
    day.agenda(WELCOME);
    day.accept(new StartAgenda(NINE), LEA);
    assertThat(day.reason(new StartAgenda(NINE + 1), LEA)).isEqualTo(CONFLICT);
  }

  @Test
  @DisplayName("Moving on cancels the running phase timer and starts the next item's")
  void advance() {
    day.agenda(PROPOSE, CLUSTER);
    day.accept(new StartAgenda(NINE), LEA);
    List<SessionEvent> events = day.accept(new AdvancePhase(NINE + 300_000), LEA);
    assertThat(events).containsExactly(
        new TimerCancelled("tm1"),
        new PhaseChanged(1, PhaseKind.CLUSTER, "Clustering", 900, null),
        new TimerStarted("tm2", TimerScope.PHASE, "Clustering", null, NINE + 1_200_000, 900));
    assertThat(day.timer("tm1").status()).isEqualTo(TimerStatus.CANCELLED);
    assertThat(day.board.phaseFor(null)).isEqualTo(PhaseKind.CLUSTER);
  }

  @Test
  @DisplayName("Going back starts the earlier item afresh, with its full time")
  void goBack() {
    day.agenda(PROPOSE, CLUSTER);
    day.accept(new StartAgenda(NINE), LEA);
    day.accept(new AdvancePhase(NINE + 300_000), LEA);
    List<SessionEvent> events = day.accept(new GoBackPhase(NINE + 360_000), LEA);
    assertThat(events).containsExactly(
        new TimerCancelled("tm2"),
        new PhaseChanged(0, PhaseKind.PROPOSE, "Proposals", 600, null),
        new TimerStarted("tm3", TimerScope.PHASE, "Proposals", null, NINE + 960_000, 600));
  }

  @Test
  @DisplayName("There is no moving before the agenda starts, past its last item or back before its first")
  void moveConflicts() {
    day.agenda(WELCOME, PROPOSE);
    assertThat(day.reason(new AdvancePhase(NINE), LEA)).isEqualTo(CONFLICT);
    assertThat(day.reason(new GoBackPhase(NINE), LEA)).isEqualTo(CONFLICT);
    day.accept(new StartAgenda(NINE), LEA);
    assertThat(day.reason(new GoBackPhase(NINE + 1), LEA)).isEqualTo(CONFLICT);
    day.accept(new AdvancePhase(NINE + 2), LEA);
    Rejection last = day.reject(new AdvancePhase(NINE + 3), LEA);
    assertThat(last.reason()).isEqualTo(CONFLICT);
    assertThat(last.message()).contains("item 2", "\"Proposals\"", "last");
  }

  @Test
  @DisplayName("Replacing the agenda keeps the session at the same item number, or the last one when the new agenda is shorter")
  void replaceAgenda() {
    day.agenda(WELCOME, PROPOSE, CLUSTER);
    day.accept(new StartAgenda(NINE), LEA);
    day.accept(new AdvancePhase(NINE + 1), LEA);
    day.agenda(WELCOME, CLUSTER, PROPOSE);
    assertThat(day.board.phaseIndex()).isEqualTo(1);
    assertThat(day.board.phaseFor(null)).isEqualTo(PhaseKind.CLUSTER);
    day.agenda(PROPOSE);
    assertThat(day.board.phaseIndex()).isZero();
    assertThat(day.timer("tm1").status()).as("the phase timer runs on")
        .isEqualTo(TimerStatus.RUNNING);
  }

  @Test
  @DisplayName("A table may be put in a phase of its own and follow the session again")
  void tableSubPhase() {
    day.agenda(PROPOSE, CLUSTER);
    day.accept(new StartAgenda(NINE), LEA);
    assertThat(day.accept(new SetTablePhase("t1", PhaseKind.DISCUSS), GUS))
        .containsExactly(new PhaseChanged(-1, PhaseKind.DISCUSS, null, 0, "t1"));
    assertThat(day.board.phaseFor("t1")).isEqualTo(PhaseKind.DISCUSS);
    assertThat(day.board.phaseFor("t2")).isEqualTo(PhaseKind.PROPOSE);
    assertThat(day.accept(new SetTablePhase("t1", null), LEA))
        .containsExactly(new PhaseChanged(-1, null, null, 0, "t1"));
    assertThat(day.board.phaseFor("t1")).isEqualTo(PhaseKind.PROPOSE);
  }

  @Test
  @DisplayName("Each place counts its phase changes, and a timer keeps its place's count from its start, so a snapshot tells whether the place moved on since")
  void phaseMarks() {
    day.agenda(PROPOSE, CLUSTER);
    assertThat(day.board.phaseMark(null)).isZero();
    day.accept(new StartAgenda(NINE), LEA);
    day.accept(new StartTimer(TimerScope.ROUND, 300, "Round 1", "t1", NINE), GUS); // tm2
    assertThat(day.timer("tm1").phaseMark()).as("the phase timer, after the start").isEqualTo(1);
    assertThat(day.timer("tm2").phaseMark()).isEqualTo(1);
    day.accept(new SetTablePhase("t1", PhaseKind.DISCUSS), GUS);
    assertThat(day.board.phaseMark("t1")).isEqualTo(2);
    assertThat(day.board.phaseMark("t2")).as("another table did not move").isEqualTo(1);
    assertThat(day.board.phaseMark(null)).isEqualTo(1);
    day.accept(new AdvancePhase(NINE + 1), LEA); // cancels tm1, starts tm3
    assertThat(day.board.phaseMark("t1")).isEqualTo(3);
    assertThat(day.board.phaseMark("t2")).isEqualTo(2);
    assertThat(day.timer("tm3").phaseMark()).isEqualTo(2);
    assertThat(day.board.phaseChanges()).containsExactly(
        org.assertj.core.api.Assertions.entry("", 2), org.assertj.core.api.Assertions.entry("t1", 1));
  }

  @Test
  @DisplayName("When the session's phase changes every table follows it again")
  void sessionPhaseClearsSubPhases() {
    day.agenda(PROPOSE, CLUSTER);
    day.accept(new StartAgenda(NINE), LEA);
    day.accept(new SetTablePhase("t1", PhaseKind.DISCUSS), LEA);
    day.accept(new SetTablePhase("t2", PhaseKind.BREAK), LEA);
    day.accept(new AdvancePhase(NINE + 1), LEA);
    assertThat(day.board.tablePhases()).isEmpty();
    assertThat(day.board.phaseFor("t1")).isEqualTo(PhaseKind.CLUSTER);
  }

  @Test
  @DisplayName("A table's phase may be set before the agenda starts, and is then the only phase it has")
  void subPhaseBeforeTheStart() {
    day.accept(new SetTablePhase("t1", PhaseKind.PROPOSE), LEA);
    assertThat(day.board.phaseFor("t1")).isEqualTo(PhaseKind.PROPOSE);
    assertThat(day.board.phaseFor("t2")).isNull();
  }

  @Test
  @DisplayName("Setting a table's phase cancels that table's phase timer, and no other")
  void subPhaseCancelsTheTablesPhaseTimer() {
    day.accept(new SetTablePhase("t1", PhaseKind.PROPOSE), LEA);
    day.accept(new StartTimer(TimerScope.PHASE, 300, "Proposals at t1", "t1", NINE), LEA);
    day.accept(new StartTimer(TimerScope.PHASE, 300, "Proposals at t2", "t2", NINE), LEA);
    assertThat(day.accept(new SetTablePhase("t1", PhaseKind.DISCUSS), GUS)).containsExactly(
        new TimerCancelled("tm1"), new PhaseChanged(-1, PhaseKind.DISCUSS, null, 0, "t1"));
    assertThat(day.timer("tm2").status()).isEqualTo(TimerStatus.RUNNING);
  }

  @Test
  @DisplayName("A table already in that phase, or already following the session, is a conflict; a table must be named")
  void subPhaseConflicts() {
    assertThat(day.reason(new SetTablePhase("t1", null), LEA)).isEqualTo(CONFLICT);
    day.accept(new SetTablePhase("t1", PhaseKind.CLUSTER), LEA);
    assertThat(day.reason(new SetTablePhase("t1", PhaseKind.CLUSTER), LEA)).isEqualTo(CONFLICT);
    assertThat(day.reason(new SetTablePhase(" ", PhaseKind.CLUSTER), LEA)).isEqualTo(INVALID);
  }

  @Test
  @DisplayName("Only the lead facilitator, or the table's own facilitator, sets a table's phase")
  void subPhaseRoles() {
    assertThat(day.reason(new SetTablePhase("t2", PhaseKind.CLUSTER), GUS)).isEqualTo(FORBIDDEN);
    assertThat(day.reason(new SetTablePhase("t1", PhaseKind.CLUSTER), ANNA)).isEqualTo(FORBIDDEN);
    assertThat(day.reason(new SetTablePhase("t1", PhaseKind.CLUSTER),
        new Actor("ida", Role.MEMBER, "t1"))).isEqualTo(FORBIDDEN);
  }

  @Test
  @DisplayName("A command that has not been given its time by the server is refused as invalid")
  void unstamped() {
    day.agenda(WELCOME);
    Rejection rejection = day.reject(new StartAgenda(0), LEA);
    assertThat(rejection.reason()).isEqualTo(INVALID);
    assertThat(rejection.message()).contains("stamps");
  }
}
