package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.deliberation.PlenaryFixture.ANNA;
import static org.tingsted.server.deliberation.PlenaryFixture.CLOCK;
import static org.tingsted.server.deliberation.PlenaryFixture.GUS;
import static org.tingsted.server.deliberation.PlenaryFixture.LEA;
import static org.tingsted.server.deliberation.PlenaryFixture.NINE;
import static org.tingsted.server.deliberation.Rejection.Reason.CONFLICT;
import static org.tingsted.server.deliberation.Rejection.Reason.FORBIDDEN;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;
import static org.tingsted.server.deliberation.Rejection.Reason.NOT_FOUND;
import static org.tingsted.server.deliberation.Rejection.Reason.TOO_LARGE;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.SessionCommand.CancelTimer;
import org.tingsted.server.deliberation.SessionCommand.ElapseTimer;
import org.tingsted.server.deliberation.SessionCommand.ExtendTimer;
import org.tingsted.server.deliberation.SessionCommand.PauseTimer;
import org.tingsted.server.deliberation.SessionCommand.ResumeTimer;
import org.tingsted.server.deliberation.SessionCommand.StartTimer;
import org.tingsted.server.deliberation.SessionEvent.TimerCancelled;
import org.tingsted.server.deliberation.SessionEvent.TimerElapsed;
import org.tingsted.server.deliberation.SessionEvent.TimerExtended;
import org.tingsted.server.deliberation.SessionEvent.TimerPaused;
import org.tingsted.server.deliberation.SessionEvent.TimerResumed;
import org.tingsted.server.deliberation.SessionEvent.TimerStarted;

@DisplayName("Timers")
class PlenaryTimerTest {
  private final PlenaryFixture day = new PlenaryFixture();

  /** A five-minute round at table t1, started by its facilitator at 09:00:00. */
  private String round() {
    day.accept(new StartTimer(TimerScope.ROUND, 300, " Round 1 ", "t1", NINE), GUS);
    return "tm" + day.board.timersStarted();
  }

  @Test
  @DisplayName("A table's facilitator times a round at their table; the label is stored without surrounding spaces")
  void start() {
    assertThat(day.accept(new StartTimer(TimerScope.ROUND, 300, " Round 1 ", "t1", NINE), GUS))
        .containsExactly(
            new TimerStarted("tm1", TimerScope.ROUND, "Round 1", "t1", NINE + 300_000, 300));
    assertThat(day.timer("tm1")).isEqualTo(new Timer("tm1", TimerScope.ROUND, "Round 1", "t1",
        TimerStatus.RUNNING, NINE + 300_000, 0, 300, 0));
  }

  @Test
  @DisplayName("Pausing, resuming and extending move the deadline by exactly the time paused and the time added")
  void arithmetic() {
    String t = round();
    // 09:00:00 start, 300 s: due at 09:05:00. Paused at 09:02:00 with 180 s left.
    assertThat(day.accept(new PauseTimer(t, NINE + 120_000), GUS))
        .containsExactly(new TimerPaused(t, 180_000));
    assertThat(day.timer(t).status()).isEqualTo(TimerStatus.PAUSED);
    assertThat(day.timer(t).deadline()).isZero();
    // Extended by 60 s while paused: 240 s left, 360 s in all.
    assertThat(day.accept(new ExtendTimer(t, 60, NINE + 150_000), GUS))
        .containsExactly(new TimerExtended(t, 360, 0, 240_000));
    // Resumed at 09:10:00: due 240 s later, at 09:14:00.
    assertThat(day.accept(new ResumeTimer(t, NINE + 600_000), GUS))
        .containsExactly(new TimerResumed(t, NINE + 840_000));
    // Extended by 30 s while running: due at 09:14:30, 390 s in all.
    assertThat(day.accept(new ExtendTimer(t, 30, NINE + 700_000), LEA))
        .containsExactly(new TimerExtended(t, 390, NINE + 870_000, 0));
    assertThat(day.timer(t)).isEqualTo(new Timer(t, TimerScope.ROUND, "Round 1", "t1",
        TimerStatus.RUNNING, NINE + 870_000, 0, 390, 0));
  }

