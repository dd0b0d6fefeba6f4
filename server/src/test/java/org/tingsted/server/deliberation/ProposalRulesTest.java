package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.deliberation.BoardFixture.ANNA;
import static org.tingsted.server.deliberation.BoardFixture.repeat;
import static org.tingsted.server.deliberation.BoardFixture.BO;
import static org.tingsted.server.deliberation.BoardFixture.FRIDA;
import static org.tingsted.server.deliberation.Rejection.Reason.CONFLICT;
import static org.tingsted.server.deliberation.Rejection.Reason.FORBIDDEN;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;
import static org.tingsted.server.deliberation.Rejection.Reason.NOT_FOUND;
import static org.tingsted.server.deliberation.Rejection.Reason.TOO_LARGE;

import org.tingsted.protocol.Limits;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.TableCommand.AddComment;
import org.tingsted.server.deliberation.TableCommand.EditProposal;
import org.tingsted.server.deliberation.TableCommand.HideItem;
import org.tingsted.server.deliberation.TableCommand.Propose;
import org.tingsted.server.deliberation.TableCommand.WithdrawProposal;
import org.tingsted.server.deliberation.TableEvent.ProposalEdited;
import org.tingsted.server.deliberation.TableEvent.Proposed;

@DisplayName("Proposals")
class ProposalRulesTest {
  private final BoardFixture table = new BoardFixture();

  @Test
  @DisplayName("A member's proposal gets the next id, version 1, and is open and unclustered")
  void propose() {
    List<TableEvent> events = table.accept(new Propose("  Bike lanes ", " Paint them green "), ANNA);
    assertThat(events).containsExactly(
        new Proposed("p1", "anna", "Bike lanes", "Paint them green"));
    assertThat(table.proposal("p1")).isEqualTo(new Proposal(
        "p1", "anna", "Bike lanes", "Paint them green", 1, ProposalStatus.OPEN, null, null));
    assertThat(table.propose(BO, "Trees")).isEqualTo("p2");
  }

  @Test
  @DisplayName("A blank title or text is invalid; one that is too long is too large")
  void textLimits() {
    assertThat(table.reject(new Propose("  ", "text"), ANNA).reason()).isEqualTo(INVALID);
    assertThat(table.reject(new Propose(null, "text"), ANNA).reason()).isEqualTo(INVALID);
    assertThat(table.reject(new Propose("title", ""), ANNA).reason()).isEqualTo(INVALID);
    Rejection tooLong = table.reject(new Propose(repeat(Limits.TITLE + 1), "text"), ANNA);
    assertThat(tooLong.reason()).isEqualTo(TOO_LARGE);
    assertThat(tooLong.message()).contains("121").contains("120");
    assertThat(table.reject(new Propose("t", repeat(Limits.PROPOSAL_TEXT + 1)), ANNA).reason())
        .isEqualTo(TOO_LARGE);
    table.accept(new Propose(repeat(Limits.TITLE), " " + repeat(Limits.PROPOSAL_TEXT) + " "),
        ANNA);
  }

  @Test
  @DisplayName("Lengths are counted in characters as the protocol counts them: 120 emoji are a 120-character title")
  void emoji() {
    String tree = "\uD83C\uDF33";
    table.accept(new Propose(tree.repeat(Limits.TITLE), tree.repeat(Limits.PROPOSAL_TEXT)), ANNA);
    Rejection tooLong = table.reject(new Propose(tree.repeat(Limits.TITLE + 1), "text"), ANNA);
    assertThat(tooLong.reason()).isEqualTo(TOO_LARGE);
    assertThat(tooLong.message()).contains("121 characters").contains("120");
  }

  @Test
  @DisplayName("The author edits a proposal, keeping what they leave out, and its version goes up")
  void edit() {
    String p1 = table.propose(ANNA, "Bike lanes");
    List<TableEvent> events = table.accept(new EditProposal(p1, 1, null, "Wider lanes"), ANNA);
    assertThat(events).containsExactly(new ProposalEdited(p1, 2, "Bike lanes", "Wider lanes"));
    table.accept(new EditProposal(p1, 2, "Safe bike lanes", null), ANNA);
    assertThat(table.proposal(p1).title()).isEqualTo("Safe bike lanes");
    assertThat(table.proposal(p1).text()).isEqualTo("Wider lanes");
    assertThat(table.proposal(p1).version()).isEqualTo(3);
  }

  @Test
  @DisplayName("An edit made to an outdated version is refused as a conflict that names the version")
  void staleEdit() {
    String p1 = table.propose(ANNA, "Bike lanes");
    table.accept(new EditProposal(p1, 1, "Bike lanes!", null), ANNA);
    Rejection rejection = table.reject(new EditProposal(p1, 1, "Other", null), ANNA);
    assertThat(rejection.reason()).isEqualTo(CONFLICT);
    assertThat(rejection.message()).contains("proposal p1 is at version 2");
  }

  @Test
  @DisplayName("Nobody but the author may edit or withdraw a proposal, not even a facilitator")
  void onlyAuthor() {
    String p1 = table.propose(ANNA, "Bike lanes");
    assertThat(table.reject(new EditProposal(p1, 1, "Mine", null), BO).reason())
        .isEqualTo(FORBIDDEN);
    assertThat(table.reject(new WithdrawProposal(p1), FRIDA).reason()).isEqualTo(FORBIDDEN);
  }

  @Test
  @DisplayName("An edit that changes nothing is invalid; an unknown proposal is not found")
  void editNothingOrUnknown() {
    String p1 = table.propose(ANNA, "Bike lanes");
    assertThat(table.reject(new EditProposal(p1, 1, null, null), ANNA).reason())
        .isEqualTo(INVALID);
    assertThat(table.reject(new EditProposal("p9", 1, "x", null), ANNA).reason())
        .isEqualTo(NOT_FOUND);
    assertThat(table.reject(new WithdrawProposal("p9"), ANNA).reason()).isEqualTo(NOT_FOUND);
  }

  @Test
  @DisplayName("A withdrawn proposal stays in its cluster but can no longer be edited, withdrawn or commented on")
  void withdraw() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String k1 = table.cluster("Transport", p1);
    table.accept(new WithdrawProposal(p1), ANNA);
    assertThat(table.proposal(p1).status()).isEqualTo(ProposalStatus.WITHDRAWN);
    assertThat(table.proposal(p1).cluster()).isEqualTo(k1);
    assertThat(table.clusterNamed(k1).proposals()).containsExactly(p1);
    assertThat(table.reject(new EditProposal(p1, 1, "x", null), ANNA).reason())
        .isEqualTo(CONFLICT);
    assertThat(table.reject(new WithdrawProposal(p1), ANNA).reason()).isEqualTo(CONFLICT);
    assertThat(table.reject(new AddComment(p1, CommentKind.OTHER, "hm", null), BO).reason())
        .isEqualTo(CONFLICT);
  }

  @Test
  @DisplayName("A hidden proposal cannot be edited, withdrawn or commented on")
  void hiddenProposalIsFrozen() {
    String p1 = table.propose(ANNA, "Bike lanes");
    table.accept(new HideItem(p1, "Personal attack"), FRIDA);
    assertThat(table.reject(new EditProposal(p1, 1, "x", null), ANNA).reason())
        .isEqualTo(CONFLICT);
    assertThat(table.reject(new WithdrawProposal(p1), ANNA).reason()).isEqualTo(CONFLICT);
    assertThat(table.reject(new AddComment(p1, CommentKind.OTHER, "hm", null), BO).reason())
        .isEqualTo(CONFLICT);
  }
}
