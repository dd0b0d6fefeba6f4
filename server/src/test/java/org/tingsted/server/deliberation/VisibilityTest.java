package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.deliberation.BoardFixture.ANNA;
import static org.tingsted.server.deliberation.BoardFixture.BO;
import static org.tingsted.server.deliberation.BoardFixture.CARL;
import static org.tingsted.server.deliberation.BoardFixture.FRIDA;
import static org.tingsted.server.deliberation.BoardFixture.LEA;
import static org.tingsted.server.deliberation.BoardFixture.OLE;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.TableCommand.AddComment;
import org.tingsted.server.deliberation.TableCommand.CastBallot;
import org.tingsted.server.deliberation.TableCommand.CloseVote;
import org.tingsted.server.deliberation.TableCommand.EditProposal;
import org.tingsted.server.deliberation.TableCommand.GiveFloor;
import org.tingsted.server.deliberation.TableCommand.HideItem;
import org.tingsted.server.deliberation.TableCommand.PublishResult;
import org.tingsted.server.deliberation.TableCommand.RaiseHand;
import org.tingsted.server.deliberation.TableEvent.BallotCast;
import org.tingsted.server.deliberation.TableEvent.Commented;
import org.tingsted.server.deliberation.TableEvent.ProposalEdited;
import org.tingsted.server.deliberation.TableEvent.ResultPublished;
import org.tingsted.server.deliberation.TableEvent.VoteClosed;

class VisibilityTest {
  private final BoardFixture table = new BoardFixture();