  @Test
  @DisplayName("Only a running timer is paused, only a paused one resumed, and a running timer past its deadline has run out")
  void statusConflicts() {
    String t = round();
    assertThat(day.reason(new ResumeTimer(t, NINE + 1), GUS)).isEqualTo(CONFLICT);
    assertThat(day.reason(new PauseTimer(t, NINE + 300_000), GUS)).isEqualTo(CONFLICT);
    assertThat(day.reason(new ExtendTimer(t, 60, NINE + 300_000), GUS)).isEqualTo(CONFLICT);
    day.accept(new PauseTimer(t, NINE + 1000), GUS);
    assertThat(day.reason(new PauseTimer(t, NINE + 2000), GUS)).isEqualTo(CONFLICT);
    day.accept(new CancelTimer(t), GUS);
    assertThat(day.reason(new CancelTimer(t), GUS)).isEqualTo(CONFLICT);
    assertThat(day.reason(new ResumeTimer(t, NINE + 3000), GUS)).isEqualTo(CONFLICT);
    assertThat(day.reason(new ExtendTimer(t, 60, NINE + 3000), GUS)).isEqualTo(CONFLICT);
  }

  @Test
  @DisplayName("A running or paused timer may be cancelled")
  void cancel() {
    String t = round();
    assertThat(day.accept(new CancelTimer(t), LEA)).containsExactly(new TimerCancelled(t));
    assertThat(day.timer(t).status()).isEqualTo(TimerStatus.CANCELLED);
  }

  @Test
  @DisplayName("A timer runs out when the server's clock says so at or after its deadline, and not before")
  void elapse() {
    String t = round();
    Rejection early = day.reject(new ElapseTimer(t, NINE + 299_999), CLOCK);
    assertThat(early.reason()).isEqualTo(CONFLICT);
    assertThat(early.message()).contains("not due", "1 ms");
    assertThat(day.accept(new ElapseTimer(t, NINE + 300_000), CLOCK))
        .containsExactly(new TimerElapsed(t));
    assertThat(day.timer(t).status()).isEqualTo(TimerStatus.ELAPSED);
    assertThat(day.reason(new ElapseTimer(t, NINE + 400_000), CLOCK)).isEqualTo(CONFLICT);
    assertThat(day.reason(new CancelTimer(t), LEA)).isEqualTo(CONFLICT);
  }

  @Test
  @DisplayName("A paused timer does not run out")
  void pausedDoesNotElapse() {
    String t = round();
    day.accept(new PauseTimer(t, NINE + 1000), GUS);
    assertThat(day.reason(new ElapseTimer(t, NINE + 900_000), CLOCK)).isEqualTo(CONFLICT);
  }

  @Test
  @DisplayName("Only the server's clock lets a timer run out, not even the lead facilitator")
  void onlyTheServerElapses() {
    String t = round();
    for (Actor actor : new Actor[] {LEA, GUS, ANNA, PlenaryFixture.ADA}) {
      assertThat(day.reason(new ElapseTimer(t, NINE + 300_000), actor)).isEqualTo(FORBIDDEN);
    }
  }

  @Test
  @DisplayName("A table's facilitator times rounds and speakers at their own table only, and starts no phase timers")
  void facilitatorLimits() {
    assertThat(day.reason(new StartTimer(TimerScope.SPEAKER, 120, null, "t2", NINE), GUS))
        .isEqualTo(FORBIDDEN);
    assertThat(day.reason(new StartTimer(TimerScope.ROUND, 120, null, null, NINE), GUS))
        .isEqualTo(FORBIDDEN);
    assertThat(day.reason(new StartTimer(TimerScope.PHASE, 120, null, "t1", NINE), GUS))
        .isEqualTo(FORBIDDEN);
    assertThat(day.reason(new StartTimer(TimerScope.ROUND, 120, null, "t1", NINE), ANNA))
        .isEqualTo(FORBIDDEN);
    day.accept(new StartTimer(TimerScope.SPEAKER, 120, null, "t1", NINE), GUS);
    assertThat(day.timer("tm1").label()).isNull();
  }

