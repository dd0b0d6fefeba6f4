package org.tingsted.server.deliberation;

import static org.tingsted.server.deliberation.Generators.concat;
import static org.tingsted.server.deliberation.Generators.ids;

import org.tingsted.protocol.Limits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.tingsted.server.deliberation.Decision.Accepted;
import org.tingsted.server.deliberation.SessionCommand.AdvancePhase;
import org.tingsted.server.deliberation.SessionCommand.Announce;
import org.tingsted.server.deliberation.SessionCommand.CancelTimer;
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

/**
 * Random plenaries: commands from members, a table facilitator, the lead facilitator, an
 * observer and an administrator, naming ids that may or may not exist, applied one after another
 * as the session's stream would.
 *
 * <p>As for tables ({@link Sessions}), purely random commands rarely reach a counted final vote,
 * so most sessions start with the lead facilitator promoting a few drafts and opening a vote, and
 * many steps are <em>tactics</em> that build their command from the board they run on: promote
 * from a small pool of table results, edit (mostly at the current version), merge, withdraw or
 * answer a draft that exists, open a vote on open drafts, cast a ballot in a vote that exists
 * (mostly valid, sometimes naming a draft not on it), close the open vote. A tactic that finds
 * nothing to work on falls back to its random command.
 *
 * <p>The day runs alongside: most sessions set an agenda of short items and start it, and steps
 * move through it, set tables' phases, start, pause, resume, extend and cancel timers, let them
 * run out (as the server's clock, mostly at or after their deadline), announce and move members.
 * Every step moves the clock on by its {@code advance} seconds, and timed commands are stamped
 * with the clock, so that stamped times never go backwards.
 *
 * <p>Public so that the JSON round-trip properties of the streams package can share it.
 */
public final class PlenarySessions {
  public static final Actor ANNA = BoardFixture.ANNA;
  public static final Actor BO = BoardFixture.BO;
  public static final Actor CARL = BoardFixture.CARL;
  public static final Actor DAN = new Actor("dan", Role.MEMBER);
  public static final Actor FRIDA = BoardFixture.FRIDA;
  public static final Actor LEA = BoardFixture.LEA;
  public static final Actor OLE = BoardFixture.OLE;
  public static final Actor ADA = PlenaryFixture.ADA;
  /** A member seated at table t2. */
  public static final Actor EVA = new Actor("eva", Role.MEMBER, "t2");
  /** The facilitator of table t1. */
  public static final Actor GUS = new Actor("gus", Role.FACILITATOR, "t1");
  /** The server's clock. */
  public static final Actor CLOCK = PlenaryFixture.CLOCK;

  /**
   * Everyone who acts or looks: four members without a table and one at t2, a facilitator
   * without a table and one at t1, the lead, an observer, an admin and the server's clock.
   */
  public static final List<Actor> ACTORS =
      List.of(ANNA, BO, CARL, DAN, EVA, FRIDA, GUS, LEA, OLE, ADA, CLOCK);

  /** When every session starts, ms since the epoch. */
  public static final long START = 1_750_000_000_000L;

  /** The session every plenary runs in. */
  public static final String SESSION = "s";

  private static final List<Double> THRESHOLDS = List.of(0.5, 0.6667, 2.0 / 3, 0.75, 1.0);
  private static final List<String> TITLES = List.of("Bike lanes", "Trees", "Night buses", "Benches");
  private static final List<PhaseKind> DAY_PHASES =
      List.of(PhaseKind.PROPOSE, PhaseKind.DISCUSS, PhaseKind.CLUSTER, PhaseKind.BREAK);

  private PlenarySessions() {}

  /** How a step gets its command. */
  public enum Tactic {
    /** The step's random command, as it is. */
    AS_GIVEN,
    /** One to three sources from a pool of proposals and clusters of two tables. */
    PROMOTE,
    /** An edit of a draft of the board, at its current version four times in five. */
    EDIT,
    /** A merge of one draft of the board into another, mostly both open. */
    MERGE,
    /** Withdrawing a draft of the board. */
    WITHDRAW,
    /** A final vote on one to three open drafts, with a threshold and an electorate of 2 to 5. */
    OPEN,
    /** A ballot in a vote of the board (mostly the open one): valid nine times in ten. */
    BALLOT,
    /** Closing the open vote. */
    CLOSE,
    /** An answer to a draft of the board. */
    ANSWER,
    /** An agenda of one to four short items from a small pool. */
    AGENDA,
    /** Pausing, resuming, extending or cancelling a timer of the board, mostly one that may. */
    CONTROL,
    /** Letting a timer of the board run out, mostly a running one at or after its deadline. */
    ELAPSE
  }

