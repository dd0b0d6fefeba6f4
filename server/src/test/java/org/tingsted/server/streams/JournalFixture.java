package org.tingsted.server.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.AgendaItem;
import org.tingsted.server.deliberation.AnswerStatus;
import org.tingsted.server.deliberation.Ballot;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.Choice;
import org.tingsted.server.deliberation.CommentKind;
import org.tingsted.server.deliberation.Decision;
import org.tingsted.server.deliberation.PhaseKind;
import org.tingsted.server.deliberation.Plenary;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.SessionBoard;
import org.tingsted.server.deliberation.SessionCommand;
import org.tingsted.server.deliberation.SessionEvent;
import org.tingsted.server.deliberation.Source;
import org.tingsted.server.deliberation.Table;
import org.tingsted.server.deliberation.TableCommand;
import org.tingsted.server.deliberation.TableEvent;
import org.tingsted.server.deliberation.TimerScope;
import org.tingsted.server.deliberation.VoteMethod;
import org.tingsted.server.journal.JournalRow;

/**
 * Writes the committed journal fixture: one whole session day (two tables and the plenary),
 * every event kind at least once, through the model and the journal codec of the day it was
 * made. Run its {@link #main} (from an IDE, or a throwaway test that calls it, with server/ as
 * the working folder) only to make a new fixture day for a new schema or a new event kind;
 * never to "fix" day 1, which stands for assemblies already stored (see JournalFixtureTest).
 */
final class JournalFixture {

  static final Path DIR = Path.of("src", "test", "resources", "journal-fixture");
  static final String T1 = "table:t1";
  static final String T2 = "table:t2";
  static final String SESSION = "session:s1";
  /** 2026-12-03 09:00 in Copenhagen. */
  static final long NINE = 1_796_284_800_000L;

  private static final Actor LEAD = new Actor("m-lead", Role.LEAD_FACILITATOR);
  private static final Actor FAC1 = new Actor("m-fac1", Role.FACILITATOR, "t1");
  private static final Actor FAC2 = new Actor("m-fac2", Role.FACILITATOR, "t2");
  private static final Actor SERVER = new Actor("", Role.SERVER);

  private final List<JournalRow> rows = new ArrayList<>();
  private final Map<String, Object> states = new LinkedHashMap<>();
  private final Map<String, Long> seqs = new LinkedHashMap<>();
  private long clock = NINE;
  private int commands;

  private JournalFixture() {
    states.put(T1, Board.empty("t1"));
    states.put(T2, Board.empty("t2"));
    states.put(SESSION, SessionBoard.empty("s1"));
  }

  private static Actor member(String id, String table) {
    return new Actor(id, Role.MEMBER, table);
  }

  private void table(String stream, TableCommand command, Actor actor) {
    Board board = (Board) states.get(stream);
    Decision<TableEvent> decision = Table.decide(board, command, actor);
    assertThat(decision).as("%s by %s", command, actor.member()).isInstanceOf(Decision.Accepted.class);
    for (TableEvent event : ((Decision.Accepted<TableEvent>) decision).events()) {
      board = Table.evolve(board, event);
      record(stream, actor, event);
    }
    states.put(stream, board);
  }

  private void session(SessionCommand command, Actor actor) {
    SessionBoard board = (SessionBoard) states.get(SESSION);
    Decision<SessionEvent> decision = Plenary.decide(board, command, actor);
    assertThat(decision).as("%s by %s", command, actor.member()).isInstanceOf(Decision.Accepted.class);
    for (SessionEvent event : ((Decision.Accepted<SessionEvent>) decision).events()) {
      board = Plenary.evolve(board, event);
      record(SESSION, actor, event);
    }
    states.put(SESSION, board);
  }

  private void record(String stream, Actor actor, org.tingsted.server.deliberation.Event event) {
    long seq = seqs.merge(stream, 1L, Long::sum);
    String by = actor.role() == Role.SERVER ? null : actor.member();
    rows.add(JournalCodec.row(new StreamEvent(stream, seq, clock, by, event), "cmd" + (++commands)));
  }

  private long tick(long seconds) {
    clock += seconds * 1000;
    return clock;
  }

