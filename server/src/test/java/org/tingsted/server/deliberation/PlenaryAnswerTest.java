package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.deliberation.PlenaryFixture.ADA;
import static org.tingsted.server.deliberation.PlenaryFixture.ANNA;
import static org.tingsted.server.deliberation.PlenaryFixture.FRIDA;
import static org.tingsted.server.deliberation.PlenaryFixture.LEA;
import static org.tingsted.server.deliberation.PlenaryFixture.OLE;
import static org.tingsted.server.deliberation.PlenaryFixture.proposal;
import static org.tingsted.server.deliberation.Rejection.Reason.CONFLICT;
import static org.tingsted.server.deliberation.Rejection.Reason.FORBIDDEN;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;
import static org.tingsted.server.deliberation.Rejection.Reason.NOT_FOUND;
import static org.tingsted.server.deliberation.Rejection.Reason.TOO_LARGE;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.SessionCommand.EditDraft;
import org.tingsted.server.deliberation.SessionCommand.MergeDrafts;
import org.tingsted.server.deliberation.SessionCommand.PublishReport;
import org.tingsted.server.deliberation.SessionCommand.RecordAnswer;
import org.tingsted.server.deliberation.SessionCommand.UnpublishReport;
import org.tingsted.server.deliberation.SessionCommand.WithdrawDraft;
import org.tingsted.server.deliberation.SessionEvent.AnswerRecorded;
import org.tingsted.server.deliberation.SessionEvent.ReportPublished;
import org.tingsted.server.deliberation.SessionEvent.ReportUnpublished;

@DisplayName("The City Council's answers and the report")
class PlenaryAnswerTest {
  private final PlenaryFixture plenary = new PlenaryFixture();
  private final String d1 = plenary.promote("Protected bike lanes", proposal("t1", "p1"));

  @Test
  @DisplayName("The lead facilitator or an administrator records the Council's answer, and may replace it later")
  void recordAndReplace() {
    assertThat(plenary.accept(new RecordAnswer(d1, AnswerStatus.UNDER_CONSIDERATION,
        " The Technical Committee will report in May. ", "2026-03-14"), ADA))
        .containsExactly(new AnswerRecorded(d1, AnswerStatus.UNDER_CONSIDERATION,
            "The Technical Committee will report in May.", "2026-03-14"));
    assertThat(plenary.draft(d1).answer()).isEqualTo(new Answer(AnswerStatus.UNDER_CONSIDERATION,
        "The Technical Committee will report in May.", "2026-03-14"));
    plenary.accept(new RecordAnswer(d1, AnswerStatus.PARTLY_ADOPTED, null, "2026-05-20"), LEA);
    assertThat(plenary.draft(d1).answer())
        .isEqualTo(new Answer(AnswerStatus.PARTLY_ADOPTED, null, "2026-05-20"));
    plenary.accept(new RecordAnswer(d1, AnswerStatus.ADOPTED, "   ", "2026-06-01"), LEA);
    assertThat(plenary.draft(d1).answer().text()).as("blank text is no text").isNull();
  }

  @Test
  @DisplayName("Members, table facilitators and observers cannot record answers or publish the report")
  void othersMayNot() {
    plenary.accept(new PublishReport(), LEA);
    for (Actor someone : List.of(ANNA, FRIDA, OLE)) {
      assertThat(plenary.reason(
          new RecordAnswer(d1, AnswerStatus.REJECTED, null, "2026-03-14"), someone))
          .isEqualTo(FORBIDDEN);
      assertThat(plenary.reason(new PublishReport(), someone)).isEqualTo(FORBIDDEN);
      assertThat(plenary.reason(new UnpublishReport(), someone)).isEqualTo(FORBIDDEN);
    }
  }

