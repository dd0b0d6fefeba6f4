package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.deliberation.PlenaryFixture.ANNA;
import static org.tingsted.server.deliberation.PlenaryFixture.BO;
import static org.tingsted.server.deliberation.PlenaryFixture.LEA;
import static org.tingsted.server.deliberation.PlenaryFixture.cluster;
import static org.tingsted.server.deliberation.PlenaryFixture.proposal;
import static org.tingsted.server.deliberation.Rejection.Reason.CONFLICT;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;
import static org.tingsted.server.deliberation.Rejection.Reason.NOT_FOUND;
import static org.tingsted.server.deliberation.Rejection.Reason.TOO_LARGE;

import org.tingsted.protocol.Limits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.SessionCommand.EditDraft;
import org.tingsted.server.deliberation.SessionCommand.MergeDrafts;
import org.tingsted.server.deliberation.SessionCommand.PromoteDraft;
import org.tingsted.server.deliberation.SessionCommand.WithdrawDraft;
import org.tingsted.server.deliberation.SessionEvent.DraftEdited;
import org.tingsted.server.deliberation.SessionEvent.DraftPromoted;
import org.tingsted.server.deliberation.SessionEvent.DraftWithdrawn;
import org.tingsted.server.deliberation.SessionEvent.DraftsMerged;

@DisplayName("Draft recommendations in the plenary")
class PlenaryDraftTest {
  private final PlenaryFixture plenary = new PlenaryFixture();

  @Test
  @DisplayName("The lead facilitator promotes a table's proposal or cluster into an open draft at version 1, keeping where it came from")
  void promote() {
    Source bikes = new Source("t1", "p3", null, " Bike lanes ", " Painted lanes on Nørrebrogade ");
    Source green = cluster("t2", "k1");
    List<SessionEvent> events = plenary.accept(
        new PromoteDraft(List.of(bikes, green), "  Safer cycling ", " Build protected lanes. "),
        LEA);
    Source bikesAsKept =
        new Source("t1", "p3", null, "Bike lanes", "Painted lanes on Nørrebrogade");
    assertThat(events).containsExactly(new DraftPromoted(
        "d1", "Safer cycling", "Build protected lanes.", List.of(bikesAsKept, green)));
    assertThat(plenary.draft("d1")).isEqualTo(new Draft("d1", "Safer cycling",
        "Build protected lanes.", 1, List.of(bikesAsKept, green), DraftStatus.OPEN, null, null,
        null));
    assertThat(plenary.promote("Trees", proposal("t1", "p4"))).isEqualTo("d2");
    assertThat(plenary.board.draftsMade()).isEqualTo(2);
  }

  @Test
  @DisplayName("A draft needs a title, a text and at least one source naming either a proposal or a cluster of a table, each once")
  void promoteChecks() {
    Source p1 = proposal("t1", "p1");
    assertThat(promote(null, "Title", "Text")).isEqualTo(INVALID);
    assertThat(promote(List.of(), "Title", "Text")).isEqualTo(INVALID);
    assertThat(promote(Arrays.asList(p1, null), "Title", "Text")).isEqualTo(INVALID);
    assertThat(promote(List.of(p1), " ", "Text")).isEqualTo(INVALID);
    assertThat(promote(List.of(p1), "Title", null)).isEqualTo(INVALID);
    assertThat(promote(List.of(p1), "x".repeat(Limits.TITLE + 1), "Text")).isEqualTo(TOO_LARGE);
    assertThat(promote(List.of(p1), "Title", "x".repeat(Limits.PROPOSAL_TEXT + 1)))
        .isEqualTo(TOO_LARGE);
    assertThat(promote(List.of(new Source("t1", "p1", "k1", "Both", null)), "Title", "Text"))
        .as("a proposal and a cluster at once").isEqualTo(INVALID);
    assertThat(promote(List.of(new Source("t1", null, null, "Neither", null)), "Title", "Text"))
        .as("neither proposal nor cluster").isEqualTo(INVALID);
    assertThat(promote(List.of(new Source(" ", "p1", null, "No table", null)), "Title", "Text"))
        .isEqualTo(INVALID);
    assertThat(promote(List.of(new Source("t1", "p1", null, null, "Text")), "Title", "Text"))
        .as("source without its title").isEqualTo(INVALID);
    Source p1Renamed = new Source("t1", "p1", null, "Renamed later", "Other text");
    assertThat(promote(List.of(p1, p1Renamed), "Title", "Text"))
        .as("the same proposal twice").isEqualTo(INVALID);
    List<Source> many = new ArrayList<>();
    for (int i = 0; i <= Limits.VOTE_ITEMS; i++) {
      many.add(proposal("t1", "p" + i));
    }
    assertThat(promote(many, "Title", "Text")).isEqualTo(TOO_LARGE);
    assertThat(plenary.board).isEqualTo(SessionBoard.empty("day-1"));
    plenary.accept(new PromoteDraft(List.of(p1, proposal("t2", "p1")), "Title", "Text"), LEA);
    Source bigCluster = new Source("t3", null, "k1", "Green", "A title\n".repeat(300));
    plenary.accept(new PromoteDraft(List.of(bigCluster), "Green", "Text"), LEA);
    assertThat(plenary.draft("d2").sources().get(0).text()).hasSize(8 * 300 - 1);
  }

