package org.tingsted.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.AnswerStatus;
import org.tingsted.server.deliberation.Ballot;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.Choice;
import org.tingsted.server.deliberation.CommentKind;
import org.tingsted.server.deliberation.Decision;
import org.tingsted.server.deliberation.Plenary;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.SessionBoard;
import org.tingsted.server.deliberation.SessionCommand;
import org.tingsted.server.deliberation.SessionCommand.CastFinalBallot;
import org.tingsted.server.deliberation.SessionCommand.CloseFinalVote;
import org.tingsted.server.deliberation.SessionCommand.MergeDrafts;
import org.tingsted.server.deliberation.SessionCommand.OpenFinalVote;
import org.tingsted.server.deliberation.SessionCommand.PromoteDraft;
import org.tingsted.server.deliberation.SessionCommand.PublishReport;
import org.tingsted.server.deliberation.SessionCommand.RecordAnswer;
import org.tingsted.server.deliberation.SessionCommand.WithdrawDraft;
import org.tingsted.server.deliberation.SessionEvent;
import org.tingsted.server.deliberation.Source;
import org.tingsted.server.deliberation.Table;
import org.tingsted.server.deliberation.TableCommand;
import org.tingsted.server.deliberation.TableCommand.AddComment;
import org.tingsted.server.deliberation.TableCommand.CastBallot;
import org.tingsted.server.deliberation.TableCommand.CloseVote;
import org.tingsted.server.deliberation.TableCommand.CreateCluster;
import org.tingsted.server.deliberation.TableCommand.HideItem;
import org.tingsted.server.deliberation.TableCommand.OpenVote;
import org.tingsted.server.deliberation.TableCommand.Propose;
import org.tingsted.server.deliberation.TableEvent;
import org.tingsted.server.deliberation.VoteMethod;

/**
 * One scripted session day, played through the real model with known votes, so that every
 * figure the report shows can be written out by hand in the tests.
 *
 * <p>Every person's id starts with "citizen-" or "staff-", so a test can check that no id leaks
 * into the report.
 */
final class ReportScenario {
  static final String SCRIPT_TITLE = "<script>alert(1)</script> & \"quotes\"";
  static final String SCRIPT_TEXT = "Tekst med <b>fed</b> & 'citat'";
  static final String IMG_COMMENT = "Pas på <img src=x onerror=alert(2)>";
  static final long GENERATED_AT = 1_781_258_400_000L; // 2026-06-12T10:00:00Z

  static final String D1_TITLE = "Grønne tage og gårdhaver";
  static final String D1_TEXT =
      "Kommunen kræver grønne tage på alle nye byggerier fra 2027 og støtter grønne gårdhaver.";
  static final String D3_TITLE = "Tryg trafik for børn og unge";
  static final String D3_TEXT = "Cykelstier, der er adskilt fra bilerne, og billigere buskort "
      + "for unge.\nFørst på Nørrebrogade.";
  static final String D6_TITLE = "Billigere buskort";
  static final String D6_TEXT = "Halv pris for unge under 25.";
  static final String D1_ANSWER =
      "Byrådet vedtog anbefalingen den 12. juni; forvaltningen går i gang i 2027.";

  /** Texts that were hidden, merged away, withdrawn or not for or against: never in the report. */
  static final List<String> NEVER_SHOWN = List.of(
      "Skjult forslag", "Upassende indhold", "Skjult støtte", "Enig, og skjult",
      "Gælder det også renoveringer?", "Gårdhaver i tætte kvarterer", "Træplan for hele byen",
      "Indgår i kommunens træplan", "citizen-", "staff-");

  private static final Actor LEAD = new Actor("staff-lea", Role.LEAD_FACILITATOR);
  private static final Actor FAC1 = new Actor("staff-frida", Role.FACILITATOR);
  private static final Actor FAC2 = new Actor("staff-finn", Role.FACILITATOR);

  private ReportScenario() {}

  /** The assembly: one session day with two tables and a plenary, and one day not held yet. */
  static ReportInput input() {
    List<TableInput> tables = List.of(
        new TableInput("t1", "Bord 1 – Nørrebro", nørrebro()),
        new TableInput("t2", "Bord 2 – Østerbro", østerbro()));
    return new ReportInput("cph-2026", "Københavns Borgerting 2026",
        "Hvordan gør vi København grønnere, og hvem betaler?",
        List.of(new SessionInput("s1", "Dag 1", "2026-03-14", plenary(), tables),
            new SessionInput("s2", "Dag 2", "2026-04-11", null, List.of())));
  }

  static Report report() {
    return Reports.build(input(), GENERATED_AT);
  }

