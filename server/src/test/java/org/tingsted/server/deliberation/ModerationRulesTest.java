package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.deliberation.BoardFixture.ANNA;
import static org.tingsted.server.deliberation.BoardFixture.repeat;
import static org.tingsted.server.deliberation.BoardFixture.BO;
import static org.tingsted.server.deliberation.BoardFixture.FRIDA;
import static org.tingsted.server.deliberation.BoardFixture.LEA;
import static org.tingsted.server.deliberation.Rejection.Reason.CONFLICT;
import static org.tingsted.server.deliberation.Rejection.Reason.FORBIDDEN;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;
import static org.tingsted.server.deliberation.Rejection.Reason.NOT_FOUND;
import static org.tingsted.server.deliberation.Rejection.Reason.TOO_LARGE;

import org.tingsted.protocol.Limits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.TableCommand.HideItem;
import org.tingsted.server.deliberation.TableCommand.RestoreItem;
import org.tingsted.server.deliberation.TableCommand.WithdrawProposal;

@DisplayName("Hiding and restoring")
class ModerationRulesTest {
  private final BoardFixture table = new BoardFixture();

  @Test
  @DisplayName("Hiding and restoring a proposal brings back the status it had before")
  void hideRestoreProposal() {
    String p1 = table.propose(ANNA, "Bike lanes");
    table.accept(new WithdrawProposal(p1), ANNA);
    table.accept(new HideItem(p1, "Insulting"), FRIDA);
    assertThat(table.proposal(p1).status()).isEqualTo(ProposalStatus.HIDDEN);
    assertThat(table.proposal(p1).statusBeforeHidden()).isEqualTo(ProposalStatus.WITHDRAWN);
    table.accept(new RestoreItem(p1, "Misread it"), LEA);
    assertThat(table.proposal(p1).status()).isEqualTo(ProposalStatus.WITHDRAWN);
    assertThat(table.proposal(p1).statusBeforeHidden()).isNull();
  }

  @Test
  @DisplayName("Hiding and restoring a comment flips whether it is hidden")
  void hideRestoreComment() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String c1 = table.comment(BO, p1, null);
    table.accept(new HideItem(c1, "Off topic"), FRIDA);
    assertThat(table.board.comments().get(c1).hidden()).isTrue();
    table.accept(new RestoreItem(c1, "Fine after all"), FRIDA);
    assertThat(table.board.comments().get(c1).hidden()).isFalse();
  }

  @Test
  @DisplayName("Hiding a hidden item or restoring a visible one is a conflict")
  void doubleHide() {
    String p1 = table.propose(ANNA, "Bike lanes");
    assertThat(table.reject(new RestoreItem(p1, "why"), FRIDA).reason()).isEqualTo(CONFLICT);
    table.accept(new HideItem(p1, "Spam"), FRIDA);
    assertThat(table.reject(new HideItem(p1, "Spam"), FRIDA).reason()).isEqualTo(CONFLICT);
  }

  @Test
  @DisplayName("Only facilitators hide, always with a reason of up to 500 characters, and only things that exist")
  void hideChecks() {
    String p1 = table.propose(ANNA, "Bike lanes");
    assertThat(table.reject(new HideItem(p1, "Spam"), BO).reason()).isEqualTo(FORBIDDEN);
    assertThat(table.reject(new HideItem(p1, " "), FRIDA).reason()).isEqualTo(INVALID);
    assertThat(table.reject(new HideItem(p1, null), FRIDA).reason()).isEqualTo(INVALID);
    assertThat(table.reject(new HideItem(p1, repeat(Limits.REASON + 1)), FRIDA).reason())
        .isEqualTo(TOO_LARGE);
    assertThat(table.reject(new HideItem("c4", "Spam"), FRIDA).reason()).isEqualTo(NOT_FOUND);
    assertThat(table.reject(new HideItem(null, "Spam"), FRIDA).reason()).isEqualTo(INVALID);
    assertThat(table.reject(new RestoreItem(p1, "x"), BO).reason()).isEqualTo(FORBIDDEN);
  }
}
