package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.tingsted.server.deliberation.Decision.Accepted;
import org.tingsted.server.deliberation.Decision.Rejected;
import org.tingsted.server.deliberation.PlenarySessions.Step;
import org.tingsted.server.deliberation.PlenarySessions.Trace;
import org.tingsted.server.deliberation.PlenarySessions.Turn;
import org.tingsted.server.deliberation.SessionCommand.AdvancePhase;
import org.tingsted.server.deliberation.SessionCommand.CastFinalBallot;
import org.tingsted.server.deliberation.SessionCommand.ElapseTimer;
import org.tingsted.server.deliberation.SessionEvent.Announced;
import org.tingsted.server.deliberation.SessionEvent.AnswerRecorded;
import org.tingsted.server.deliberation.SessionEvent.DraftsMerged;
import org.tingsted.server.deliberation.SessionEvent.FinalBallotCast;
import org.tingsted.server.deliberation.SessionEvent.FinalVoteClosed;
import org.tingsted.server.deliberation.SessionEvent.ReportPublished;
import org.tingsted.server.deliberation.SessionEvent.TimerElapsed;
import org.tingsted.server.deliberation.SessionEvent.TimerExtended;
import org.tingsted.server.deliberation.SessionEvent.TimerResumed;

/**
 * Random plenaries (see {@link PlenarySessions}): commands from members, facilitators, an
 * observer and an administrator, naming ids that may or may not exist, applied one after another
 * as the session's stream would.
 */
class PlenaryProperties {

  private static final List<Actor> ACTORS = PlenarySessions.ACTORS;

  @Provide
  Arbitrary<List<Step>> sessions() {
    return PlenarySessions.sessions();
  }

  @Property(tries = 300)
  @Label("The same command on the same plenary is always decided the same way, and a refusal says why")
  void everyDecisionIsRepeatable(
      @ForAll("sessions") List<Step> session) {
    SessionBoard board = SessionBoard.empty(PlenarySessions.SESSION);
    List<SessionEvent> accepted = new ArrayList<>();
    long clock = PlenarySessions.START;
    for (Step step : session) {
      clock += step.advance() * 1000L;
      SessionCommand command = step.on(board, clock);
      clock = Math.max(clock, command instanceof Timed timed ? timed.now() : clock);
      Decision<SessionEvent> decision = Plenary.decide(board, command, step.actor());
      assertThat(Plenary.decide(board, command, step.actor())).isEqualTo(decision);
      if (decision instanceof Accepted<SessionEvent> a) {
        assertThat(a.events()).isNotEmpty();
        for (SessionEvent event : a.events()) {
          board = Plenary.evolve(board, event);
          accepted.add(event);
        }
      } else {
        Rejection rejection = ((Rejected<SessionEvent>) decision).rejection();
        assertThat(rejection.reason()).isNotNull();
        assertThat(rejection.message()).isNotBlank();
      }
    }
  }

  @Property(tries = 300)
  @Label("Merged drafts point along a chain to a draft that holds their sources; at most one final vote is open; every closed vote counts exactly its ballots")
  void thePlenaryStaysConsistent(@ForAll("sessions") List<Step> session) {
    for (SessionBoard board : PlenarySessions.play(session).boards()) {
      checkDrafts(board);
      checkVotes(board);
    }
  }

  private static void checkDrafts(SessionBoard board) {
    for (Draft draft : board.drafts().values()) {
      assertThat(number(draft.id())).isBetween(1, board.draftsMade());
      assertThat(draft.version()).isPositive();
      assertThat(draft.sources()).isNotEmpty();
      for (int i = 0; i < draft.sources().size(); i++) {
        for (int j = 0; j < i; j++) {
          assertThat(draft.sources().get(j).sameOrigin(draft.sources().get(i)))
              .as("%s lists a source twice", draft.id()).isFalse();
        }
      }
      assertThat(draft.mergedInto() != null)
          .isEqualTo(draft.status() == DraftStatus.MERGED);
      assertThat(draft.withdrawnReason() != null)
          .isEqualTo(draft.status() == DraftStatus.WITHDRAWN);
      Set<String> seen = new HashSet<>();
      Draft end = draft;
      while (end.status() == DraftStatus.MERGED) {
        assertThat(seen.add(end.id())).as("merge chain from %s loops", draft.id()).isTrue();
        assertThat(end.mergedInto()).isNotEqualTo(end.id());
        assertThat(board.drafts()).containsKey(end.mergedInto());
        Draft next = board.drafts().get(end.mergedInto());
        assertThat(next.sources()).as("%s keeps the sources of %s", next.id(), end.id())
            .allSatisfy(s -> assertThat(next.sources().stream().anyMatch(s::sameOrigin)).isTrue());
        end = next;
      }
      if (draft.status() == DraftStatus.MERGED) {
        assertThat(draft.answer()).as("a merged draft is answered through %s", end.id()).isNull();
      }
    }
  }