  /**
   * One command from one actor. {@code command} is the random command; a tactic other than
   * {@link Tactic#AS_GIVEN} replaces it with one built from the board and the {@code picks}
   * (a non-empty list of small numbers) when the step runs. The clock moves on by {@code
   * advance} seconds before the step.
   */
  public record Step(
      Actor actor, Tactic tactic, SessionCommand command, List<Integer> picks, int advance) {
    public Step(Actor actor, SessionCommand command) {
      this(actor, Tactic.AS_GIVEN, command, List.of(0), 0);
    }

    public Step(Actor actor, Tactic tactic, SessionCommand command, List<Integer> picks) {
      this(actor, tactic, command, picks, 0);
    }

    /**
     * The command this step gives on this board at time {@code now}, stamped with it when timed
     * (a timer let run out may be stamped later, at its deadline); the same board and time always
     * give the same command.
     */
    public SessionCommand on(SessionBoard board, long now) {
      if (tactic == Tactic.ELAPSE) {
        SessionCommand elapse = elapse(board, now);
        if (elapse != null) {
          return elapse;
        }
      }
      SessionCommand built = built(board);
      return built instanceof Timed timed ? (SessionCommand) timed.at(now) : built;
    }

    private SessionCommand built(SessionBoard board) {
      SessionCommand built = switch (tactic) {
        case AS_GIVEN -> null;
        case PROMOTE -> promote();
        case EDIT -> edit(board);
        case MERGE -> merge(board);
        case WITHDRAW -> withdraw(board);
        case OPEN -> open(board);
        case BALLOT -> ballot(board);
        case CLOSE -> close(board);
        case ANSWER -> answer(board);
        case AGENDA -> agenda();
        case CONTROL -> control(board);
        case ELAPSE -> null;
      };
      return built != null ? built : command;
    }

    private int pick(int i) {
      return picks.get(i % picks.size());
    }

    private <T> T choose(List<T> from, int i) {
      return from.get(pick(i) % from.size());
    }

    private SessionCommand promote() {
      List<Source> sources = new ArrayList<>();
      for (int i = 0; i < 1 + pick(0) % 3; i++) {
        int n = pick(i + 1);
        String table = "t" + (1 + n % 2);
        Source source = n / 2 % 4 == 3
            ? new Source(table, null, "k1", "Green", null)
            : new Source(table, "p" + (1 + n / 2 % 4), null, choose(TITLES, i + 1), "As written");
        if (sources.stream().noneMatch(source::sameOrigin)) {
          sources.add(source);
        }
      }
      return new PromoteDraft(sources, choose(TITLES, 0), "Draft text");
    }

    /**
     * Mostly the drafts that may still change (open, unanswered, not on the open vote's ballot),
     * and one time in five any draft, so that refusals are exercised too.
     */
    private List<Draft> drafts(SessionBoard board) {
      List<String> voting = board.finalVotes().values().stream()
          .filter(v -> v.status() == VoteStatus.OPEN)
          .flatMap(v -> v.drafts().stream()).toList();
      List<Draft> changeable = board.drafts().values().stream()
          .filter(d -> d.status() == DraftStatus.OPEN && d.answer() == null
              && !voting.contains(d.id()))
          .toList();
      return changeable.size() < 2 || pick(1) % 5 == 0
          ? List.copyOf(board.drafts().values()) : changeable;
    }

    private SessionCommand edit(SessionBoard board) {
      if (board.drafts().isEmpty()) {
        return null;
      }
      Draft draft = choose(drafts(board), 0);
      int version = pick(2) % 5 == 0 ? draft.version() - 1 : draft.version();
      String title = pick(2) % 3 == 1 ? null : choose(TITLES, 2) + " (revised)";
      String text = title != null && pick(2) % 3 == 0 ? null : "Revised text";
      return new EditDraft(draft.id(), version, title, text);
    }

    private SessionCommand merge(SessionBoard board) {
      if (board.drafts().size() < 2) {
        return null;
      }
      List<Draft> candidates = drafts(board);
      Draft from = choose(candidates, 0);
      Draft into = choose(candidates, 2);
      return new MergeDrafts(from.id(), into.id(), pick(2) % 2 == 0 ? null : "Merged", null);
    }

    private SessionCommand withdraw(SessionBoard board) {
      if (board.drafts().isEmpty()) {
        return null;
      }
      return new WithdrawDraft(choose(drafts(board), 0).id(), "Covered elsewhere");
    }

    private SessionCommand open(SessionBoard board) {
      List<String> open = board.drafts().values().stream()
          .filter(d -> d.status() == DraftStatus.OPEN).map(Draft::id).toList();
      if (open.isEmpty()) {
        return null;
      }
      List<String> drafts = new ArrayList<>();
      for (int i = 0; i < 1 + pick(0) % 3; i++) {
        String draft = choose(open, i + 1);
        if (!drafts.contains(draft)) {
          drafts.add(draft);
        }
      }
      return new OpenFinalVote(drafts, choose(THRESHOLDS, 1), 2 + pick(2) % 4);
    }

    private SessionCommand ballot(SessionBoard board) {
      if (board.finalVotes().isEmpty()) {
        return null;
      }
      List<FinalVote> open = board.finalVotes().values().stream()
          .filter(v -> v.status() == VoteStatus.OPEN).toList();
      List<FinalVote> from = open.isEmpty() || pick(0) % 8 == 0
          ? List.copyOf(board.finalVotes().values()) : open;
      FinalVote vote = choose(from, 0);
      Map<String, Choice> choices = new LinkedHashMap<>();
      for (int i = 1; i < Math.max(2, picks.size()); i++) {
        // Support most often, so that some drafts reach their threshold.
        choices.put(choose(vote.drafts(), i), Choice.values()[Math.max(0, pick(i) % 6 - 3)]);
      }
      if (pick(1) % 10 == 9) {
        choices.put("d99", Choice.SUPPORT);
      }
      return new CastFinalBallot(vote.id(), choices);
    }

    private SessionCommand close(SessionBoard board) {
      for (FinalVote vote : board.finalVotes().values()) {
        if (vote.status() == VoteStatus.OPEN) {
          return new CloseFinalVote(vote.id());
        }
      }
      return null;
    }

    private SessionCommand agenda() {
      List<AgendaItem> items = new ArrayList<>();
      for (int i = 0; i < 1 + pick(0) % 4; i++) {
        int n = pick(i + 1);
        items.add(new AgendaItem(choose(DAY_PHASES, i + 1), "Item " + (i + 1),
            List.of(0, 60, 120, 300).get(n % 4), n / 4 % 3 != 0));
      }
      return new SetAgenda(items);
    }

    /** Mostly a live timer with a command its status allows; one time in six anything. */
    private SessionCommand control(SessionBoard board) {
      if (board.timers().isEmpty()) {
        return null;
      }
      List<Timer> live = board.timers().values().stream().filter(t -> t.status().live()).toList();
      boolean any = live.isEmpty() || pick(1) % 6 == 0;
      Timer timer = choose(any ? List.copyOf(board.timers().values()) : live, 0);
      int what = pick(2) % 4;
      if (!any) {
        boolean running = timer.status() == TimerStatus.RUNNING;
        what = what < 2 ? (running ? 0 : 1) : what;
      }
      return switch (what) {
        case 0 -> new PauseTimer(timer.id(), 0);
        case 1 -> new ResumeTimer(timer.id(), 0);
        case 2 -> new ExtendTimer(timer.id(), 30 * (1 + pick(1) % 4), 0);
        default -> new CancelTimer(timer.id());
      };
    }

    /**
     * A running timer (one time in eight any timer) let run out: four times in five at or after
     * its deadline, else at {@code now}, which may be too early.
     */
    private SessionCommand elapse(SessionBoard board, long now) {
      if (board.timers().isEmpty()) {
        return null;
      }
      List<Timer> running = board.timers().values().stream()
          .filter(t -> t.status() == TimerStatus.RUNNING).toList();
      Timer timer = choose(running.isEmpty() || pick(1) % 8 == 0
          ? List.copyOf(board.timers().values()) : running, 0);
      long at = pick(2) % 5 == 0 ? now : Math.max(now, timer.deadline() + pick(2) % 3 * 1000L);
      return new ElapseTimer(timer.id(), at);
    }

    private SessionCommand answer(SessionBoard board) {
      if (board.drafts().isEmpty()) {
        return null;
      }
      Draft draft = choose(List.copyOf(board.drafts().values()), 0);
      return new RecordAnswer(draft.id(), AnswerStatus.values()[pick(1) % 4],
          pick(1) % 2 == 0 ? null : "The Council thanks the assembly.",
          pick(2) % 10 == 0 ? "2026-02-30" : "2026-0" + (1 + pick(2) % 9) + "-15");
    }
  }