  @Test
  @DisplayName("An answer names an existing draft that was not merged away, a status, a real date and at most 5,000 characters")
  void answerChecks() {
    String d2 = plenary.promote("Trees", proposal("t2", "p1"));
    String d3 = plenary.promote("Buses", proposal("t3", "p1"));
    plenary.accept(new MergeDrafts(d2, d1, null, null), LEA);
    plenary.accept(new WithdrawDraft(d3, "The Council decided this in January"), LEA);
    assertThat(answer(null, AnswerStatus.ADOPTED, null, "2026-03-14")).isEqualTo(INVALID);
    assertThat(answer(d1, null, null, "2026-03-14")).isEqualTo(INVALID);
    assertThat(answer(d1, AnswerStatus.ADOPTED, "x".repeat(Plenary.ANSWER_TEXT + 1),
        "2026-03-14")).isEqualTo(TOO_LARGE);
    assertThat(answer(d1, AnswerStatus.ADOPTED, null, null)).isEqualTo(INVALID);
    assertThat(answer(d1, AnswerStatus.ADOPTED, null, "14/03/2026")).isEqualTo(INVALID);
    assertThat(answer("d9", AnswerStatus.ADOPTED, null, "2026-03-14")).isEqualTo(NOT_FOUND);
    assertThat(answer(d2, AnswerStatus.ADOPTED, null, "2026-03-14")).as("merged")
        .isEqualTo(CONFLICT);
    plenary.accept(new RecordAnswer(d3, AnswerStatus.ADOPTED, null, "2026-01-20"), ADA);
    plenary.accept(new RecordAnswer(d1, AnswerStatus.REJECTED,
        "x".repeat(Plenary.ANSWER_TEXT), "2026-03-14"), ADA);
  }

  @Test
  @DisplayName("Once the Council has answered a draft it can no longer be edited, merged or withdrawn")
  void answeredDraftsStay() {
    String d2 = plenary.promote("Trees", proposal("t2", "p1"));
    plenary.accept(new RecordAnswer(d1, AnswerStatus.REJECTED, null, "2026-03-14"), ADA);
    assertThat(plenary.reason(new EditDraft(d1, 1, "New", null), LEA)).isEqualTo(CONFLICT);
    assertThat(plenary.reason(new MergeDrafts(d1, d2, null, null), LEA)).isEqualTo(CONFLICT);
    assertThat(plenary.reason(new MergeDrafts(d2, d1, null, null), LEA)).isEqualTo(CONFLICT);
    assertThat(plenary.reason(new WithdrawDraft(d1, "Rejected"), LEA)).isEqualTo(CONFLICT);
  }

  @Test
  @DisplayName("Dates are written yyyy-mm-dd and must exist, leap days included")
  void dates() {
    for (String good : List.of("2026-03-14", "2024-02-29", "2000-02-29", "2026-12-31",
        "2026-04-30", "0001-01-01", "9999-12-31")) {
      assertThat(IsoDate.valid(good)).as(good).isTrue();
    }
    for (String bad : new String[] {null, "", "2026-3-14", "2026-03-1", "2026/03/14",
        "2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-12-32",
        "2026-01-00", "0000-01-01", "+026-01-01", "2026-0a-01", "2026-03-14T10:00",
        "\uFF12\uFF10\uFF12\uFF16-01-01", " 2026-03-1"}) {
      assertThat(IsoDate.valid(bad)).as(String.valueOf(bad)).isFalse();
    }
  }

  @Test
  @DisplayName("The report is published and unpublished by the lead facilitator or an administrator, and not twice over")
  void publish() {
    assertThat(plenary.reason(new UnpublishReport(), ADA)).isEqualTo(CONFLICT);
    assertThat(plenary.accept(new PublishReport(), ADA)).containsExactly(new ReportPublished());
    assertThat(plenary.board.reportPublished()).isTrue();
    assertThat(plenary.reason(new PublishReport(), LEA)).isEqualTo(CONFLICT);
    assertThat(plenary.accept(new UnpublishReport(), LEA))
        .containsExactly(new ReportUnpublished());
    assertThat(plenary.board.reportPublished()).isFalse();
    plenary.accept(new PublishReport(), LEA);
  }

  private Rejection.Reason answer(String draft, AnswerStatus status, String text, String date) {
    return plenary.reason(new RecordAnswer(draft, status, text, date), LEA);
  }
}