  private static void checkVotes(SessionBoard board) {
    int open = 0;
    for (FinalVote vote : board.finalVotes().values()) {
      assertThat(number(vote.id())).isBetween(1, board.finalVotesOpened());
      assertThat(vote.ballotCount()).isEqualTo(vote.ballots().size());
      assertThat(vote.ballots().size()).isLessThanOrEqualTo(vote.electorate());
      assertThat(vote.result() == null).isEqualTo(vote.status() == VoteStatus.OPEN);
      assertThat(vote.drafts()).doesNotHaveDuplicates().isNotEmpty();
      assertThat(vote.threshold()).isGreaterThan(0).isLessThanOrEqualTo(1);
      for (Map.Entry<String, Map<String, Choice>> ballot : vote.ballots().entrySet()) {
        assertThat(ACTORS).contains(new Actor(ballot.getKey(), Role.MEMBER));
        assertThat(ballot.getValue()).isNotEmpty();
        assertThat(vote.drafts()).containsAll(ballot.getValue().keySet());
        assertThat(ballot.getValue().values()).doesNotContainNull();
      }
      if (vote.status() == VoteStatus.OPEN) {
        open++;
        for (String draft : vote.drafts()) {
          assertThat(board.drafts().get(draft).status())
              .as("%s is on open vote %s", draft, vote.id()).isEqualTo(DraftStatus.OPEN);
        }
      } else {
        checkResult(vote);
      }
    }
    assertThat(open).as("open final votes").isLessThanOrEqualTo(1);
  }

  private static void checkResult(FinalVote vote) {
    FinalResult result = vote.result();
    assertThat(result.electorate()).isEqualTo(vote.electorate());
    assertThat(result.threshold()).isEqualTo(vote.threshold());
    assertThat(result.ballots()).isEqualTo(vote.ballots().size());
    assertThat(result.drafts()).extracting(DraftSupport::draft)
        .containsExactlyElementsOf(vote.drafts());
    for (DraftSupport support : result.drafts()) {
      Map<Choice, Integer> counts = new LinkedHashMap<>();
      for (Map<String, Choice> ballot : vote.ballots().values()) {
        Choice choice = ballot.get(support.draft());
        if (choice != null) {
          counts.merge(choice, 1, Integer::sum);
        }
      }
      assertThat(support.support()).isEqualTo(counts.getOrDefault(Choice.SUPPORT, 0));
      assertThat(support.oppose()).isEqualTo(counts.getOrDefault(Choice.OPPOSE, 0));
      assertThat(support.abstain()).isEqualTo(counts.getOrDefault(Choice.ABSTAIN, 0));
      assertThat(support.share()).isEqualTo((double) support.support() / vote.electorate());
      assertThat(support.share()).isBetween(0.0, 1.0);
      assertThat(support.adopted())
          .isEqualTo(support.share() >= vote.threshold() - Plenary.THRESHOLD_TOLERANCE);
    }
  }

  @Property(tries = 300)
  @Label("A draft the assembly adopted keeps the words it was adopted with")
  void anAdoptedDraftStaysAsTheAssemblyVotedForIt(@ForAll("sessions") List<Step> session) {
    Trace trace = PlenarySessions.play(session);
    Map<String, Draft> asAdopted = new LinkedHashMap<>();
    for (int i = 0; i < trace.events().size(); i++) {
      SessionBoard after = trace.boards().get(i + 1);
      if (trace.events().get(i) instanceof FinalVoteClosed e) {
        for (DraftSupport support : e.result().drafts()) {
          if (support.adopted()) {
            asAdopted.put(support.draft(), after.drafts().get(support.draft()));
          } else {
            asAdopted.remove(support.draft());
          }
        }
      }
      for (Map.Entry<String, Draft> adopted : asAdopted.entrySet()) {
        Draft now = after.drafts().get(adopted.getKey());
        assertThat(now.withAnswer(null)).as("%s after adoption", now.id())
            .isEqualTo(adopted.getValue().withAnswer(null));
      }
    }
  }

