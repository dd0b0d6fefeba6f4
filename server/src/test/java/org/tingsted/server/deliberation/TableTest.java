package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.deliberation.BoardFixture.ANNA;
import static org.tingsted.server.deliberation.BoardFixture.BO;
import static org.tingsted.server.deliberation.BoardFixture.FRIDA;

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
  @DisplayName("A session's commands leave the board holding exactly what they did, counted and ordered")
  void history() {
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
    Board board = table.board;
    assertThat(board.proposalsMade()).isEqualTo(2);
    assertThat(board.commentsMade()).isEqualTo(1);
    assertThat(board.clustersMade()).isEqualTo(1);
    assertThat(board.votesOpened()).isEqualTo(1);
    assertThat(board.proposals()).containsOnlyKeys("p1", "p2");
    assertThat(board.proposals().get("p1").status()).isEqualTo(ProposalStatus.OPEN);
    assertThat(board.proposals().get("p2").status()).isEqualTo(ProposalStatus.HIDDEN);
    assertThat(board.proposals().get("p1").cluster()).isEqualTo("k1");
    assertThat(board.clusters().get("k1").proposals()).containsExactly("p1", "p2");
    assertThat(board.votes().get("v1").status()).isEqualTo(VoteStatus.CLOSED);
    assertThat(board.votes().get("v1").published()).isTrue();
    assertThat(board.votes().get("v1").result().ranking().schulze()).containsExactly(List.of("p2"), List.of("p1"));
    // Bo had the floor from 1 s to 61 s; Anna waits.
    assertThat(board.hands()).containsExactly("anna");
    assertThat(board.floor()).isNull();
    assertThat(board.spokenMillis()).containsExactly(Map.entry("bo", 60_000L));
  }
}
