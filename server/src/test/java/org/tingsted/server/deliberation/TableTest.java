package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.deliberation.BoardFixture.ANNA;
import static org.tingsted.server.deliberation.BoardFixture.BO;
import static org.tingsted.server.deliberation.BoardFixture.FRIDA;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.TableCommand.CastBallot;
import org.tingsted.server.deliberation.TableCommand.CloseVote;
import org.tingsted.server.deliberation.TableCommand.EndTurn;
import org.tingsted.server.deliberation.TableCommand.GiveFloor;
import org.tingsted.server.deliberation.TableCommand.HideItem;
import org.tingsted.server.deliberation.TableCommand.PublishResult;
import org.tingsted.server.deliberation.TableCommand.RaiseHand;

@DisplayName("A table's history")
class TableTest {
  private final BoardFixture table = new BoardFixture();

  @Test
  @DisplayName("Replaying the events of a session rebuilds the same board")
  void replay() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String p2 = table.propose(BO, "Trees");
    table.comment(BO, p1, null);
    table.cluster("Green", p1, p2);
    String v1 = table.openVote(VoteMethod.RANKING, 0, 0, p1, p2);
    table.accept(new CastBallot(v1, Ballot.ofOrder(List.of(p2, p1))), ANNA);
    table.accept(new CloseVote(v1), FRIDA);
    table.accept(new HideItem(p2, "Duplicate"), FRIDA);
    table.accept(new PublishResult(v1), FRIDA);
    table.accept(new RaiseHand(), BO);
    table.accept(new RaiseHand(), ANNA);
    table.accept(new GiveFloor(null, 1_000), FRIDA);
    table.accept(new EndTurn(61_000), BO);
    assertThat(Table.replay("table-1", table.history)).isEqualTo(table.board);
    Map<String, Proposal> reordered = new LinkedHashMap<>(table.board.proposals());
    assertThat(new Board("table-1", 2, 1, 1, 1, reordered, table.board.comments(),
        table.board.clusters(), table.board.votes(), List.of("anna"), null, Map.of("bo", 60_000L), null))
        .isEqualTo(table.board);
  }
}