  private void day() {
    List<AgendaItem> agenda = List.of(
        new AgendaItem(PhaseKind.WELCOME, "Velkommen", 600, false),
        new AgendaItem(PhaseKind.PROPOSE, "Forslag", 1800, false),
        new AgendaItem(PhaseKind.DISCUSS, "Drøftelse", 1800, false),
        new AgendaItem(PhaseKind.CLUSTER, "Gruppering", 1200, false),
        new AgendaItem(PhaseKind.RANK, "Afstemning ved bordene", 900, false),
        new AgendaItem(PhaseKind.PLENARY, "Plenum", 3600, false),
        new AgendaItem(PhaseKind.REPORT, "Rapporten", 600, false));
    session(new SessionCommand.SetAgenda(agenda), LEAD);
    session(new SessionCommand.StartAgenda(tick(1)), LEAD);
    session(new SessionCommand.Announce("Velkommen til Københavnertinget! Kaffen står bagerst.", List.of(), tick(5)), LEAD);
    session(new SessionCommand.MoveMember("m-t2c", "t1", "t2"), LEAD);
    session(new SessionCommand.AdvancePhase(tick(600)), LEAD);

    Actor anna = member("m-t1a", "t1");
    Actor bo = member("m-t1b", "t1");
    Actor carl = member("m-t1c", "t1");
    Actor dina = member("m-t2a", "t2");
    Actor emil = member("m-t2b", "t2");
    Actor cecilie = member("m-t2c", "t2");
    table(T1, new TableCommand.SetVideoLink("https://møde.example/bord-1"), FAC1);
    table(T1, new TableCommand.Propose("Grønne gårde", "Gør baggårdene grønne og åbne for naboerne."), anna);
    table(T1, new TableCommand.Propose("Flere bænke", "Bænke ved alle busstoppesteder."), bo);
    table(T1, new TableCommand.Propose("Natbusser", "Natbusser hvert kvarter i weekenden."), carl);
    table(T1, new TableCommand.Propose("Reklame", "Køb hos os."), carl);
    table(T1, new TableCommand.EditProposal("p2", 1, "Flere bænke i byrummet", null), bo);
    table(T1, new TableCommand.Propose("Dobbelt", "Det samme som forslag 1."), bo);
    table(T1, new TableCommand.WithdrawProposal("p5"), bo);
    table(T2, new TableCommand.Propose("Cykelparkering ved skolerne", "Overdækket, ved alle folkeskoler."), dina);
    table(T2, new TableCommand.Propose("Legepladser for alle aldre", "Også for ældre."), emil);
    table(T2, new TableCommand.Propose("Gratis svømning for børn", "Om søndagen."), cecilie);
    tick(60);
    session(new SessionCommand.StartTimer(TimerScope.ROUND, 300, "Runde 1", "t1", tick(1)), FAC1);
    session(new SessionCommand.PauseTimer("tm3", tick(60)), FAC1);
    session(new SessionCommand.ResumeTimer("tm3", tick(30)), FAC1);
    session(new SessionCommand.ExtendTimer("tm3", 60, tick(10)), FAC1);
    session(new SessionCommand.CancelTimer("tm3"), FAC1);
    session(new SessionCommand.StartTimer(TimerScope.ROUND, 120, "Runde 2", "t1", tick(5)), FAC1);
    session(new SessionCommand.ElapseTimer("tm4", tick(120)), SERVER);
    session(new SessionCommand.AdvancePhase(tick(600)), LEAD);

    table(T1, new TableCommand.AddComment("p1", CommentKind.SUPPORT, "Godt for klimaet.", null), bo);
    table(T1, new TableCommand.AddComment("p1", CommentKind.CONCERN, "Hvem passer planterne?", null), carl);
    table(T1, new TableCommand.AddComment("p1", CommentKind.QUESTION, "Gælder det også nye byggerier?", "c2"), anna);
    table(T1, new TableCommand.AddComment("p2", CommentKind.SUPPORT, "Godt for de ældre.", null), anna);
    table(T1, new TableCommand.AddComment("p3", CommentKind.CONCERN, "Det koster meget.", null), bo);
    table(T1, new TableCommand.HideItem("p4", "Reklame"), FAC1);
    table(T1, new TableCommand.HideItem("c2", "Ved en fejl"), FAC1);
    table(T1, new TableCommand.RestoreItem("c2", "Den var i orden"), FAC1);
    table(T2, new TableCommand.AddComment("p1", CommentKind.SUPPORT, "Tryggere for børnene.", null), emil);
    table(T1, new TableCommand.RaiseHand(), anna);
    table(T1, new TableCommand.RaiseHand(), bo);
    table(T1, new TableCommand.RaiseHand(), carl);
    table(T1, new TableCommand.ReorderQueue(List.of("m-t1b", "m-t1a", "m-t1c")), FAC1);
    table(T1, new TableCommand.LowerHand("m-t1c"), FAC1);
    table(T1, new TableCommand.GiveFloor(null, tick(5)), FAC1);
    table(T1, new TableCommand.EndTurn(tick(90)), FAC1);
    table(T1, new TableCommand.GiveFloor(null, tick(2)), FAC1);
    table(T1, new TableCommand.EndTurn(tick(45)), FAC1);
    session(new SessionCommand.SetTablePhase("t2", PhaseKind.BREAK), FAC2);
    session(new SessionCommand.SetTablePhase("t2", null), FAC2);
    session(new SessionCommand.AdvancePhase(tick(600)), LEAD);

    table(T1, new TableCommand.CreateCluster("Byrum", List.of("p1", "p2")), anna);
    table(T1, new TableCommand.CreateCluster("Trafik", List.of("p3")), carl);
    table(T1, new TableCommand.RenameCluster("k1", "Grønne byrum"), bo);
    table(T2, new TableCommand.CreateCluster("Børn", List.of("p1")), dina);
    table(T2, new TableCommand.CreateCluster("Leg", List.of("p2")), emil);
    table(T2, new TableCommand.MoveToCluster("p3", "k2"), cecilie);
    table(T2, new TableCommand.MergeClusters("k2", "k1"), dina);
    table(T2, new TableCommand.CreateCluster("Midlertidig", List.of()), emil);
    table(T2, new TableCommand.DissolveCluster("k3"), emil);
    session(new SessionCommand.AdvancePhase(tick(600)), LEAD);

    table(T1, new TableCommand.OpenVote(VoteMethod.DOTS, List.of("p1", "p2", "p3"), 5, 3), FAC1);
    table(T1, new TableCommand.CastBallot("v1", Ballot.ofDots(Map.of("p1", 3, "p2", 2))), anna);
    table(T1, new TableCommand.CastBallot("v1", Ballot.ofDots(Map.of("p1", 2, "p3", 3))), bo);
    table(T1, new TableCommand.CastBallot("v1", Ballot.ofDots(Map.of("p2", 3, "p3", 2))), carl);
    table(T1, new TableCommand.CloseVote("v1"), FAC1);
    table(T1, new TableCommand.PublishResult("v1"), FAC1);
    table(T2, new TableCommand.OpenVote(VoteMethod.RANKING, List.of("p1", "p2", "p3"), 0, 0), FAC2);
    table(T2, new TableCommand.CastBallot("v1", Ballot.ofOrder(List.of("p1", "p2", "p3"))), dina);
    table(T2, new TableCommand.CastBallot("v1", Ballot.ofOrder(List.of("p3", "p1", "p2"))), emil);
    table(T2, new TableCommand.CastBallot("v1", Ballot.ofOrder(List.of("p1", "p3", "p2"))), cecilie);
    table(T2, new TableCommand.CloseVote("v1"), FAC2);
    table(T2, new TableCommand.OpenVote(VoteMethod.SCALE, List.of("p1"), 0, 0), FAC2);
    table(T2, new TableCommand.CastBallot("v2", Ballot.ofScale(Map.of("p1", 5))), dina);
    table(T2, new TableCommand.CastBallot("v2", Ballot.ofScale(Map.of("p1", 4))), emil);
    table(T2, new TableCommand.CloseVote("v2"), FAC2);
    table(T2, new TableCommand.PublishResult("v2"), FAC2);
    session(new SessionCommand.AdvancePhase(tick(600)), LEAD);

    Board t1 = (Board) states.get(T1);
    Board t2 = (Board) states.get(T2);
    session(new SessionCommand.PromoteDraft(List.of(new Source("t1", null, "k1", "Grønne byrum",
        "Grønne gårde\nGør baggårdene grønne og åbne for naboerne.\n\nFlere bænke i byrummet\nBænke ved alle busstoppesteder.")),
        "Grønne byrum for alle", "Kommunen gør baggårdene grønne og sætter bænke ved busstoppestederne."), LEAD);
    session(new SessionCommand.PromoteDraft(List.of(new Source("t2", "p1", null,
        t2.proposals().get("p1").title(), t2.proposals().get("p1").text())), "Cykelparkering ved skolerne",
        "Overdækket cykelparkering ved alle folkeskoler."), LEAD);
    session(new SessionCommand.PromoteDraft(List.of(new Source("t1", "p3", null,
        t1.proposals().get("p3").title(), t1.proposals().get("p3").text())), "Natbusser", "Natbusser hvert kvarter."), LEAD);
    session(new SessionCommand.PromoteDraft(List.of(new Source("t2", "p2", null,
        t2.proposals().get("p2").title(), t2.proposals().get("p2").text())), "Legepladser", "Legepladser for alle."), LEAD);
    session(new SessionCommand.EditDraft("d2", 1, "Cykelparkering ved alle skoler", null), LEAD);
    session(new SessionCommand.MergeDrafts("d4", "d1", null, null), LEAD);
    session(new SessionCommand.WithdrawDraft("d3", "Allerede besluttet af byrådet."), LEAD);
    session(new SessionCommand.OpenFinalVote(List.of("d1", "d2"), 0.6667, 6), LEAD);
    String[] voters = {"m-t1a", "m-t1b", "m-t1c", "m-t2a", "m-t2b", "m-t2c"};
    for (int i = 0; i < voters.length; i++) {
      session(new SessionCommand.CastFinalBallot("f1", Map.of("d1", i < 5 ? Choice.SUPPORT : Choice.ABSTAIN,
          "d2", i < 3 ? Choice.SUPPORT : Choice.OPPOSE)), member(voters[i], i < 3 ? "t1" : "t2"));
    }
    session(new SessionCommand.CloseFinalVote("f1"), LEAD);
    session(new SessionCommand.AdvancePhase(tick(600)), LEAD);
    session(new SessionCommand.PublishReport(), LEAD);
    session(new SessionCommand.UnpublishReport(), LEAD);
    session(new SessionCommand.GoBackPhase(tick(30)), LEAD);
    session(new SessionCommand.AdvancePhase(tick(30)), LEAD);
    session(new SessionCommand.RecordAnswer("d1", AnswerStatus.PARTLY_ADOPTED,
        "Byrådet gør ti gårde grønne i 2027.", "2027-03-14"), new Actor("admin", Role.ADMINISTRATOR));
    session(new SessionCommand.PublishReport(), LEAD);
  }

  /** The rows as JSON lines, one row an object, in the order they were written. */
  static String jsonLines(List<JournalRow> rows) {
    StringBuilder out = new StringBuilder();
    for (JournalRow row : rows) {
      out.append(ModelJson.mapper().valueToTree(row).toString()).append('\n');
    }
    return out.toString();
  }

  public static void main(String[] args) throws IOException {
    JournalFixture fixture = new JournalFixture();
    fixture.day();
    Files.createDirectories(DIR);
    Files.writeString(DIR.resolve("day-1.jsonl"), jsonLines(fixture.rows), StandardCharsets.UTF_8);
    for (var state : fixture.states.entrySet()) {
      ObjectNode tree = ModelJson.tree(state.getValue());
      Files.writeString(DIR.resolve(state.getKey().replace(':', '-') + ".json"),
          ModelJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n", StandardCharsets.UTF_8);
    }
    Files.writeString(DIR.resolve("report.md"), JournalFixtureTest.report(fixture.states), StandardCharsets.UTF_8);
    System.out.println(fixture.rows.size() + " rows written to " + DIR.toAbsolutePath());
  }
}