  /** One step as it ran: the board it ran on, the command it gave and the decision. */
  public record Turn(
      Step step, SessionBoard board, SessionCommand command, Decision<SessionEvent> decision) {}

  /** What a session did: every step as it ran, the events accepted and every board reached. */
  public record Trace(List<Turn> turns, List<SessionEvent> events, List<SessionBoard> boards) {

    /** The board at the end. */
    public SessionBoard last() {
      return boards.get(boards.size() - 1);
    }
  }

  /** Runs a session from an empty board; {@code boards} starts with the empty board. */
  public static Trace play(List<Step> session) {
    SessionBoard board = SessionBoard.empty(SESSION);
    List<Turn> turns = new ArrayList<>();
    List<SessionEvent> events = new ArrayList<>();
    List<SessionBoard> boards = new ArrayList<>(List.of(board));
    long clock = START;
    for (Step step : session) {
      clock += step.advance() * 1000L;
      SessionCommand command = step.on(board, clock);
      clock = Math.max(clock, command instanceof Timed timed ? timed.now() : clock);
      Decision<SessionEvent> decision = Plenary.decide(board, command, step.actor());
      turns.add(new Turn(step, board, command, decision));
      if (decision instanceof Accepted<SessionEvent> a) {
        for (SessionEvent event : a.events()) {
          board = Plenary.evolve(board, event);
          events.add(event);
          boards.add(board);
        }
      }
    }
    return new Trace(turns, events, boards);
  }

