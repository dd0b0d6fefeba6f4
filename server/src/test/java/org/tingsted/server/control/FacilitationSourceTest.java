package org.tingsted.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.Decision;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.Source;
import org.tingsted.server.deliberation.Table;
import org.tingsted.server.deliberation.TableCommand;
import org.tingsted.server.deliberation.TableEvent;

@DisplayName("What a draft keeps of a table's proposal or group")
class FacilitationSourceTest {

  private static final Actor ANNA = new Actor("m1", Role.MEMBER);
  private static final Actor FRIDA = new Actor("f1", Role.FACILITATOR);

  private Board board = Board.empty("t1");

  private void run(TableCommand command, Actor actor) {
    Decision<TableEvent> decision = Table.decide(board, command, actor);
    assertThat(decision).isInstanceOf(Decision.Accepted.class);
    for (TableEvent event : ((Decision.Accepted<TableEvent>) decision).events()) {
      board = Table.evolve(board, event);
    }
  }

  @Test
  @DisplayName("a group's text is its visible proposals' titles and texts, a blank line between them")
  void groupWords() {
    run(new TableCommand.Propose("Grønne gårde", "Træer i alle gårde."), ANNA);
    run(new TableCommand.Propose("Flere bænke", "Bænke i alle parker."), ANNA);
    run(new TableCommand.Propose("Skjult", "Reklame."), ANNA);
    run(new TableCommand.CreateCluster("Grønne områder", List.of("p1", "p2", "p3")), ANNA);
    run(new TableCommand.HideItem("p3", "reklame"), FRIDA);
    Source source = Facilitation.source("t1", board, null, "k1");
    assertThat(source.title()).isEqualTo("Grønne områder");
    assertThat(source.text()).isEqualTo("Grønne gårde\nTræer i alle gårde.\n\nFlere bænke\nBænke i alle parker.");
    assertThat(Facilitation.source("t1", board, "p3", null)).as("a hidden proposal").isNull();
  }

  @Test
  @DisplayName("a text over the limit is cut with an ellipsis to exactly the limit, counted in characters (code points) as the model counts")
  void clip() {
    assertThat(Facilitation.clip("abc", 3)).isEqualTo("abc");
    assertThat(Facilitation.clip("abcd", 3)).isEqualTo("ab…");
    String trees = "a" + "\uD83C\uDF33".repeat(3); // a and three trees: 4 characters, 7 UTF-16 units
    assertThat(Facilitation.clip(trees, 4)).isEqualTo(trees);
    assertThat(Facilitation.clip(trees, 3)).isEqualTo("a\uD83C\uDF33…");
    assertThat(Facilitation.clip("x".repeat(5000), 2000)).hasSize(2000).endsWith("…");
  }
}
