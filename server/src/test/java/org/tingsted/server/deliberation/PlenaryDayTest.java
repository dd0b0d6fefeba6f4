package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.deliberation.PlenaryFixture.CLOCK;
import static org.tingsted.server.deliberation.PlenaryFixture.GUS;
import static org.tingsted.server.deliberation.PlenaryFixture.LEA;
import static org.tingsted.server.deliberation.PlenaryFixture.NINE;
import static org.tingsted.server.deliberation.Rejection.Reason.CONFLICT;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.SessionCommand.AdvancePhase;
import org.tingsted.server.deliberation.SessionCommand.ElapseTimer;
import org.tingsted.server.deliberation.SessionCommand.ExtendTimer;
import org.tingsted.server.deliberation.SessionCommand.PauseTimer;
import org.tingsted.server.deliberation.SessionCommand.ResumeTimer;
import org.tingsted.server.deliberation.SessionCommand.SetTablePhase;
import org.tingsted.server.deliberation.SessionCommand.StartAgenda;
import org.tingsted.server.deliberation.SessionCommand.StartTimer;
import org.tingsted.server.deliberation.SessionEvent.PhaseChanged;
import org.tingsted.server.deliberation.SessionEvent.TimerCancelled;
import org.tingsted.server.deliberation.SessionEvent.TimerElapsed;
import org.tingsted.server.deliberation.SessionEvent.TimerExtended;
import org.tingsted.server.deliberation.SessionEvent.TimerPaused;
import org.tingsted.server.deliberation.SessionEvent.TimerResumed;
import org.tingsted.server.deliberation.SessionEvent.TimerStarted;

@DisplayName("A short session day, minute by minute")
class PlenaryDayTest {

  @Test
  @DisplayName("Proposals, discussion and clustering: the phase timers run out, the day moves on by itself where planned, and waits for the lead where not")
  void aScriptedDay() {
    PlenaryFixture day = new PlenaryFixture();
    day.agenda(
        new AgendaItem(PhaseKind.PROPOSE, "Proposals", 60, true),
        new AgendaItem(PhaseKind.DISCUSS, "Discussion", 120, false),
        new AgendaItem(PhaseKind.CLUSTER, "Clustering", 90, true));

    // 09:00:00 the lead starts the day: proposals until 09:01:00.
    assertThat(day.accept(new StartAgenda(NINE), LEA)).containsExactly(
        new PhaseChanged(0, PhaseKind.PROPOSE, "Proposals", 60, null),
        new TimerStarted("tm1", TimerScope.PHASE, "Proposals", null, NINE + 60_000, 60));

    // 09:00:20 table 1 takes a break of its own.
    day.accept(new SetTablePhase("t1", PhaseKind.BREAK), GUS);
    assertThat(day.board.phaseFor("t1")).isEqualTo(PhaseKind.BREAK);
    assertThat(day.board.phaseFor("t2")).isEqualTo(PhaseKind.PROPOSE);

    // 09:00:59 the server's clock is a second early.
    assertThat(day.reason(new ElapseTimer("tm1", NINE + 59_000), CLOCK)).isEqualTo(CONFLICT);

    // 09:01:00 the proposals' time is up and the day moves on to the discussion by itself, for
    // 120 s, until 09:03:00; table 1 follows the session again.
    assertThat(day.accept(new ElapseTimer("tm1", NINE + 60_000), CLOCK)).containsExactly(
        new TimerElapsed("tm1"),
        new PhaseChanged(1, PhaseKind.DISCUSS, "Discussion", 120, null),
        new TimerStarted("tm2", TimerScope.PHASE, "Discussion", null, NINE + 180_000, 120));
    assertThat(day.board.phaseIndex()).isEqualTo(1);
    assertThat(day.board.tablePhases()).isEmpty();
    assertThat(day.board.phaseFor("t1")).isEqualTo(PhaseKind.DISCUSS);

    // 09:01:30 the lead pauses the discussion with 90 s left (180 000 - 90 000 ms) …
    assertThat(day.accept(new PauseTimer("tm2", NINE + 90_000), LEA))
        .containsExactly(new TimerPaused("tm2", 90_000));
    // … 09:02:00 adds a minute: 150 s left, 180 s in all …
    assertThat(day.accept(new ExtendTimer("tm2", 60, NINE + 120_000), LEA))
        .containsExactly(new TimerExtended("tm2", 180, 0, 150_000));
    // … and 09:05:00 lets it run on: due 150 s later, at 09:07:30.
    assertThat(day.accept(new ResumeTimer("tm2", NINE + 300_000), LEA))
        .containsExactly(new TimerResumed("tm2", NINE + 450_000));

    // Meanwhile table 1 times a speaker; the phase changes leave it running.
    day.accept(new StartTimer(TimerScope.SPEAKER, 600, "Ida", "t1", NINE + 310_000), GUS);

    // 09:07:30 the discussion's time is up, but it does not advance by itself.
    assertThat(day.accept(new ElapseTimer("tm2", NINE + 450_000), CLOCK))
        .containsExactly(new TimerElapsed("tm2"));
    assertThat(day.board.phaseIndex()).isEqualTo(1);

    // 09:08:00 the lead moves on to clustering, for 90 s.
    assertThat(day.accept(new AdvancePhase(NINE + 480_000), LEA)).containsExactly(
        new PhaseChanged(2, PhaseKind.CLUSTER, "Clustering", 90, null),
        new TimerStarted("tm4", TimerScope.PHASE, "Clustering", null, NINE + 570_000, 90));

    // 09:09:30 clustering's time is up; it would advance by itself, but it is the last item.
    assertThat(day.accept(new ElapseTimer("tm4", NINE + 570_000), CLOCK))
        .containsExactly(new TimerElapsed("tm4"));
    assertThat(day.board.phaseIndex()).isEqualTo(2);
    assertThat(day.timer("tm3").status()).isEqualTo(TimerStatus.RUNNING);
    assertThat(day.board.timers().values()).extracting(Timer::status).containsExactly(
        TimerStatus.ELAPSED, TimerStatus.ELAPSED, TimerStatus.RUNNING, TimerStatus.ELAPSED);
  }

  @Test
  @DisplayName("A phase timer paused when the day moves on is cancelled with it")
  void pausedPhaseTimerIsCancelled() {
    PlenaryFixture day = new PlenaryFixture();
    day.agenda(new AgendaItem(PhaseKind.PROPOSE, "Proposals", 60, false),
        new AgendaItem(PhaseKind.BREAK, "Coffee", 0, false));
    day.accept(new StartAgenda(NINE), LEA);
    day.accept(new StartTimer(TimerScope.PHASE, 300, "Table 2 catches up", "t2", NINE), LEA);
    day.accept(new PauseTimer("tm1", NINE + 10_000), LEA);
    assertThat(day.accept(new AdvancePhase(NINE + 20_000), LEA)).containsExactly(
        new TimerCancelled("tm1"), new TimerCancelled("tm2"),
        new PhaseChanged(1, PhaseKind.BREAK, "Coffee", 0, null));
  }
}
