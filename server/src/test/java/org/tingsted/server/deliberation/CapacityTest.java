package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.deliberation.BoardFixture.ANNA;
import static org.tingsted.server.deliberation.BoardFixture.BO;
import static org.tingsted.server.deliberation.BoardFixture.FRIDA;
import static org.tingsted.server.deliberation.BoardFixture.repeat;
import static org.tingsted.server.deliberation.Rejection.Reason.TOO_LARGE;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.Limits;
import org.tingsted.server.deliberation.TableCommand.AddComment;
import org.tingsted.server.deliberation.TableCommand.CreateCluster;
import org.tingsted.server.deliberation.TableCommand.DissolveCluster;
import org.tingsted.server.deliberation.TableCommand.EditProposal;
import org.tingsted.server.deliberation.TableCommand.Propose;
import org.tingsted.server.deliberation.TableCommand.RenameCluster;
import org.tingsted.server.deliberation.TableCommand.WithdrawProposal;

/** No member can fill a table's board for the others: what one member, and the board, may hold. */
@DisplayName("What a table's board holds")
class CapacityTest {
  private final BoardFixture table = new BoardFixture();

  /** Proposals by {@code author} with a text of {@code length} characters, straight onto the board. */
  private void fill(String author, int count, int length) {
    for (int i = 0; i < count; i++) {
      String id = "p" + (table.board.proposalsMade() + 1);
      table.board = Table.evolve(table.board, new TableEvent.Proposed(id, author, "t", repeat(length)));
    }
  }

  @Test
  @DisplayName("A member makes at most 50 proposals at a table, withdrawn ones included; the others still can")
  void proposalsPerMember() {
    for (int i = 0; i < Limits.PROPOSALS_PER_MEMBER; i++) {
      table.propose(ANNA, "Idea " + i);
    }
    table.accept(new WithdrawProposal("p1"), ANNA);
    Rejection refused = table.reject(new Propose("One more", "text"), ANNA);
    assertThat(refused.reason()).isEqualTo(TOO_LARGE);
    assertThat(refused.message()).contains("50 proposals");
    assertThat(table.propose(BO, "Mine")).isEqualTo("p51");
    // Editing one's own is still open.
    table.accept(new EditProposal("p2", 1, "Idea 1, better", null), ANNA);
  }

  @Test
  @DisplayName("A member writes at most 300 comments at a table; the others still can")
  void commentsPerMember() {
    String p = table.propose(BO, "Trees");
    for (int i = 0; i < Limits.COMMENTS_PER_MEMBER; i++) {
      table.board = Table.evolve(table.board, new TableEvent.Commented("c" + (i + 1), p, "anna", CommentKind.SUPPORT, "yes", null));
    }
    Rejection refused = table.reject(new AddComment(p, CommentKind.SUPPORT, "yes", null), ANNA);
    assertThat(refused.reason()).isEqualTo(TOO_LARGE);
    assertThat(refused.message()).contains("300 comments");
    table.accept(new AddComment(p, CommentKind.SUPPORT, "me too", null), BO);
  }

  @Test
  @DisplayName("A member has at most 100,000 characters on a table's board; a short proposal still fits under it, an edit that shrinks always does")
  void textPerMember() {
    // 45 proposals of 1 + 2000 characters: 90,045; a whole new one (1 + 2000) would make 92,046.
    fill("anna", 45, 2000);
    assertThat(Capacity.memberText(table.board, "anna")).isEqualTo(45 * 2001);
    table.accept(new Propose("t", repeat(2000)), ANNA);
    fill("anna", 3, 2000);
    // 49 × 2001 = 98,049: 1,951 characters are left.
    Rejection refused = table.reject(new Propose("t", repeat(1951)), ANNA);
    assertThat(refused.reason()).isEqualTo(TOO_LARGE);
    assertThat(refused.message()).contains("98049", "100000");
    table.accept(new Propose("t", repeat(1950)), ANNA);
    assertThat(Capacity.memberText(table.board, "anna")).isEqualTo(Limits.TEXT_PER_MEMBER);
    // Full: a comment of one character is refused, an edit that shortens a text is taken.
    String mine = "p1";
    assertThat(table.reject(new AddComment(mine, CommentKind.OTHER, "x", null), ANNA).reason()).isEqualTo(TOO_LARGE);
    assertThat(table.reject(new EditProposal(mine, 1, "longer title", null), ANNA).reason()).isEqualTo(TOO_LARGE);
    table.accept(new EditProposal(mine, 1, null, repeat(1000)), ANNA);
    table.accept(new AddComment(mine, CommentKind.OTHER, "x", null), ANNA);
    // Others are not held back by Anna's share.
    table.accept(new Propose("Bo's", repeat(2000)), BO);
  }

  @Test
  @DisplayName("A board holds at most 400,000 characters; when it is full nobody adds text, and the refusal says the board is full")
  void boardText() {
    // Eight people of 50,000 characters each (25 proposals of 1 + 1999).
    for (int m = 0; m < 8; m++) {
      fill("m" + m, 25, 1999);
    }
    assertThat(Capacity.boardText(table.board)).isEqualTo(Limits.BOARD_TEXT);
    Rejection refused = table.reject(new Propose("New", "idea"), BO);
    assertThat(refused.reason()).isEqualTo(TOO_LARGE);
    assertThat(refused.message()).contains("board is full", "400000");
    assertThat(table.reject(new AddComment("p1", CommentKind.SUPPORT, "yes", null), BO).reason()).isEqualTo(TOO_LARGE);
    assertThat(table.reject(new CreateCluster("Group", List.of()), FRIDA).reason()).isEqualTo(TOO_LARGE);
    // A board that is full is still worked on: votes, hands and withdrawals go on.
    table.accept(new TableCommand.RaiseHand(), BO);
    table.accept(new WithdrawProposal("p1"), new Actor("m0", Role.MEMBER));
  }

  @Test
  @DisplayName("A board has at most 100 clusters at a time; one dissolved makes room, and a rename may not grow a full board")
  void clusters() {
    for (int i = 0; i < Limits.CLUSTERS; i++) {
      table.cluster("Group " + i);
    }
    Rejection refused = table.reject(new CreateCluster("One more", List.of()), ANNA);
    assertThat(refused.reason()).isEqualTo(TOO_LARGE);
    assertThat(refused.message()).contains("100 clusters");
    table.accept(new DissolveCluster("k1"), ANNA);
    table.cluster("One more");
    for (int m = 0; m < 8; m++) {
      fill("m" + m, 25, 1999);
    }
    // The clusters' names count too, so the board is over its text now: a longer name is refused, a shorter one taken.
    assertThat(table.reject(new RenameCluster("k2", "Group 1 with a longer name"), ANNA).reason()).isEqualTo(TOO_LARGE);
    table.accept(new RenameCluster("k2", "G1"), ANNA);
  }
}
