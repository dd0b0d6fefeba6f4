package org.tingsted.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tingsted.server.report.ReportScenario.D1_ANSWER;
import static org.tingsted.server.report.ReportScenario.D1_TEXT;
import static org.tingsted.server.report.ReportScenario.D1_TITLE;
import static org.tingsted.server.report.ReportScenario.D3_TEXT;
import static org.tingsted.server.report.ReportScenario.D3_TITLE;
import static org.tingsted.server.report.ReportScenario.D6_TITLE;
import static org.tingsted.server.report.ReportScenario.IMG_COMMENT;
import static org.tingsted.server.report.ReportScenario.SCRIPT_TEXT;
import static org.tingsted.server.report.ReportScenario.SCRIPT_TITLE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.Answer;
import org.tingsted.server.deliberation.AnswerStatus;
import org.tingsted.server.deliberation.Choice;
import org.tingsted.server.deliberation.DraftStatus;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.SessionCommand.CastFinalBallot;
import org.tingsted.server.deliberation.SessionCommand.CloseFinalVote;
import org.tingsted.server.deliberation.SessionCommand.OpenFinalVote;
import org.tingsted.server.deliberation.SessionCommand.PromoteDraft;
import org.tingsted.server.deliberation.Source;
import org.tingsted.server.deliberation.VoteMethod;
import org.tingsted.server.report.ReportScenario.PlenaryScript;

@DisplayName("The report to the City Council")
class ReportsTest {

  private final Report report = ReportScenario.report();
  private final SessionReport day1 = report.sessions().get(0);

  private Recommendation recommendation(String draft) {
    return day1.recommendations().stream().filter(r -> r.draft().equals(draft)).findFirst()
        .orElseThrow(() -> new AssertionError("no recommendation " + draft));
  }

  @Test
  @DisplayName("It names the assembly, its question, when it was made and each session day")
  void header() {
    assertThat(report.assembly()).isEqualTo("cph-2026");
    assertThat(report.assemblyName()).isEqualTo("Københavns Borgerting 2026");
    assertThat(report.question()).isEqualTo("Hvordan gør vi København grønnere, og hvem betaler?");
    assertThat(report.generatedAt()).isEqualTo(1_781_258_400_000L);
    assertThat(report.sessions()).extracting(SessionReport::session).containsExactly("s1", "s2");
    assertThat(day1.name()).isEqualTo("Dag 1");
    assertThat(day1.date()).isEqualTo("2026-03-14");
    assertThat(day1.published()).isTrue();
    SessionReport day2 = report.sessions().get(1);
    assertThat(day2.published()).isFalse();
    assertThat(day2.recommendations()).isEmpty();
  }

  @Test
  @DisplayName("Recommendations come highest support first; one never voted on comes last; "
      + "merged and withdrawn drafts are not listed")
  void order() {
    assertThat(day1.recommendations()).extracting(Recommendation::draft)
        .containsExactly("d1", "d3", "d4", "d6");
    assertThat(day1.recommendations()).extracting(Recommendation::title)
        .containsExactly(D1_TITLE, D3_TITLE, SCRIPT_TITLE, D6_TITLE);
    assertThat(day1.recommendations()).extracting(Recommendation::status)
        .containsOnly(DraftStatus.OPEN);
  }

  @Test
  @DisplayName("24 of 36 members is 66.7 %, which meets a threshold of 0.6667: adopted")
  void adopted() {
    Recommendation d1 = recommendation("d1");
    assertThat(d1.text()).isEqualTo(D1_TEXT);
    assertThat(d1.finalVote()).usingRecursiveComparison().ignoringFields("share")
        .isEqualTo(new FinalVoteResult("f2", 36, 36, 24, 8, 4, 0, 0.6667, true));
    assertThat(d1.finalVote().share()).isCloseTo(0.666667, within(0.000001));
    assertThat(d1.answer())
        .isEqualTo(new Answer(AnswerStatus.ADOPTED, D1_ANSWER, "2026-06-12"));
  }

  @Test
  @DisplayName("23 of 36 members is 63.9 %, below the threshold: not adopted, from the last "
      + "final vote, not the earlier one")
  void notAdopted() {
    Recommendation d3 = recommendation("d3");
    assertThat(d3.text()).isEqualTo(D3_TEXT);
    assertThat(d3.finalVote()).usingRecursiveComparison().ignoringFields("share")
        .isEqualTo(new FinalVoteResult("f2", 36, 36, 23, 10, 2, 0, 0.6667, false));
    assertThat(d3.finalVote().share()).isCloseTo(0.638889, within(0.000001));
    assertThat(d3.answer())
        .isEqualTo(new Answer(AnswerStatus.UNDER_CONSIDERATION, null, "2026-06-12"));

    Recommendation d4 = recommendation("d4");
    assertThat(d4.finalVote()).usingRecursiveComparison().ignoringFields("share")
        .isEqualTo(new FinalVoteResult("f2", 36, 36, 12, 20, 3, 0, 0.6667, false));
    assertThat(d4.finalVote().share()).isCloseTo(0.333333, within(0.000001));
    assertThat(d4.answer()).isNull();
  }

