package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.deliberation.BoardFixture.ANNA;
import static org.tingsted.server.deliberation.BoardFixture.repeat;
import static org.tingsted.server.deliberation.BoardFixture.BO;
import static org.tingsted.server.deliberation.BoardFixture.CARL;
import static org.tingsted.server.deliberation.BoardFixture.FRIDA;
import static org.tingsted.server.deliberation.Rejection.Reason.CONFLICT;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;
import static org.tingsted.server.deliberation.Rejection.Reason.NOT_FOUND;
import static org.tingsted.server.deliberation.Rejection.Reason.TOO_LARGE;

import org.tingsted.protocol.Limits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.TableCommand.AddComment;
import org.tingsted.server.deliberation.TableCommand.HideItem;

@DisplayName("Comments")
class CommentRulesTest {
  private final BoardFixture table = new BoardFixture();

  @Test
  @DisplayName("A member comments on a proposal and another replies to that comment")
  void commentAndReply() {
    String p1 = table.propose(ANNA, "Bike lanes");
    table.accept(new AddComment(p1, CommentKind.CONCERN, " Costly ", null), BO);
    String c2 = table.comment(ANNA, p1, "c1");
    assertThat(table.board.comments().get("c1")).isEqualTo(
        new Comment("c1", p1, "bo", CommentKind.CONCERN, "Costly", null, false));
    assertThat(table.board.comments().get(c2).replyTo()).isEqualTo("c1");
  }

  @Test
  @DisplayName("Replies go one level deep: a reply to a reply is invalid")
  void oneLevelDeep() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String c1 = table.comment(BO, p1, null);
    String c2 = table.comment(ANNA, p1, c1);
    Rejection rejection = table.reject(
        new AddComment(p1, CommentKind.QUESTION, "Why?", c2), CARL);
    assertThat(rejection.reason()).isEqualTo(INVALID);
    assertThat(rejection.message()).contains("reply to comment c1");
  }

  @Test
  @DisplayName("A reply must be about the same proposal as the comment it answers")
  void replySameProposal() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String p2 = table.propose(ANNA, "Trees");
    String c1 = table.comment(BO, p1, null);
    assertThat(table.reject(new AddComment(p2, CommentKind.OTHER, "x", c1), BO).reason())
        .isEqualTo(INVALID);
  }

  @Test
  @DisplayName("Comments need a kind, some text within the limit, and a proposal and parent that exist")
  void commentChecks() {
    String p1 = table.propose(ANNA, "Bike lanes");
    assertThat(table.reject(new AddComment(p1, null, "x", null), BO).reason())
        .isEqualTo(INVALID);
    assertThat(table.reject(new AddComment(p1, CommentKind.OTHER, " ", null), BO).reason())
        .isEqualTo(INVALID);
    assertThat(table.reject(
        new AddComment(p1, CommentKind.OTHER, repeat(Limits.COMMENT + 1), null), BO).reason())
        .isEqualTo(TOO_LARGE);
    assertThat(table.reject(new AddComment("p7", CommentKind.OTHER, "x", null), BO).reason())
        .isEqualTo(NOT_FOUND);
    assertThat(table.reject(new AddComment(p1, CommentKind.OTHER, "x", "c7"), BO).reason())
        .isEqualTo(NOT_FOUND);
  }

  @Test
  @DisplayName("Nobody can reply to a hidden comment")
  void noReplyToHidden() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String c1 = table.comment(BO, p1, null);
    table.accept(new HideItem(c1, "Off topic"), FRIDA);
    assertThat(table.reject(new AddComment(p1, CommentKind.OTHER, "x", c1), ANNA).reason())
        .isEqualTo(CONFLICT);
  }
}