  private static Board nørrebro() {
    Actor a1 = member("citizen-anna");
    Actor a2 = member("citizen-bo");
    Actor a3 = member("citizen-carl");
    Actor a4 = member("citizen-dorte");
    Actor a5 = member("citizen-emil");
    TableScript t = new TableScript("t1");
    t.run(new Propose("Grønne tage på nye byggerier", "Alle nye byggerier får grønne tage."), a1);
    t.run(new Propose("Flere cykelstier på Nørrebrogade", "Brede, adskilte cykelstier."), a2);
    t.run(new Propose("Billigere buskort for unge", "Halv pris for unge under 25."), a3);
    t.run(new Propose("Skjult forslag", "Upassende indhold."), a4); // p4
    t.run(new AddComment("p1", CommentKind.SUPPORT, "Godt for klimaet og for regnvandet.", null),
        a2); // c1
    t.run(new AddComment("p1", CommentKind.CONCERN, "Hvem skal betale for det?", null), a3);
    t.run(new AddComment("p1", CommentKind.SUPPORT, "Skjult støtte med naboens navn", null),
        a4); // c3, hidden below
    t.run(new AddComment("p1", CommentKind.SUPPORT, "Enig, og skjult sammen med den.", "c3"),
        a5); // c4, a reply to a hidden comment
    t.run(new AddComment("p1", CommentKind.QUESTION, "Gælder det også renoveringer?", null), a5);
    t.run(new AddComment("p2", CommentKind.SUPPORT, "Sikrere for børn.", null), a1); // c6
    t.run(new AddComment("p3", CommentKind.CONCERN, "Det koster kommunen dyrt.", null), a1);
    t.run(new HideItem("c3", "Nævner en nabo ved navn"), FAC1);
    t.run(new CreateCluster("Trafik", List.of("p2", "p3")), a5); // k1

    t.run(new OpenVote(VoteMethod.DOTS, List.of("p1", "k1", "p4"), 5, 3), FAC1); // v1
    t.run(new CastBallot("v1", Ballot.ofDots(Map.of("p1", 3, "k1", 2))), a1);
    t.run(new CastBallot("v1", Ballot.ofDots(Map.of("p1", 2, "k1", 2, "p4", 1))), a2);
    t.run(new CastBallot("v1", Ballot.ofDots(Map.of("p1", 1, "k1", 3, "p4", 1))), a3);
    t.run(new CastBallot("v1", Ballot.ofDots(Map.of("p4", 3, "p1", 2))), a4);
    t.run(new CastBallot("v1", Ballot.ofDots(Map.of("k1", 3, "p1", 2))), a5);
    t.run(new CloseVote("v1"), FAC1);
    t.run(new HideItem("p4", "Upassende"), FAC1);

    t.run(new OpenVote(VoteMethod.SCALE, List.of("p3"), 0, 0), FAC1); // v2
    int[] ratings = {5, 4, 4, 2, 3};
    Actor[] raters = {a1, a2, a3, a4, a5};
    for (int i = 0; i < raters.length; i++) {
      t.run(new CastBallot("v2", Ballot.ofScale(Map.of("p3", ratings[i]))), raters[i]);
    }
    t.run(new CloseVote("v2"), FAC1);

    t.run(new OpenVote(VoteMethod.DOTS, List.of("p1"), 1, 1), FAC1); // v3, still open
    t.run(new CastBallot("v3", Ballot.ofDots(Map.of("p1", 1))), a1);
    return t.board;
  }

  private static Board østerbro() {
    Actor b1 = member("citizen-bente");
    Actor b2 = member("citizen-bjørn");
    Actor b3 = member("citizen-birgit");
    Actor b4 = member("citizen-bashir");
    Actor b5 = member("citizen-britt");
    TableScript t = new TableScript("t2");
    t.run(new Propose("Grønne tage og gårdhaver", "Flere grønne gårdhaver i tætte kvarterer."),
        b1);
    t.run(new Propose(SCRIPT_TITLE, SCRIPT_TEXT), b2);
    t.run(new Propose("Flere træer i gaderne", "Et træ for hver tiende meter."), b3);
    t.run(new AddComment("p1", CommentKind.SUPPORT, "Gårdhaver giver liv.", null), b2);
    t.run(new AddComment("p2", CommentKind.CONCERN, IMG_COMMENT, null), b1);
    t.run(new AddComment("p3", CommentKind.SUPPORT, "Træer giver skygge om sommeren.", null), b4);

    t.run(new OpenVote(VoteMethod.RANKING, List.of("p1", "p2", "p3"), 0, 0), FAC2); // v1
    t.run(new CastBallot("v1", Ballot.ofOrder(List.of("p1", "p2", "p3"))), b1);
    t.run(new CastBallot("v1", Ballot.ofOrder(List.of("p1", "p2", "p3"))), b2);
    t.run(new CastBallot("v1", Ballot.ofOrder(List.of("p1", "p3", "p2"))), b3);
    t.run(new CastBallot("v1", Ballot.ofOrder(List.of("p2", "p3", "p1"))), b4);
    t.run(new CastBallot("v1", Ballot.ofOrder(List.of("p2", "p3", "p1"))), b5);
    t.run(new CloseVote("v1"), FAC2);
    return t.board;
  }