  @Test
  @DisplayName("A draft never put to a final vote has no final result")
  void neverVoted() {
    Recommendation d6 = recommendation("d6");
    assertThat(d6.finalVote()).isNull();
    assertThat(d6.answer()).isNull();
  }

  @Test
  @DisplayName("A merged draft's sources live on in the draft it went into, with both tables' names")
  void provenance() {
    assertThat(recommendation("d1").provenance()).containsExactly(
        new Provenance("t1", "Bord 1 – Nørrebro", "p1", "Grønne tage på nye byggerier",
            "Alle nye byggerier får grønne tage."),
        new Provenance("t2", "Bord 2 – Østerbro", "p1", "Grønne tage og gårdhaver",
            "Flere grønne gårdhaver i tætte kvarterer."));
    assertThat(recommendation("d3").provenance()).containsExactly(
        new Provenance("t1", "Bord 1 – Nørrebro", null, "k1", "Trafik", null, List.of(
            new VoteItem("p2", "Flere cykelstier på Nørrebrogade"),
            new VoteItem("p3", "Billigere buskort for unge"))));
    assertThat(recommendation("d4").provenance()).containsExactly(
        new Provenance("t2", "Bord 2 – Østerbro", "p2", SCRIPT_TITLE, SCRIPT_TEXT));
  }

  @Test
  @DisplayName("A dot vote shows the item's dots and its place, with the tie, and the hidden "
      + "proposal by id only")
  void dots() {
    List<VoteItem> first = List.of(new VoteItem("p1", "Grønne tage på nye byggerier"),
        new VoteItem("k1", "Trafik"));
    List<VoteItem> second = List.of(new VoteItem("p4", null));
    TableVoteResult d1Dots = recommendation("d1").tableVotes().get(0);
    assertThat(d1Dots).isEqualTo(new TableVoteResult("t1", "Bord 1 – Nørrebro", "v1",
        VoteMethod.DOTS, 5, "p1", "Grønne tage på nye byggerier",
        new DotsResult(10, 1, List.of(first, second)), null, null));
    assertThat(recommendation("d3").tableVotes()).first().isEqualTo(new TableVoteResult("t1",
        "Bord 1 – Nørrebro", "v1", VoteMethod.DOTS, 5, "k1", "Trafik",
        new DotsResult(10, 1, List.of(first, second)), null, null));
  }

  @Test
  @DisplayName("A recommendation from a cluster carries the votes on the cluster and on each of "
      + "its proposals, as the table voted on them")
  void clusterVotes() {
    List<TableVoteResult> votes = recommendation("d3").tableVotes();
    assertThat(votes).extracting(TableVoteResult::vote, TableVoteResult::item).containsExactly(
        org.assertj.core.groups.Tuple.tuple("v1", "k1"),
        org.assertj.core.groups.Tuple.tuple("v2", "p3"));
    assertThat(votes.get(1).scale().distribution()).containsExactly(0, 1, 1, 2, 1);
    assertThat(recommendation("d3").votesOn("t1", "p3")).containsExactly(votes.get(1));
    assertThat(recommendation("d3").votesOn("t1", "p2")).isEmpty();
  }

  @Test
  @DisplayName("A ranking shows the item's Schulze and Borda places and points, and both full "
      + "orders with their ties")
  void ranking() {
    VoteItem p1 = new VoteItem("p1", "Grønne tage og gårdhaver");
    VoteItem p2 = new VoteItem("p2", SCRIPT_TITLE);
    VoteItem p3 = new VoteItem("p3", "Flere træer i gaderne");
    List<List<VoteItem>> schulze = List.of(List.of(p1), List.of(p2), List.of(p3));
    List<List<VoteItem>> borda = List.of(List.of(p1, p2), List.of(p3));

    List<TableVoteResult> d1 = recommendation("d1").tableVotes();
    assertThat(d1).hasSize(2);
    assertThat(d1.get(1)).isEqualTo(new TableVoteResult("t2", "Bord 2 – Østerbro", "v1",
        VoteMethod.RANKING, 5, "p1", "Grønne tage og gårdhaver", null,
        new RankingResult(1, 1, 6, schulze, borda), null));
    assertThat(recommendation("d4").tableVotes()).containsExactly(new TableVoteResult("t2",
        "Bord 2 – Østerbro", "v1", VoteMethod.RANKING, 5, "p2", SCRIPT_TITLE, null,
        new RankingResult(2, 1, 6, schulze, borda), null));
  }