  @Test
  @DisplayName("Editing a draft raises its version; an edit made to an older version is refused")
  void edit() {
    String d1 = plenary.promote("Trees", proposal("t1", "p1"));
    assertThat(plenary.accept(new EditDraft(d1, 1, " More trees ", null), LEA))
        .containsExactly(new DraftEdited(d1, 2, "More trees", "Text of Trees"));
    plenary.accept(new EditDraft(d1, 2, null, "Plant 1,000 trees by 2030."), LEA);
    assertThat(plenary.draft(d1).title()).isEqualTo("More trees");
    assertThat(plenary.draft(d1).text()).isEqualTo("Plant 1,000 trees by 2030.");
    assertThat(plenary.draft(d1).version()).isEqualTo(3);
    assertThat(plenary.reason(new EditDraft(d1, 2, "Stale", null), LEA)).isEqualTo(CONFLICT);
    assertThat(plenary.reason(new EditDraft(d1, 3, null, null), LEA)).isEqualTo(INVALID);
    assertThat(plenary.reason(new EditDraft(null, 3, "T", null), LEA)).isEqualTo(INVALID);
    assertThat(plenary.reason(new EditDraft(d1, 3, "", null), LEA)).isEqualTo(INVALID);
    assertThat(plenary.reason(new EditDraft(d1, 3, null, "x".repeat(2001)), LEA))
        .isEqualTo(TOO_LARGE);
    assertThat(plenary.reason(new EditDraft("d9", 1, "T", null), LEA)).isEqualTo(NOT_FOUND);
    plenary.accept(new WithdrawDraft(d1, "Covered by the city's plan"), LEA);
    assertThat(plenary.reason(new EditDraft(d1, 3, "T", null), LEA)).isEqualTo(CONFLICT);
  }

  @Test
  @DisplayName("Merging keeps the provenance: the remaining draft gains the merged draft's sources, and the merged one points to it")
  void mergeKeepsProvenance() {
    String d1 = plenary.promote("Bikes", proposal("t1", "p1"), cluster("t2", "k2"));
    Source sameProposalLater = new Source("t1", "p1", null, "Bikes (edited at the table)", "X");
    String d2 = plenary.promote("Cycling", sameProposalLater, proposal("t3", "p3"));
    List<SessionEvent> events =
        plenary.accept(new MergeDrafts(d2, d1, "Cycling city", null), LEA);
    List<Source> all = List.of(proposal("t1", "p1"), cluster("t2", "k2"), proposal("t3", "p3"));
    assertThat(events).containsExactly(
        new DraftsMerged(d2, d1, "Cycling city", "Text of Bikes", all));
    Draft into = plenary.draft(d1);
    assertThat(into.sources()).isEqualTo(all);
    assertThat(into.version()).isEqualTo(2);
    assertThat(into.status()).isEqualTo(DraftStatus.OPEN);
    Draft from = plenary.draft(d2);
    assertThat(from.status()).isEqualTo(DraftStatus.MERGED);
    assertThat(from.mergedInto()).isEqualTo(d1);
    assertThat(from.sources()).containsExactly(sameProposalLater, proposal("t3", "p3"));
    assertThat(from.title()).isEqualTo("Cycling");
  }

  @Test
  @DisplayName("Drafts merged in a chain keep pointing at the draft they went into, and the last one holds every source")
  void mergeChain() {
    String d1 = plenary.promote("A", proposal("t1", "p1"));
    String d2 = plenary.promote("B", proposal("t2", "p1"));
    String d3 = plenary.promote("C", proposal("t3", "p1"));
    plenary.accept(new MergeDrafts(d3, d2, null, "B and C"), LEA);
    plenary.accept(new MergeDrafts(d2, d1, null, null), LEA);
    assertThat(plenary.draft(d3).mergedInto()).isEqualTo(d2);
    assertThat(plenary.draft(d2).mergedInto()).isEqualTo(d1);
    assertThat(plenary.draft(d1).sources()).containsExactly(
        proposal("t1", "p1"), proposal("t2", "p1"), proposal("t3", "p1"));
    assertThat(plenary.draft(d1).text()).isEqualTo("Text of A");
  }

