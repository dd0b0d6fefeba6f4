package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.tingsted.server.deliberation.Decision.Accepted;
import org.tingsted.server.deliberation.Decision.Rejected;

/** A table's board that tests drive with commands, as the stream would. */
class BoardFixture {
  static final Actor ANNA = new Actor("anna", Role.MEMBER);
  static final Actor BO = new Actor("bo", Role.MEMBER);
  static final Actor CARL = new Actor("carl", Role.MEMBER);
  static final Actor FRIDA = new Actor("frida", Role.FACILITATOR);
  static final Actor LEA = new Actor("lea", Role.LEAD_FACILITATOR);
  static final Actor OLE = new Actor("ole", Role.OBSERVER);

  Board board = Board.empty("table-1");
  final List<TableEvent> history = new ArrayList<>();

  /** Runs a command that must be accepted, applies its events and returns them. */
  List<TableEvent> accept(TableCommand command, Actor actor) {
    Decision<TableEvent> decision = Table.decide(board, command, actor);
    assertThat(decision).as("decision on %s", command).isInstanceOf(Accepted.class);
    List<TableEvent> events = ((Accepted<TableEvent>) decision).events();
    for (TableEvent event : events) {
      board = Table.evolve(board, event);
      history.add(event);
    }
    return events;
  }

  /** Runs a command that must be refused and returns the refusal, which must say why. */
  Rejection reject(TableCommand command, Actor actor) {
    Decision<TableEvent> decision = Table.decide(board, command, actor);
    assertThat(decision).as("decision on %s", command).isInstanceOf(Rejected.class);
    Rejection rejection = ((Rejected<TableEvent>) decision).rejection();
    assertThat(rejection.message()).isNotBlank();
    return rejection;
  }

  String propose(Actor author, String title) {
    accept(new TableCommand.Propose(title, "Text of " + title), author);
    return "p" + board.proposalsMade();
  }

  String comment(Actor author, String proposal, String replyTo) {
    accept(new TableCommand.AddComment(proposal, CommentKind.SUPPORT, "Yes", replyTo), author);
    return "c" + board.commentsMade();
  }

  String cluster(String name, String... proposals) {
    accept(new TableCommand.CreateCluster(name, List.of(proposals)), ANNA);
    return "k" + board.clustersMade();
  }

  String openVote(VoteMethod method, int dots, int cap, String... items) {
    accept(new TableCommand.OpenVote(method, List.of(items), dots, cap), FRIDA);
    return "v" + board.votesOpened();
  }

  /** {@code speaker} raises their hand and FRIDA gives them the floor at {@code from}. */
  void floorTo(Actor speaker, long from) {
    accept(new TableCommand.RaiseHand(), speaker);
    accept(new TableCommand.GiveFloor(speaker.member(), from), FRIDA);
  }

  /** A whole turn: {@code speaker} speaks from {@code from} until FRIDA ends it at {@code to}. */
  void turn(Actor speaker, long from, long to) {
    floorTo(speaker, from);
    accept(new TableCommand.EndTurn(to), FRIDA);
  }

  static String repeat(int n) {
    return "x".repeat(n);
  }

  Proposal proposal(String id) {
    return board.proposals().get(id);
  }

  Cluster clusterNamed(String id) {
    return board.clusters().get(id);
  }
}