  @Property(tries = 300)
  @Label("Nobody, facilitators included, sees another member's ballot while the final vote is open")
  void noOneSeesAnotherMembersOpenFinalBallot(@ForAll("sessions") List<Step> session) {
    Trace trace = PlenarySessions.play(session);
    for (int i = 0; i < trace.events().size(); i++) {
      SessionBoard before = trace.boards().get(i);
      SessionEvent event = trace.events().get(i);
      for (Actor viewer : ACTORS) {
        SessionEvent seen = Plenary.eventFor(before, event, viewer);
        if (event instanceof FinalBallotCast e && !e.voter().equals(viewer.member())) {
          assertThat(seen).isEqualTo(new FinalBallotCast(e.vote(), null, null, e.ballots()));
        } else if (event instanceof Announced e && !seesAnnouncement(viewer, e.tables())) {
          assertThat(seen).as("%s sees %s", viewer, e).isNull();
        } else {
          assertThat(seen).isEqualTo(event);
        }
      }
    }
    SessionBoard last = trace.last();
    for (Actor viewer : ACTORS) {
      SessionBoard seen = Plenary.boardFor(last, viewer);
      assertThat(seen.drafts()).isEqualTo(last.drafts());
      assertThat(seen.reportPublished()).isEqualTo(last.reportPublished());
      assertThat(seen.announcements()).as("announcements %s sees", viewer)
          .isEqualTo(last.announcements().stream()
              .filter(a -> seesAnnouncement(viewer, a.tables())).toList());
      assertThat(seen.timers()).isEqualTo(last.timers());
      assertThat(seen.agenda()).isEqualTo(last.agenda());
      for (FinalVote vote : last.finalVotes().values()) {
        FinalVote shown = seen.finalVotes().get(vote.id());
        assertThat(shown.ballotCount()).isEqualTo(vote.ballotCount());
        if (vote.status() == VoteStatus.OPEN) {
          Map<String, Choice> own = vote.ballots().get(viewer.member());
          assertThat(shown.ballots()).as("%s sees of %s", viewer, vote.id())
              .isEqualTo(own == null ? Map.of() : Map.of(viewer.member(), own));
        } else {
          assertThat(shown).isEqualTo(vote);
        }
      }
    }
  }

  /**
   * Whether a viewer may see an announcement, written out again: the ones for every table are
   * for everyone; the others for their tables, the lead, administrators, the server and observers
   * of the whole session.
   */
  private static boolean seesAnnouncement(Actor viewer, List<String> tables) {
    return tables.isEmpty()
        || Set.of(Role.LEAD_FACILITATOR, Role.ADMINISTRATOR, Role.SERVER).contains(viewer.role())
        || viewer.role() == Role.OBSERVER && viewer.table() == null
        || tables.contains(viewer.table());
  }

  @Property(tries = 300)
  @Label("The session is always at an item of its agenda, or before it; the session and each table have at most one phase timer counting down; timers hold the times their status needs")
  void theDayStaysConsistent(@ForAll("sessions") List<Step> session) {
    Trace trace = PlenarySessions.play(session);
    for (SessionBoard board : trace.boards()) {
      assertThat(board.phaseIndex()).isBetween(-1, board.agenda().size() - 1);
      assertThat(board.phaseFor(null) == null).isEqualTo(board.phaseIndex() < 0);
      Map<String, Integer> phaseTimers = new LinkedHashMap<>();
      int running = 0;
      for (Timer timer : board.timers().values()) {
        assertThat(number(timer.id().substring(1))).isBetween(1, board.timersStarted());
        assertThat(timer.seconds()).isBetween(1, Plenary.TIMER_SECONDS);
        if (timer.status() == TimerStatus.RUNNING) {
          assertThat(timer.remainingMillis()).isZero();
          assertThat(timer.deadline()).isGreaterThan(PlenarySessions.START);
        } else if (timer.status() == TimerStatus.PAUSED) {
          assertThat(timer.deadline()).isZero();
          assertThat(timer.remainingMillis()).isBetween(1L, timer.seconds() * 1000L);
        }
        if (timer.scope() == TimerScope.PHASE && timer.status().live()) {
          phaseTimers.merge(String.valueOf(timer.table()), 1, Integer::sum);
          if (timer.table() == null && timer.status() == TimerStatus.RUNNING) {
            running++;
          }
        }
      }
      assertThat(running).as("running phase timers of the session").isLessThanOrEqualTo(1);
      assertThat(phaseTimers.values()).as("live phase timers by table").allMatch(n -> n == 1);
      assertThat(board.announcements()).hasSize(board.announcementsMade());
    }
  }

  @Property(tries = 300)
  @Label("A phase timer that runs out on an item that advances by itself moves the day on, exactly as advancing by hand would")
  void anElapsedPhaseTimerAdvancesAsTheLeadWould(@ForAll("sessions") List<Step> session) {
    Trace trace = PlenarySessions.play(session);
    for (Turn turn : trace.turns()) {
      if (turn.command() instanceof ElapseTimer elapse
          && turn.decision() instanceof Accepted<SessionEvent> accepted
          && accepted.events().size() > 1) {
        SessionBoard before = turn.board();
        assertThat(before.agenda().get(before.phaseIndex()).autoAdvance()).isTrue();
        SessionBoard elapsed = Plenary.evolve(before, accepted.events().get(0));
        Decision<SessionEvent> byHand =
            Plenary.decide(elapsed, new AdvancePhase(elapse.now()), PlenarySessions.LEA);
        assertThat(accepted.events().subList(1, accepted.events().size()))
            .isEqualTo(((Accepted<SessionEvent>) byHand).events());
      }
    }
  }