  @Test
  @DisplayName("Only two different open drafts can be merged")
  void mergeChecks() {
    String d1 = plenary.promote("A", proposal("t1", "p1"));
    String d2 = plenary.promote("B", proposal("t1", "p2"));
    String d3 = plenary.promote("C", proposal("t1", "p3"));
    assertThat(plenary.reason(new MergeDrafts(d1, d1, null, null), LEA)).isEqualTo(INVALID);
    assertThat(plenary.reason(new MergeDrafts(null, d1, null, null), LEA)).isEqualTo(INVALID);
    assertThat(plenary.reason(new MergeDrafts(d1, null, null, null), LEA)).isEqualTo(INVALID);
    assertThat(plenary.reason(new MergeDrafts(d1, "d9", null, null), LEA)).isEqualTo(NOT_FOUND);
    assertThat(plenary.reason(new MergeDrafts("d9", d1, null, null), LEA)).isEqualTo(NOT_FOUND);
    assertThat(plenary.reason(new MergeDrafts(d1, d2, " ", null), LEA)).isEqualTo(INVALID);
    assertThat(plenary.reason(new MergeDrafts(d1, d2, "x".repeat(121), null), LEA))
        .isEqualTo(TOO_LARGE);
    plenary.accept(new MergeDrafts(d2, d1, null, null), LEA);
    assertThat(plenary.reason(new MergeDrafts(d2, d3, null, null), LEA)).isEqualTo(CONFLICT);
    assertThat(plenary.reason(new MergeDrafts(d3, d2, null, null), LEA)).isEqualTo(CONFLICT);
    plenary.accept(new WithdrawDraft(d3, "Out of scope"), LEA);
    assertThat(plenary.reason(new MergeDrafts(d3, d1, null, null), LEA)).isEqualTo(CONFLICT);
    assertThat(plenary.reason(new MergeDrafts(d1, d3, null, null), LEA)).isEqualTo(CONFLICT);
  }

  @Test
  @DisplayName("A withdrawn draft stays listed with its reason, and cannot be withdrawn again")
  void withdraw() {
    String d1 = plenary.promote("Night buses", proposal("t1", "p1"));
    assertThat(plenary.reason(new WithdrawDraft(d1, " "), LEA)).isEqualTo(INVALID);
    assertThat(plenary.reason(new WithdrawDraft(d1, null), LEA)).isEqualTo(INVALID);
    assertThat(plenary.reason(new WithdrawDraft(d1, "x".repeat(Limits.REASON + 1)), LEA))
        .isEqualTo(TOO_LARGE);
    assertThat(plenary.reason(new WithdrawDraft(null, "Why"), LEA)).isEqualTo(INVALID);
    assertThat(plenary.reason(new WithdrawDraft("d7", "Why"), LEA)).isEqualTo(NOT_FOUND);
    assertThat(plenary.accept(new WithdrawDraft(d1, " Already decided by the Council "), LEA))
        .containsExactly(new DraftWithdrawn(d1, "Already decided by the Council"));
    Draft draft = plenary.draft(d1);
    assertThat(draft.status()).isEqualTo(DraftStatus.WITHDRAWN);
    assertThat(draft.withdrawnReason()).isEqualTo("Already decided by the Council");
    assertThat(plenary.reason(new WithdrawDraft(d1, "Again"), LEA)).isEqualTo(CONFLICT);
  }

  @Test
  @DisplayName("While members vote on a draft it cannot be edited, merged or withdrawn")
  void frozenWhileVoting() {
    String d1 = plenary.promote("A", proposal("t1", "p1"));
    String d2 = plenary.promote("B", proposal("t1", "p2"));
    plenary.openVote(0.5, 3, d1);
    assertThat(plenary.reason(new EditDraft(d1, 1, "New", null), LEA)).isEqualTo(CONFLICT);
    assertThat(plenary.reason(new MergeDrafts(d1, d2, null, null), LEA)).isEqualTo(CONFLICT);
    assertThat(plenary.reason(new MergeDrafts(d2, d1, null, null), LEA)).isEqualTo(CONFLICT);
    assertThat(plenary.reason(new WithdrawDraft(d1, "Why"), LEA)).isEqualTo(CONFLICT);
    plenary.accept(new EditDraft(d2, 1, "Not on the ballot", null), LEA);
  }

  private Rejection.Reason promote(List<Source> sources, String title, String text) {
    return plenary.reason(new PromoteDraft(sources, title, text), LEA);
  }

  @Test
  @DisplayName("After the vote a draft that was not adopted may be revised; an adopted one stays as voted")
  void afterTheVote() {
    String d1 = plenary.promote("A", proposal("t1", "p1"));
    String d2 = plenary.promote("B", proposal("t1", "p2"));
    String f1 = plenary.openVote(0.75, 2, d1, d2);
    plenary.vote(ANNA, f1, Map.of(d1, Choice.SUPPORT, d2, Choice.OPPOSE));
    plenary.vote(BO, f1, Map.of(d1, Choice.SUPPORT, d2, Choice.SUPPORT));
    plenary.close(f1);
    assertThat(plenary.reason(new EditDraft(d1, 1, "New", null), LEA)).isEqualTo(CONFLICT);
    assertThat(plenary.reason(new WithdrawDraft(d1, "Why"), LEA)).isEqualTo(CONFLICT);
    assertThat(plenary.reason(new MergeDrafts(d2, d1, null, null), LEA)).isEqualTo(CONFLICT);
    plenary.accept(new EditDraft(d2, 1, "B, revised", null), LEA);
  }
}