  @Test
  @DisplayName("An agreement scale shows how many rated 1 to 5, the mean and the share agreeing")
  void scale() {
    List<TableVoteResult> votes = recommendation("d6").tableVotes();
    assertThat(votes).hasSize(1);
    TableVoteResult vote = votes.get(0);
    assertThat(vote).usingRecursiveComparison().ignoringFields("scale").isEqualTo(
        new TableVoteResult("t1", "Bord 1 – Nørrebro", "v2", VoteMethod.SCALE, 5, "p3",
            "Billigere buskort for unge", null, null, null));
    assertThat(vote.scale().ratings()).isEqualTo(5);
    assertThat(vote.scale().distribution()).containsExactly(0, 1, 1, 2, 1);
    assertThat(vote.scale().mean()).isCloseTo(3.6, within(1e-9));
    assertThat(vote.scale().shareAgreeing()).isCloseTo(0.6, within(1e-9));
  }

  @Test
  @DisplayName("A vote that is still open at the table shows nothing")
  void openVote() {
    assertThat(report.sessions().get(0).recommendations())
        .flatMap(Recommendation::tableVotes)
        .extracting(TableVoteResult::vote, TableVoteResult::table)
        .doesNotContain(org.assertj.core.groups.Tuple.tuple("v3", "t1"));
  }

  @Test
  @DisplayName("Comments for and against come from both tables without their authors; hidden "
      + "comments, replies to them and questions stay out")
  void comments() {
    Recommendation d1 = recommendation("d1");
    assertThat(d1.commentsFor()).containsExactly(
        new TableComment("t1", "Bord 1 – Nørrebro", "p1", "Godt for klimaet og for regnvandet."),
        new TableComment("t2", "Bord 2 – Østerbro", "p1", "Gårdhaver giver liv."));
    assertThat(d1.commentsAgainst()).containsExactly(
        new TableComment("t1", "Bord 1 – Nørrebro", "p1", "Hvem skal betale for det?"));
  }

  @Test
  @DisplayName("A recommendation from a cluster carries the comments on the cluster's proposals")
  void clusterComments() {
    Recommendation d3 = recommendation("d3");
    assertThat(d3.commentsFor()).containsExactly(
        new TableComment("t1", "Bord 1 – Nørrebro", "p2", "Sikrere for børn."));
    assertThat(d3.commentsAgainst()).containsExactly(
        new TableComment("t1", "Bord 1 – Nørrebro", "p3", "Det koster kommunen dyrt."));
    assertThat(recommendation("d4").commentsFor()).isEmpty();
    assertThat(recommendation("d4").commentsAgainst()).containsExactly(
        new TableComment("t2", "Bord 2 – Østerbro", "p2", IMG_COMMENT));
  }

  @Test
  @DisplayName("A source proposal hidden after it was promoted is left out of the provenance")
  void hiddenSource() {
    ReportInput in = ReportScenario.input();
    PlenaryScript plenary = new PlenaryScript("s9");
    plenary.run(new PromoteDraft(List.of(
        new Source("t1", "p4", null, "Skjult forslag", "Upassende indhold."),
        new Source("t1", "p1", null, "Grønne tage på nye byggerier", null)),
        "Tage", "Tage."), new Actor("staff-lea", Role.LEAD_FACILITATOR));
    SessionInput day = in.sessions().get(0);
    Report hidden = Reports.build(new ReportInput(in.assembly(), in.assemblyName(),
        in.question(), List.of(new SessionInput("s9", "Dag 9", "2026-05-01", plenary.board,
            day.tables()))), 0);
    Recommendation only = hidden.sessions().get(0).recommendations().get(0);
    assertThat(only.provenance()).extracting(Provenance::proposal).containsExactly("p1");
    assertThat(only.tableVotes()).extracting(TableVoteResult::item).containsExactly("p1");
  }

  @Test
  @DisplayName("Equal shares are ordered by draft number, d2 before d10, and unvoted drafts by "
      + "number after them")
  void ties() {
    Actor lead = new Actor("staff-lea", Role.LEAD_FACILITATOR);
    PlenaryScript plenary = new PlenaryScript("s3");
    for (int i = 1; i <= 11; i++) {
      plenary.run(new PromoteDraft(List.of(new Source("t1", "p" + i, null, "P" + i, null)),
          "Draft " + i, "Text " + i), lead);
    }
    plenary.run(new OpenFinalVote(List.of("d11", "d10", "d2", "d9"), 0.5, 4), lead);
    Map<String, Choice> same = Map.of("d11", Choice.SUPPORT, "d10", Choice.SUPPORT,
        "d2", Choice.SUPPORT, "d9", Choice.OPPOSE);
    plenary.run(new CastFinalBallot("f1", same), new Actor("citizen-1", Role.MEMBER));
    plenary.run(new CastFinalBallot("f1", same), new Actor("citizen-2", Role.MEMBER));
    plenary.run(new CloseFinalVote("f1"), lead);
    Report tied = Reports.build(new ReportInput("a", "A", "Q",
        List.of(new SessionInput("s3", "Dag 3", "2026-05-02", plenary.board, List.of()))), 0);
    List<String> order = new ArrayList<>();
    tied.sessions().get(0).recommendations().forEach(r -> order.add(r.draft()));
    assertThat(order).containsExactly(
        "d2", "d10", "d11", "d9", "d1", "d3", "d4", "d5", "d6", "d7", "d8");
  }
}