  /**
   * Not a rule of the plenary but of these tests: the sessions must keep reaching counted votes,
   * merges and answers, or the properties above check little. The thresholds sit well below what
   * a run reaches, so that only a real loss of coverage fails it.
   */
  @Property(tries = 300)
  @Label("The random sessions reach counted votes, adoptions, merges and answers often enough to test them")
  void theSessionsReachCountedVotesMergesAndAnswers(@ForAll("sessions") List<Step> session) {
    Trace trace = PlenarySessions.play(session);
    int ballots = 0;
    int closedWithBallots = 0;
    boolean adopted = false;
    boolean notAdopted = false;
    boolean merged = false;
    boolean answered = false;
    boolean published = false;
    for (SessionEvent event : trace.events()) {
      if (event instanceof FinalBallotCast) {
        ballots++;
      } else if (event instanceof FinalVoteClosed e) {
        if (e.result().ballots() >= 2) {
          closedWithBallots++;
        }
        adopted |= e.result().drafts().stream().anyMatch(DraftSupport::adopted);
        notAdopted |= e.result().drafts().stream().anyMatch(d -> !d.adopted());
      } else if (event instanceof DraftsMerged) {
        merged = true;
      } else if (event instanceof AnswerRecorded) {
        answered = true;
      } else if (event instanceof ReportPublished) {
        published = true;
      }
    }
    for (Turn turn : trace.turns()) {
      if (turn.command() instanceof CastFinalBallot) {
        Statistics.label("ballots cast").collect(outcome(turn.decision()));
      }
    }
    Statistics.label("ballots accepted").collect(bucket(ballots, 1, 3, 6, 10));
    Statistics.label("closes a vote holding ≥ 2 ballots").collect(closedWithBallots > 0);
    Statistics.label("adopts a draft").collect(adopted);
    Statistics.label("leaves a draft not adopted").collect(notAdopted);
    Statistics.label("merges drafts").collect(merged);
    Statistics.label("records an answer").collect(answered);
    Statistics.label("publishes the report").collect(published);
    boolean elapsed = false;
    boolean advancedByItself = false;
    boolean extendedOrResumed = false;
    for (Turn turn : trace.turns()) {
      if (turn.decision() instanceof Accepted<SessionEvent> a) {
        elapsed |= a.events().get(0) instanceof TimerElapsed;
        advancedByItself |= turn.command() instanceof ElapseTimer && a.events().size() > 1;
        extendedOrResumed |= a.events().get(0) instanceof TimerExtended
            || a.events().get(0) instanceof TimerResumed;
      }
    }
    Statistics.label("lets a timer run out").collect(elapsed);
    Statistics.label("advances the day by itself").collect(advancedByItself);
    Statistics.label("extends or resumes a timer").collect(extendedOrResumed);

    Statistics.label("closes a vote holding ≥ 2 ballots")
        .coverage(c -> c.check(true).percentage(p -> p >= 45));
    Statistics.label("adopts a draft").coverage(c -> c.check(true).percentage(p -> p >= 20));
    Statistics.label("leaves a draft not adopted")
        .coverage(c -> c.check(true).percentage(p -> p >= 25));
    Statistics.label("merges drafts").coverage(c -> c.check(true).percentage(p -> p >= 20));
    Statistics.label("records an answer").coverage(c -> c.check(true).percentage(p -> p >= 25));
    Statistics.label("lets a timer run out").coverage(c -> c.check(true).percentage(p -> p >= 20));
    Statistics.label("advances the day by itself")
        .coverage(c -> c.check(true).percentage(p -> p >= 5));
    Statistics.label("ballots cast").coverage(c -> {
      for (String outcome : List.of("accepted", "FORBIDDEN", "INVALID", "PHASE_CLOSED",
          "CONFLICT")) {
        c.check(outcome).count(n -> n >= 20);
      }
    });
  }

  private static String outcome(Decision<SessionEvent> decision) {
    return decision instanceof Rejected<SessionEvent> r
        ? r.rejection().reason().name()
        : "accepted";
  }

  private static String bucket(int n, int... bounds) {
    int low = 0;
    for (int bound : bounds) {
      if (n < bound) {
        return low == bound - 1 ? String.valueOf(low) : low + "–" + (bound - 1);
      }
      low = bound;
    }
    return "≥ " + low;
  }

  private static int number(String id) {
    return Integer.parseInt(id.substring(1));
  }
}