  private static SessionBoard plenary() {
    PlenaryScript s = new PlenaryScript("s1");
    s.run(new PromoteDraft(List.of(new Source("t1", "p1", null, "Grønne tage på nye byggerier",
        "Alle nye byggerier får grønne tage.")), "Grønne tage på nye byggerier",
        "Kommunen kræver grønne tage på alle nye byggerier fra 2027."), LEAD); // d1
    s.run(new PromoteDraft(List.of(new Source("t2", "p1", null, "Grønne tage og gårdhaver",
        "Flere grønne gårdhaver i tætte kvarterer.")), "Gårdhaver i tætte kvarterer",
        "Kommunen støtter grønne gårdhaver."), LEAD); // d2
    s.run(new PromoteDraft(List.of(new Source("t1", null, "k1", "Trafik", null)), D3_TITLE,
        D3_TEXT), LEAD); // d3
    s.run(new PromoteDraft(List.of(new Source("t2", "p2", null, SCRIPT_TITLE, SCRIPT_TEXT)),
        SCRIPT_TITLE, SCRIPT_TEXT), LEAD); // d4
    s.run(new PromoteDraft(List.of(new Source("t2", "p3", null, "Flere træer i gaderne",
        "Et træ for hver tiende meter.")), "Træplan for hele byen", "Et træ for hver tiende "
        + "meter."), LEAD); // d5
    s.run(new PromoteDraft(List.of(new Source("t1", "p3", null, "Billigere buskort for unge",
        "Halv pris for unge under 25.")), D6_TITLE, D6_TEXT), LEAD); // d6
    s.run(new MergeDrafts("d2", "d1", D1_TITLE, D1_TEXT), LEAD);
    s.run(new WithdrawDraft("d5", "Indgår i kommunens træplan"), LEAD);

    // A first final vote that few took part in; the report must show the later one.
    s.run(new OpenFinalVote(List.of("d3", "d4"), 0.6667, 36), LEAD); // f1
    for (int i = 1; i <= 2; i++) {
      s.run(new CastFinalBallot("f1", Map.of("d3", Choice.SUPPORT, "d4", Choice.SUPPORT)),
          voter(i));
    }
    s.run(new CloseFinalVote("f1"), LEAD);

    s.run(new OpenFinalVote(List.of("d1", "d3", "d4"), 0.6667, 36), LEAD); // f2
    for (int i = 1; i <= 36; i++) {
      Map<String, Choice> choices = new LinkedHashMap<>();
      choices.put("d1", i <= 24 ? Choice.SUPPORT : i <= 32 ? Choice.OPPOSE : Choice.ABSTAIN);
      if (i <= 35) {
        choices.put("d3", i <= 23 ? Choice.SUPPORT : i <= 33 ? Choice.OPPOSE : Choice.ABSTAIN);
        choices.put("d4", i <= 12 ? Choice.SUPPORT : i <= 32 ? Choice.OPPOSE : Choice.ABSTAIN);
      }
      s.run(new CastFinalBallot("f2", choices), voter(i));
    }
    s.run(new CloseFinalVote("f2"), LEAD);

    s.run(new RecordAnswer("d1", AnswerStatus.ADOPTED, D1_ANSWER, "2026-06-12"), LEAD);
    s.run(new RecordAnswer("d3", AnswerStatus.UNDER_CONSIDERATION, null, "2026-06-12"), LEAD);
    s.run(new PublishReport(), LEAD);
    return s.board;
  }

  private static Actor member(String id) {
    return new Actor(id, Role.MEMBER);
  }

  private static Actor voter(int i) {
    return member(String.format("citizen-%02d", i));
  }

  /** A table's board driven by commands, as its stream would: decide, then evolve each event. */
  static final class TableScript {
    Board board;

    TableScript(String table) {
      board = Board.empty(table);
    }

    void run(TableCommand command, Actor actor) {
      Decision<TableEvent> decision = Table.decide(board, command, actor);
      assertThat(decision).as("%s by %s", command, actor.member())
          .isInstanceOf(Decision.Accepted.class);
      for (TableEvent event : ((Decision.Accepted<TableEvent>) decision).events()) {
        board = Table.evolve(board, event);
      }
    }
  }

  /** A session's plenary driven by commands, likewise. */
  static final class PlenaryScript {
    SessionBoard board;
    final List<SessionEvent> history = new ArrayList<>();

    PlenaryScript(String session) {
      board = SessionBoard.empty(session);
    }

    void run(SessionCommand command, Actor actor) {
      Decision<SessionEvent> decision = Plenary.decide(board, command, actor);
      assertThat(decision).as("%s by %s", command, actor.member())
          .isInstanceOf(Decision.Accepted.class);
      for (SessionEvent event : ((Decision.Accepted<SessionEvent>) decision).events()) {
        board = Plenary.evolve(board, event);
        history.add(event);
      }
    }
  }
}
