package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.tingsted.protocol.StreamId;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.AgendaItem;
import org.tingsted.server.deliberation.PhaseKind;
import org.tingsted.server.deliberation.SessionBoard;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Member;

/** The demo as --demo starts it: people without roles in their names, and a session day with its agenda. */
@DisplayName("The demo")
class DemoAgendaTest {

  @Test
  @DisplayName("has a ready agenda from welcome to report, set once however often the demo is started, and plain names")
  void agenda() throws Exception {
    TingstedNode node = LiveAssembly.await(TingstedNode.start(Settings.forTest("demo-agenda-" + UUID.randomUUID())));
    try {
      Assembly demo = LiveAssembly.await(Demo.start(node.roster(), node.streams()));
      Assembly again = LiveAssembly.await(Demo.start(node.roster(), node.streams()));
      assertThat(again.id()).isEqualTo(demo.id());
      assertThat(demo.sessions().get(0).date()).as("the demo day is today, for its report")
          .isIn(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")).toString(),
              java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")).minusDays(1).toString());
      var stream = StreamId.session(demo.sessions().get(0).id());
      var entry = LiveAssembly.await(node.streams().read(stream));
      SessionBoard board = (SessionBoard) entry.state();
      assertThat(board.agenda()).extracting(AgendaItem::phase).containsExactly(PhaseKind.WELCOME, PhaseKind.PROPOSE,
          PhaseKind.DISCUSS, PhaseKind.CLUSTER, PhaseKind.RANK, PhaseKind.PLENARY, PhaseKind.REPORT);
      assertThat(board.agenda()).extracting(AgendaItem::title).containsExactly("Velkommen", "Forslag", "Drøftelse",
          "Gruppering", "Prioritering", "Plenum", "Rapport");
      assertThat(board.agenda()).allSatisfy(item -> assertThat(item.seconds()).isBetween(5 * 60, 60 * 60));
      assertThat(board.phaseIndex()).isEqualTo(-1);
      assertThat(entry.seq()).as("the agenda was set once").isEqualTo(1);
      assertThat(demo.members().values()).extracting(Member::name)
          .allSatisfy(name -> assertThat(name).doesNotContain("(", "facilitator", "lead"))
          .contains("Anne", "Lene", "Bo", "Maja");
      String printed = Demo.describe(demo, m -> node.links().codes().of(demo.id(), m), m -> "link");
      assertThat(printed).contains("Ledende facilitator", "Bordfacilitator", "Deltager")
          .contains(node.links().codes().of(demo.id(), demo.members().values().iterator().next()));
    } finally {
      LiveAssembly.await(node.close());
    }
  }
}
