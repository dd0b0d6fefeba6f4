package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.deliberation.PlenaryFixture.ADA;
import static org.tingsted.server.deliberation.PlenaryFixture.ANNA;
import static org.tingsted.server.deliberation.PlenaryFixture.EVA;
import static org.tingsted.server.deliberation.PlenaryFixture.FRIDA;
import static org.tingsted.server.deliberation.PlenaryFixture.GUS;
import static org.tingsted.server.deliberation.PlenaryFixture.IDA;
import static org.tingsted.server.deliberation.PlenaryFixture.LEA;
import static org.tingsted.server.deliberation.PlenaryFixture.NINE;
import static org.tingsted.server.deliberation.PlenaryFixture.OLE;
import static org.tingsted.server.deliberation.PlenaryFixture.PIA;
import static org.tingsted.server.deliberation.Rejection.Reason.FORBIDDEN;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;
import static org.tingsted.server.deliberation.Rejection.Reason.TOO_LARGE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.SessionCommand.Announce;
import org.tingsted.server.deliberation.SessionCommand.MoveMember;
import org.tingsted.server.deliberation.SessionEvent.Announced;
import org.tingsted.server.deliberation.SessionEvent.MemberMoved;

@DisplayName("Announcements and moving members")
class PlenaryAnnouncementTest {
  private final PlenaryFixture day = new PlenaryFixture();

  @Test
  @DisplayName("The lead facilitator announces to everyone; the text is stored without surrounding spaces")
  void announceToAll() {
    assertThat(day.accept(new Announce("  Lunch at 12  ", null, NINE), LEA))
        .containsExactly(new Announced("an1", "Lunch at 12", List.of(), NINE));
    assertThat(day.board.announcements())
        .containsExactly(new Announcement("an1", "Lunch at 12", List.of(), NINE));
    SessionBoard before = day.board;
    Announced second = (Announced) day.accept(new Announce("Back in 5", List.of(), NINE), LEA)
        .get(0);
    for (Actor viewer : List.of(ANNA, IDA, EVA, GUS, FRIDA, LEA, OLE, PIA, ADA)) {
      assertThat(Plenary.eventFor(before, second, viewer)).isSameAs(second);
      assertThat(Plenary.boardFor(day.board, viewer).announcements()).hasSize(2);
    }
  }

  @Test
  @DisplayName("An announcement for some tables reaches only those tables, the lead, administrators and observers of the whole session")
  void announceToSomeTables() {
    day.accept(new Announce("Lunch at 12", List.of(), NINE), LEA);
    SessionBoard before = day.board;
    Announced toT1 = (Announced) day.accept(
        new Announce("Table 1: please move to room B", List.of("t1"), NINE + 1), LEA).get(0);
    assertThat(toT1.announcement()).isEqualTo("an2");
    for (Actor sees : List.of(IDA, GUS, LEA, OLE, ADA)) {
      assertThat(Plenary.eventFor(before, toT1, sees)).as("%s", sees).isSameAs(toT1);
      assertThat(Plenary.boardFor(day.board, sees).announcements()).as("%s", sees)
          .extracting(Announcement::id).containsExactly("an1", "an2");
    }
    for (Actor doesNot : List.of(EVA, ANNA, FRIDA, PIA)) {
      assertThat(Plenary.eventFor(before, toT1, doesNot)).as("%s", doesNot).isNull();
      assertThat(Plenary.boardFor(day.board, doesNot).announcements()).as("%s", doesNot)
          .extracting(Announcement::id).containsExactly("an1");
    }
    assertThat(Plenary.eventFor(before, toT1, null)).isNull();
    assertThat(Plenary.boardFor(day.board, EVA).announcementsMade()).isEqualTo(2);
  }

  @Test
  @DisplayName("An announcement is 1 to 1000 characters, names each table once and at most 100 tables, and only the lead facilitator makes one")
  void announceRules() {
    assertThat(day.reason(new Announce(" ", null, NINE), LEA)).isEqualTo(INVALID);
    assertThat(day.reason(new Announce("x".repeat(1001), null, NINE), LEA)).isEqualTo(TOO_LARGE);
    assertThat(day.reason(new Announce("Hi", List.of("t1", "t1"), NINE), LEA)).isEqualTo(INVALID);
    assertThat(day.reason(new Announce("Hi", Arrays.asList("t1", null), NINE), LEA))
        .isEqualTo(INVALID);
    assertThat(day.reason(new Announce("Hi", List.of(" "), NINE), LEA)).isEqualTo(INVALID);
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= Plenary.ANNOUNCEMENT_TABLES; i++) {
      many.add("t" + i);
    }
    assertThat(day.reason(new Announce("Hi", many, NINE), LEA)).isEqualTo(TOO_LARGE);
    for (Actor actor : List.of(GUS, ANNA, OLE, ADA)) {
      assertThat(day.reason(new Announce("Hi", null, NINE), actor)).isEqualTo(FORBIDDEN);
    }
  }

  @Test
  @DisplayName("The lead facilitator moves a member to another table; the seat itself is the roster's business")
  void moveMember() {
    SessionBoard before = day.board;
    assertThat(day.accept(new MoveMember("ida", "t1", "t2"), LEA))
        .containsExactly(new MemberMoved("ida", "t1", "t2"));
    assertThat(day.board).isEqualTo(before);
    assertThat(day.reason(new MoveMember("ida", "t1", "t1"), LEA)).isEqualTo(INVALID);
    assertThat(day.reason(new MoveMember(" ", "t1", "t2"), LEA)).isEqualTo(INVALID);
    assertThat(day.reason(new MoveMember("ida", null, "t2"), LEA)).isEqualTo(INVALID);
    assertThat(day.reason(new MoveMember("ida", "t1", ""), LEA)).isEqualTo(INVALID);
    assertThat(day.reason(new MoveMember("ida", "t1", "t2"), GUS)).isEqualTo(FORBIDDEN);
  }
}