  @Test
  @DisplayName("A table's facilitator controls their own table's timers, not the session's nor another table's")
  void controlRoles() {
    day.accept(new StartTimer(TimerScope.ROUND, 300, null, "t2", NINE), LEA);
    day.accept(new StartTimer(TimerScope.ROUND, 300, null, null, NINE), LEA);
    String own = round();
    for (String other : new String[] {"tm1", "tm2"}) {
      assertThat(day.reason(new PauseTimer(other, NINE + 1), GUS)).isEqualTo(FORBIDDEN);
      assertThat(day.reason(new ExtendTimer(other, 60, NINE + 1), GUS)).isEqualTo(FORBIDDEN);
      assertThat(day.reason(new CancelTimer(other), GUS)).isEqualTo(FORBIDDEN);
    }
    assertThat(day.reason(new PauseTimer(own, NINE + 1), ANNA)).isEqualTo(FORBIDDEN);
    assertThat(day.reason(new PauseTimer(own, NINE + 1),
        new Actor("ida", Role.MEMBER, "t1"))).isEqualTo(FORBIDDEN);
    day.accept(new PauseTimer(own, NINE + 1), GUS);
    day.accept(new PauseTimer("tm1", NINE + 1), LEA);
  }

  @Test
  @DisplayName("A timer runs 1 to 86400 seconds in all, with a label of at most 120 characters")
  void limits() {
    assertThat(day.reason(new StartTimer(TimerScope.ROUND, 0, null, "t1", NINE), GUS))
        .isEqualTo(INVALID);
    assertThat(day.reason(new StartTimer(TimerScope.ROUND, 86_401, null, "t1", NINE), GUS))
        .isEqualTo(INVALID);
    assertThat(day.reason(new StartTimer(null, 60, null, "t1", NINE), LEA)).isEqualTo(INVALID);
    assertThat(day.reason(new StartTimer(TimerScope.ROUND, 60, "x".repeat(121), "t1", NINE), GUS))
        .isEqualTo(TOO_LARGE);
    assertThat(day.reason(new StartTimer(TimerScope.ROUND, 60, null, " ", NINE), LEA))
        .isEqualTo(INVALID);
    String t = round();
    assertThat(day.reason(new ExtendTimer(t, 0, NINE + 1), GUS)).isEqualTo(INVALID);
    assertThat(day.reason(new ExtendTimer(t, 86_101, NINE + 1), GUS)).isEqualTo(INVALID);
    day.accept(new ExtendTimer(t, 86_100, NINE + 1), GUS);
    assertThat(day.timer(t).seconds()).isEqualTo(86_400);
  }

  @Test
  @DisplayName("A timer that does not exist is not found; one not named is invalid")
  void unknownTimers() {
    assertThat(day.reason(new PauseTimer("tm9", NINE), LEA)).isEqualTo(NOT_FOUND);
    assertThat(day.reason(new ResumeTimer("tm9", NINE), LEA)).isEqualTo(NOT_FOUND);
    assertThat(day.reason(new ExtendTimer("tm9", 60, NINE), LEA)).isEqualTo(NOT_FOUND);
    assertThat(day.reason(new CancelTimer("tm9"), LEA)).isEqualTo(NOT_FOUND);
    assertThat(day.reason(new ElapseTimer("tm9", NINE), CLOCK)).isEqualTo(NOT_FOUND);
    assertThat(day.reason(new CancelTimer(null), LEA)).isEqualTo(INVALID);
    assertThat(day.reason(new ElapseTimer(null, NINE), CLOCK)).isEqualTo(INVALID);
  }

  @Test
  @DisplayName("The session, and each table, has at most one phase timer counting down at a time")
  void onePhaseTimer() {
    day.accept(new StartTimer(TimerScope.PHASE, 600, "Plenary", null, NINE), LEA);
    assertThat(day.reason(new StartTimer(TimerScope.PHASE, 600, "Again", null, NINE), LEA))
        .isEqualTo(CONFLICT);
    day.accept(new PauseTimer("tm1", NINE + 1000), LEA);
    assertThat(day.reason(new StartTimer(TimerScope.PHASE, 600, "Again", null, NINE), LEA))
        .as("a paused phase timer still counts").isEqualTo(CONFLICT);
    day.accept(new StartTimer(TimerScope.PHASE, 600, "Table 1", "t1", NINE), LEA);
    day.accept(new StartTimer(TimerScope.ROUND, 600, null, null, NINE), LEA);
    day.accept(new CancelTimer("tm1"), LEA);
    day.accept(new StartTimer(TimerScope.PHASE, 600, "Again", null, NINE + 2000), LEA);
  }
}
