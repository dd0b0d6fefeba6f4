package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.deliberation.BoardFixture.ANNA;
import static org.tingsted.server.deliberation.BoardFixture.FRIDA;
import static org.tingsted.server.deliberation.BoardFixture.LEA;
import static org.tingsted.server.deliberation.BoardFixture.OLE;
import static org.tingsted.server.deliberation.Rejection.Reason.FORBIDDEN;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.TableCommand.AddComment;
import org.tingsted.server.deliberation.TableCommand.CastBallot;
import org.tingsted.server.deliberation.TableCommand.CloseVote;
import org.tingsted.server.deliberation.TableCommand.CreateCluster;
import org.tingsted.server.deliberation.TableCommand.Propose;

@DisplayName("Who may act")
class RoleRulesTest {
  private final BoardFixture table = new BoardFixture();

  @Test
  @DisplayName("An observer may follow the table but not propose, comment, cluster or vote")
  void observerMayDoNothing() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String v1 = table.openVote(VoteMethod.SCALE, 0, 0, p1);
    for (TableCommand command : List.of(
        new Propose("Trees", "More trees"),
        new AddComment(p1, CommentKind.QUESTION, "Where?", null),
        new CreateCluster("Transport", List.of(p1)),
        new CastBallot(v1, Ballot.ofScale(Map.of(p1, 4))),
        new CloseVote(v1))) {
      assertThat(table.reject(command, OLE).reason()).isEqualTo(FORBIDDEN);
    }
  }

  @Test
  @DisplayName("Facilitators may propose, comment and cluster like members")
  void facilitatorsTakePart() {
    String p1 = table.propose(FRIDA, "Quiet hours");
    table.comment(LEA, p1, null);
    table.cluster("Noise", p1);
    assertThat(table.proposal(p1).cluster()).isEqualTo("k1");
  }

  @Test
  @DisplayName("A missing actor or command is refused as invalid, not with an error")
  void missingPartsAreInvalid() {
    Board empty = Board.empty("t");
    assertThat(rejection(Table.decide(empty, null, ANNA)).reason()).isEqualTo(INVALID);
    assertThat(rejection(Table.decide(empty, new Propose("a", "b"), null)).reason())
        .isEqualTo(INVALID);
    assertThat(rejection(Table.decide(empty, new Propose("a", "b"), new Actor(null, Role.MEMBER)))
        .reason()).isEqualTo(INVALID);
    assertThat(rejection(Table.decide(null, new Propose("a", "b"), ANNA)).reason())
        .isEqualTo(INVALID);
  }

  private static Rejection rejection(Decision<TableEvent> decision) {
    assertThat(decision).isInstanceOf(Decision.Rejected.class);
    return ((Decision.Rejected<TableEvent>) decision).rejection();
  }
}