  @Test
  @DisplayName("Members and observers do not see hidden proposals, their comments, hidden comments or replies to them")
  void hiddenContent() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String p2 = table.propose(BO, "Rude words");
    String c1 = table.comment(BO, p1, null);
    String c2 = table.comment(ANNA, p1, c1);
    String c3 = table.comment(ANNA, p2, null);
    String c4 = table.comment(ANNA, p1, null);
    String k1 = table.cluster("All", p1, p2);
    table.accept(new HideItem(p2, "Insulting"), FRIDA);
    table.accept(new HideItem(c1, "Insulting"), FRIDA);
    for (Actor viewer : List.of(ANNA, OLE)) {
      Board seen = Visibility.boardFor(table.board, viewer);
      assertThat(seen.proposals()).containsOnlyKeys(p1);
      assertThat(seen.comments()).containsOnlyKeys(c4);
      assertThat(seen.clusters().get(k1).proposals()).containsExactly(p1);
    }
    Board facilitator = Visibility.boardFor(table.board, FRIDA);
    assertThat(facilitator.proposals()).containsOnlyKeys(p1, p2);
    assertThat(facilitator.comments()).containsOnlyKeys(c1, c2, c3, c4);
    assertThat(facilitator.clusters()).isEqualTo(table.board.clusters());
  }

  @Test
  @DisplayName("Until a vote's result is published each member sees only their own ballot, and everyone sees how many voted")
  void openBallotsAreSecret() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String v1 = table.openVote(VoteMethod.SCALE, 0, 0, p1);
    table.accept(new CastBallot(v1, Ballot.ofScale(Map.of(p1, 5))), ANNA);
    table.accept(new CastBallot(v1, Ballot.ofScale(Map.of(p1, 1))), BO);
    Vote forAnna = Visibility.boardFor(table.board, ANNA).votes().get(v1);
    assertThat(forAnna.ballots()).containsOnlyKeys("anna");
    assertThat(forAnna.ballotCount()).isEqualTo(2);
    Vote forFrida = Visibility.boardFor(table.board, FRIDA).votes().get(v1);
    assertThat(forFrida.ballots()).isEmpty();
    assertThat(forFrida.ballotCount()).isEqualTo(2);
    table.accept(new CloseVote(v1), FRIDA);
    assertThat(Visibility.boardFor(table.board, ANNA).votes().get(v1).ballots())
        .containsOnlyKeys("anna");
    assertThat(Visibility.boardFor(table.board, FRIDA).votes().get(v1).ballots())
        .containsOnlyKeys("anna", "bo");
    table.accept(new PublishResult(v1), FRIDA);
    assertThat(Visibility.boardFor(table.board, ANNA).votes().get(v1).ballots())
        .containsOnlyKeys("anna", "bo");
  }

  @Test
  @DisplayName("Others learn that someone voted, but not who or how")
  void ballotEvents() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String v1 = table.openVote(VoteMethod.SCALE, 0, 0, p1);
    Board before = table.board;
    TableEvent cast = table.accept(new CastBallot(v1, Ballot.ofScale(Map.of(p1, 5))), ANNA).get(0);
    assertThat(Visibility.eventFor(before, cast, ANNA)).isEqualTo(cast);
    assertThat(Visibility.eventFor(before, cast, BO)).isEqualTo(new BallotCast(v1, null, null, 1));
    assertThat(Visibility.eventFor(before, cast, FRIDA)).isEqualTo(new BallotCast(v1, null, null, 1));
  }

  @Test
  @DisplayName("Members are not sent edits of or comments on a hidden proposal, nor replies to a hidden comment")
  void hiddenEvents() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String c1 = table.comment(BO, p1, null);
    table.accept(new HideItem(c1, "Off topic"), FRIDA);
    // Decide refuses replies to hidden comments; the stream may still meet one in old history.
    Commented reply = new Commented("c2", p1, "anna", CommentKind.OTHER, "x", c1);
    assertThat(Visibility.eventFor(table.board, reply, BO)).isNull();
    assertThat(Visibility.eventFor(table.board, reply, FRIDA)).isEqualTo(reply);

    String p2 = table.propose(ANNA, "Trees");
    table.accept(new HideItem(p2, "Spam"), FRIDA);
    ProposalEdited edit = new ProposalEdited(p2, 2, "Trees", "More");
    Commented comment = new Commented("c3", p2, "bo", CommentKind.OTHER, "x", null);
    assertThat(Visibility.eventFor(table.board, edit, OLE)).isNull();
    assertThat(Visibility.eventFor(table.board, comment, BO)).isNull();
    assertThat(Visibility.eventFor(table.board, edit, FRIDA)).isEqualTo(edit);

    TableEvent visible = table.accept(new AddComment(p1, CommentKind.QUESTION, "Why?", null), BO)
        .get(0);
    assertThat(Visibility.eventFor(table.board, visible, OLE)).isEqualTo(visible);
    assertThat(Visibility.eventFor(table.board,
        table.accept(new EditProposal(p1, 1, "Lanes", null), ANNA).get(0), BO)).isNotNull();
  }

  @Test
  @DisplayName("Members and observers see a closed vote's result once a facilitator publishes it; facilitators see it on close")
  void resultsWaitForPublishing() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String v1 = table.openVote(VoteMethod.SCALE, 0, 0, p1);
    table.accept(new CastBallot(v1, Ballot.ofScale(Map.of(p1, 4))), ANNA);
    Board open = table.board;
    TableEvent closed = table.accept(new CloseVote(v1), FRIDA).get(0);
    VoteResult result = table.board.votes().get(v1).result();
    for (Actor viewer : List.of(ANNA, BO, OLE)) {
      Vote seen = Visibility.boardFor(table.board, viewer).votes().get(v1);
      assertThat(seen.status()).isEqualTo(VoteStatus.CLOSED);
      assertThat(seen.result()).as("%s sees the result", viewer).isNull();
      assertThat(seen.ballotCount()).isEqualTo(1);
      assertThat(Visibility.eventFor(open, closed, viewer)).isEqualTo(new VoteClosed(v1, null));
    }
    for (Actor viewer : List.of(FRIDA, LEA)) {
      assertThat(Visibility.boardFor(table.board, viewer).votes().get(v1).result())
          .isEqualTo(result);
      assertThat(Visibility.eventFor(open, closed, viewer)).isEqualTo(closed);
    }
    Board before = table.board;
    TableEvent published = table.accept(new PublishResult(v1), LEA).get(0);
    for (Actor viewer : List.of(ANNA, BO, FRIDA, LEA, OLE)) {
      assertThat(Visibility.eventFor(before, published, viewer))
          .isEqualTo(new ResultPublished(v1, result));
      assertThat(Visibility.boardFor(table.board, viewer).votes().get(v1))
          .isEqualTo(table.board.votes().get(v1));
    }
  }

  @Test
  @DisplayName("Everyone sees the speaking queue, who has the floor and how long each has spoken")
  void speakingIsPublic() {
    table.turn(ANNA, 1_000, 61_000);
    table.accept(new RaiseHand(), BO);
    table.accept(new RaiseHand(), CARL);
    table.accept(new GiveFloor(null, 70_000), FRIDA);
    for (Actor viewer : List.of(ANNA, BO, FRIDA, OLE)) {
      Board seen = Visibility.boardFor(table.board, viewer);
      assertThat(seen.hands()).containsExactly("carl");
      assertThat(seen.floor()).isEqualTo(new Speaker("bo", 70_000));
      assertThat(seen.spokenMillis()).containsExactly(Map.entry("anna", 60_000L));
    }
    Board board = Board.empty("table-1");
    for (TableEvent event : table.history) {
      for (Actor viewer : List.of(ANNA, OLE)) {
        assertThat(Visibility.eventFor(board, event, viewer)).isEqualTo(event);
      }
      board = Table.evolve(board, event);
    }
  }
}
