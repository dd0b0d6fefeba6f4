package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tingsted.server.deliberation.Decision.Accepted;
import org.tingsted.server.deliberation.Decision.Rejected;
import org.tingsted.server.deliberation.SessionCommand.CastFinalBallot;
import org.tingsted.server.deliberation.SessionCommand.CloseFinalVote;
import org.tingsted.server.deliberation.SessionCommand.OpenFinalVote;
import org.tingsted.server.deliberation.SessionCommand.PromoteDraft;

/** A session's plenary that tests drive with commands, as the stream would. */
class PlenaryFixture {
  static final Actor ANNA = BoardFixture.ANNA;
  static final Actor BO = BoardFixture.BO;
  static final Actor CARL = BoardFixture.CARL;
  static final Actor FRIDA = BoardFixture.FRIDA;
  static final Actor LEA = BoardFixture.LEA;
  static final Actor OLE = BoardFixture.OLE;
  static final Actor ADA = new Actor("ada", Role.ADMINISTRATOR);
  /** The server's clock, which alone lets timers run out. */
  static final Actor CLOCK = new Actor("clock", Role.SERVER);
  /** The facilitator of table t1. */
  static final Actor GUS = new Actor("gus", Role.FACILITATOR, "t1");
  /** A member seated at table t1. */
  static final Actor IDA = new Actor("ida", Role.MEMBER, "t1");
  /** A member seated at table t2. */
  static final Actor EVA = new Actor("eva", Role.MEMBER, "t2");
  /** An observer sitting in at table t2. */
  static final Actor PIA = new Actor("pia", Role.OBSERVER, "t2");

  /** 09:00 on the day, ms since the epoch; tests write their times from here. */
  static final long NINE = 1_750_000_000_000L;

  SessionBoard board = SessionBoard.empty("day-1");
  final List<SessionEvent> history = new ArrayList<>();

  /** Runs a command that must be accepted, applies its events and returns them. */
  List<SessionEvent> accept(SessionCommand command, Actor actor) {
    Decision<SessionEvent> decision = Plenary.decide(board, command, actor);
    assertThat(decision).as("decision on %s", command).isInstanceOf(Accepted.class);
    List<SessionEvent> events = ((Accepted<SessionEvent>) decision).events();
    for (SessionEvent event : events) {
      board = Plenary.evolve(board, event);
      history.add(event);
    }
    return events;
  }

  /** Runs a command that must be refused and returns the refusal, which must say why. */
  Rejection reject(SessionCommand command, Actor actor) {
    Decision<SessionEvent> decision = Plenary.decide(board, command, actor);
    assertThat(decision).as("decision on %s", command).isInstanceOf(Rejected.class);
    Rejection rejection = ((Rejected<SessionEvent>) decision).rejection();
    assertThat(rejection.message()).isNotBlank();
    return rejection;
  }

  Rejection.Reason reason(SessionCommand command, Actor actor) {
    return reject(command, actor).reason();
  }

  /** A table's proposal as the server would fill it in. */
  static Source proposal(String table, String proposal) {
    return new Source(table, proposal, null, "Title of " + proposal, "Text of " + proposal);
  }

  /** A table's cluster as the server would fill it in. */
  static Source cluster(String table, String cluster) {
    return new Source(table, null, cluster, "Cluster " + cluster, null);
  }

  String promote(String title, Source... sources) {
    accept(new PromoteDraft(List.of(sources), title, "Text of " + title), LEA);
    return "d" + board.draftsMade();
  }

  String openVote(double threshold, int electorate, String... drafts) {
    accept(new OpenFinalVote(List.of(drafts), threshold, electorate), LEA);
    return "f" + board.finalVotesOpened();
  }

  void vote(Actor member, String vote, Map<String, Choice> choices) {
    accept(new CastFinalBallot(vote, choices), member);
  }

  FinalResult close(String vote) {
    accept(new CloseFinalVote(vote), LEA);
    return board.finalVotes().get(vote).result();
  }

  /** Sets the agenda (as the lead facilitator) to these items. */
  void agenda(AgendaItem... items) {
    accept(new SessionCommand.SetAgenda(List.of(items)), LEA);
  }

  Timer timer(String id) {
    return board.timers().get(id);
  }

  Draft draft(String id) {
    return board.drafts().get(id);
  }

  FinalVote finalVote(String id) {
    return board.finalVotes().get(id);
  }

  static Actor member(int n) {
    return new Actor("m" + n, Role.MEMBER);
  }
}