  /**
   * Mostly sessions that start with the lead facilitator setting and starting an agenda (three
   * times in four), promoting two to four drafts and opening a final vote on them, followed by 10
   * to 80 random steps, and perhaps end with the vote
   * closed; now and then a session of random steps only.
   */
  public static Arbitrary<List<Step>> sessions() {
    Arbitrary<List<Step>> day = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(List.<Step>of())),
        Tuple.of(3, tactic(Arbitraries.just(LEA), Tactic.AGENDA, agendas())
            .map(agenda -> List.of(agenda, new Step(LEA, new StartAgenda(0))))));
    Arbitrary<List<Step>> opening = concat(
        day,
        tactic(Arbitraries.just(LEA), Tactic.PROMOTE, promotes()).list().ofMinSize(2).ofMaxSize(4),
        tactic(Arbitraries.just(LEA), Tactic.OPEN, opens()).map(open -> List.of(open)));
    Arbitrary<List<Step>> body = steps().list().ofMinSize(10).ofMaxSize(80)
        .withSizeDistribution(RandomDistribution.uniform());
    Arbitrary<List<Step>> closing = tactic(Arbitraries.just(LEA), Tactic.CLOSE, closes())
        .list().ofMaxSize(1);
    Arbitrary<List<Step>> prepared = concat(opening, body, closing);
    return Arbitraries.frequencyOf(
        Tuple.of(9, prepared),
        Tuple.of(1, steps().list().ofMinSize(5).ofMaxSize(60)
            .withSizeDistribution(RandomDistribution.uniform())));
  }

  private static Arbitrary<List<Integer>> picks() {
    return Arbitraries.integers().between(0, 999).list().ofMinSize(3).ofMaxSize(6);
  }

  private static Arbitrary<String> texts(int limit) {
    return Generators.texts(limit, 20);
  }

  private static Arbitrary<Source> sources() {
    Arbitrary<String> tables = Arbitraries.of("t1", "t2").injectNull(0.03);
    Arbitrary<String> proposals = ids("p", 4);
    Arbitrary<String> clusters = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.<String>just(null)), Tuple.of(1, ids("k", 2)));
    return Combinators.combine(tables, proposals, clusters, texts(Limits.TITLE),
            texts(Limits.PROPOSAL_TEXT))
        .as(Source::new);
  }

  private static Arbitrary<SessionCommand> promotes() {
    return Combinators.combine(sources().injectNull(0.03).list().ofMaxSize(3).injectNull(0.05),
            texts(Limits.TITLE), texts(Limits.PROPOSAL_TEXT))
        .as(PromoteDraft::new);
  }

  private static Arbitrary<SessionCommand> opens() {
    Arbitrary<Double> threshold = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of(THRESHOLDS)),
        Tuple.of(1, Arbitraries.of(0.0, -0.1, 1.5, Double.NaN)));
    return Combinators.combine(ids("d", 6).list().ofMinSize(0).ofMaxSize(3).injectNull(0.05),
            threshold, Arbitraries.integers().between(-1, 6))
        .as(OpenFinalVote::new);
  }

  private static Arbitrary<SessionCommand> closes() {
    return ids("f", 3).map(CloseFinalVote::new);
  }

  private static Arbitrary<Step> steps() {
    Arbitrary<String> draft = ids("d", 6);
    Arbitrary<SessionCommand> edit = Combinators.combine(draft,
            Arbitraries.integers().between(0, 4), texts(Limits.TITLE).injectNull(0.3),
            texts(Limits.PROPOSAL_TEXT).injectNull(0.3))
        .as(EditDraft::new);
    Arbitrary<SessionCommand> merge = Combinators.combine(draft, draft,
            texts(Limits.TITLE).injectNull(0.5), texts(Limits.PROPOSAL_TEXT).injectNull(0.5))
        .as(MergeDrafts::new);
    Arbitrary<SessionCommand> withdraw =
        Combinators.combine(draft, texts(Limits.REASON)).as(WithdrawDraft::new);
    Arbitrary<SessionCommand> cast = Combinators.combine(ids("f", 3),
            Arbitraries.maps(draft, Arbitraries.of(Choice.class).injectNull(0.05)).ofMaxSize(3)
                .injectNull(0.05))
        .as(CastFinalBallot::new);
    Arbitrary<String> dates = Arbitraries.of(
        "2026-03-14", "2024-02-29", "2026-02-29", "2026-13-01", "14-03-2026", null);
    Arbitrary<SessionCommand> answer = Combinators.combine(draft,
            Arbitraries.of(AnswerStatus.class).injectNull(0.05),
            texts(Plenary.ANSWER_TEXT).injectNull(0.3), dates)
        .as(RecordAnswer::new);
    Arbitrary<SessionCommand> publish = Arbitraries.of(new PublishReport(), new UnpublishReport());
    // Most commands come from someone allowed to give them, so that sessions get far enough to
    // count votes; the rest check that everyone else is refused.
    Arbitrary<Actor> lead = Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.just(LEA)),
        Tuple.of(1, Arbitraries.of(ANNA, FRIDA, OLE, ADA)));
    Arbitrary<Actor> voters = Arbitraries.frequencyOf(
        Tuple.of(14, Arbitraries.of(ANNA, BO, CARL, DAN)),
        Tuple.of(1, Arbitraries.of(FRIDA, LEA, OLE, ADA)));
    Arbitrary<Actor> leadOrAdmin = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.of(LEA, ADA)),
        Tuple.of(1, Arbitraries.of(ANNA, FRIDA, OLE)));
    Arbitrary<Actor> anyone = Arbitraries.of(ACTORS);
    Arbitrary<Actor> tableLead = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(LEA)),
        Tuple.of(2, Arbitraries.just(GUS)),
        Tuple.of(1, Arbitraries.of(ANNA, EVA, FRIDA, OLE)));
    Arbitrary<Actor> server = Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.just(CLOCK)),
        Tuple.of(1, Arbitraries.of(LEA, GUS, ANNA)));
    Arbitrary<SessionCommand> moves = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(new StartAgenda(0))),
        Tuple.of(4, Arbitraries.just(new AdvancePhase(0))),
        Tuple.of(1, Arbitraries.just(new GoBackPhase(0))));
    Arbitrary<String> tables = Arbitraries.of("t1", "t2");
    Arbitrary<SessionCommand> tablePhase = Combinators.combine(tables.injectNull(0.05),
            Arbitraries.of(PhaseKind.class).injectNull(0.4))
        .as(SetTablePhase::new);
    Arbitrary<Integer> seconds = Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.of(60, 300, 600, 900)),
        Tuple.of(1, Arbitraries.of(0, -5, Plenary.TIMER_SECONDS + 1)));
    Arbitrary<SessionCommand> timer = Combinators.combine(
            Arbitraries.of(TimerScope.class).injectNull(0.03), seconds,
            texts(Limits.TITLE).injectNull(0.5), Arbitraries.of("t1", "t2", " ").injectNull(0.4),
            Arbitraries.just(0L))
        .as(StartTimer::new);
    Arbitrary<SessionCommand> control = Combinators.combine(ids("tm", 6),
            Arbitraries.integers().between(0, 3), seconds)
        .as((id, what, more) -> switch (what) {
          case 0 -> new PauseTimer(id, 0);
          case 1 -> new ResumeTimer(id, 0);
          case 2 -> new ExtendTimer(id, more, 0);
          default -> (SessionCommand) new CancelTimer(id);
        });
    Arbitrary<SessionCommand> elapse = ids("tm", 6).map(id -> new ElapseTimer(id, 0));
    Arbitrary<SessionCommand> announce = Combinators.combine(texts(Limits.COMMENT),
            Arbitraries.of("t1", "t2", " ").injectNull(0.05).list().ofMaxSize(2).injectNull(0.2),
            Arbitraries.just(0L))
        .as(Announce::new);
    Arbitrary<SessionCommand> moveMember = Combinators.combine(
            Arbitraries.of("anna", "eva").injectNull(0.05), tables.injectNull(0.05),
            Arbitraries.of("t1", "t2", "t3"))
        .as(MoveMember::new);
    return Combinators.combine(Arbitraries.frequencyOf(
        Tuple.of(1, step(lead, promotes())),
        Tuple.of(3, tactic(lead, Tactic.PROMOTE, promotes())),
        Tuple.of(1, step(lead, edit)),
        Tuple.of(3, tactic(lead, Tactic.EDIT, edit)),
        Tuple.of(1, step(lead, merge)),
        Tuple.of(3, tactic(lead, Tactic.MERGE, merge)),
        Tuple.of(1, step(lead, withdraw)),
        Tuple.of(1, tactic(lead, Tactic.WITHDRAW, withdraw)),
        Tuple.of(1, step(lead, opens())),
        Tuple.of(4, tactic(lead, Tactic.OPEN, opens())),
        Tuple.of(2, step(voters, cast)),
        Tuple.of(24, tactic(voters, Tactic.BALLOT, cast)),
        Tuple.of(1, step(lead, closes())),
        Tuple.of(3, tactic(lead, Tactic.CLOSE, closes())),
        Tuple.of(1, step(leadOrAdmin, answer)),
        Tuple.of(2, tactic(leadOrAdmin, Tactic.ANSWER, answer)),
        Tuple.of(2, step(leadOrAdmin, publish)),
        Tuple.of(1, step(anyone, Arbitraries.just((SessionCommand) null))),
        Tuple.of(1, step(lead, agendas())),
        Tuple.of(1, tactic(lead, Tactic.AGENDA, agendas())),
        Tuple.of(3, step(lead, moves)),
        Tuple.of(1, step(tableLead, tablePhase)),
        Tuple.of(2, step(tableLead, timer)),
        Tuple.of(1, step(tableLead, control)),
        Tuple.of(3, tactic(tableLead, Tactic.CONTROL, control)),
        Tuple.of(1, step(server, elapse)),
        Tuple.of(3, tactic(server, Tactic.ELAPSE, elapse)),
        Tuple.of(1, step(lead, announce)),
        Tuple.of(1, step(lead, moveMember))), advances())
        .as((step, advance) ->
            new Step(step.actor(), step.tactic(), step.command(), step.picks(), advance));
  }

  /** Mostly a few seconds between steps, now and then minutes. */
  private static Arbitrary<Integer> advances() {
    return Arbitraries.frequencyOf(
        Tuple.of(9, Arbitraries.integers().between(0, 10)),
        Tuple.of(1, Arbitraries.integers().between(30, 120)));
  }

  private static Arbitrary<SessionCommand> agendas() {
    Arbitrary<AgendaItem> item = Combinators.combine(
            Arbitraries.of(PhaseKind.class).injectNull(0.03), texts(Limits.TITLE),
            Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.of(0, 60, 120, 300)),
                Tuple.of(1, Arbitraries.of(-1, Plenary.TIMER_SECONDS + 1))),
            Arbitraries.of(true, false))
        .as(AgendaItem::new);
    return item.injectNull(0.02).list().ofMaxSize(4).injectNull(0.03).map(SetAgenda::new);
  }

  private static Arbitrary<Step> step(Arbitrary<Actor> actor, Arbitrary<SessionCommand> command) {
    return Combinators.combine(actor, command).as(Step::new);
  }

  private static Arbitrary<Step> tactic(
      Arbitrary<Actor> actor, Tactic tactic, Arbitrary<SessionCommand> fallback) {
    return Combinators.combine(actor, fallback, picks())
        .as((who, command, picks) -> new Step(who, tactic, command, picks));
  }
}
