package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tingsted.server.deliberation.BoardFixture.ANNA;
import static org.tingsted.server.deliberation.BoardFixture.BO;
import static org.tingsted.server.deliberation.BoardFixture.CARL;
import static org.tingsted.server.deliberation.BoardFixture.FRIDA;
import static org.tingsted.server.deliberation.BoardFixture.LEA;
import static org.tingsted.server.deliberation.BoardFixture.OLE;
import static org.tingsted.server.deliberation.Rejection.Reason.CONFLICT;
import static org.tingsted.server.deliberation.Rejection.Reason.FORBIDDEN;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.TableCommand.EndTurn;
import org.tingsted.server.deliberation.TableCommand.FavourLeastHeard;
import org.tingsted.server.deliberation.TableCommand.GiveFloor;
import org.tingsted.server.deliberation.TableCommand.LowerHand;
import org.tingsted.server.deliberation.TableCommand.RaiseHand;
import org.tingsted.server.deliberation.TableCommand.ReorderQueue;
import org.tingsted.server.deliberation.TableEvent.FloorGiven;
import org.tingsted.server.deliberation.TableEvent.HandLowered;
import org.tingsted.server.deliberation.TableEvent.HandRaised;
import org.tingsted.server.deliberation.TableEvent.QueueReordered;
import org.tingsted.server.deliberation.TableEvent.TurnEnded;

@DisplayName("The speaking queue")
class SpeakingRulesTest {
  private static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR);
  private static final Actor SERVER = new Actor("server", Role.SERVER);
  private static final long TEN_AM = 1_767_261_600_000L;
  private static final long MINUTE = 60_000;

  private final BoardFixture table = new BoardFixture();

  @Test
  @DisplayName("Members and facilitators raise their hands and join the end of the queue")
  void raiseHands() {
    assertThat(table.accept(new RaiseHand(), ANNA)).containsExactly(new HandRaised("anna"));
    table.accept(new RaiseHand(), FRIDA);
    table.accept(new RaiseHand(), BO);
    assertThat(table.board.hands()).containsExactly("anna", "frida", "bo");
    assertThat(table.board.floor()).isNull();
  }

  @Test
  @DisplayName("Observers, administrators and the server cannot raise a hand")
  void onlyThoseTakingPartRaiseHands() {
    for (Actor actor : List.of(OLE, ADMIN, SERVER)) {
      assertThat(table.reject(new RaiseHand(), actor).reason()).as("%s", actor)
          .isEqualTo(FORBIDDEN);
    }
  }

  @Test
  @DisplayName("A hand already raised cannot be raised again, and the speaker cannot raise one")
  void noHandTwice() {
    table.accept(new RaiseHand(), ANNA);
    table.accept(new RaiseHand(), BO);
    Rejection again = table.reject(new RaiseHand(), BO);
    assertThat(again.reason()).isEqualTo(CONFLICT);
    assertThat(again.message()).contains("place 2");
    table.accept(new GiveFloor(null, TEN_AM), FRIDA);
    assertThat(table.reject(new RaiseHand(), ANNA).reason()).isEqualTo(CONFLICT);
  }

  @Test
  @DisplayName("Members lower their own hands; a facilitator may lower anyone's")
  void lowerHands() {
    for (Actor actor : List.of(ANNA, BO, CARL)) {
      table.accept(new RaiseHand(), actor);
    }
    assertThat(table.accept(new LowerHand(null), ANNA))
        .containsExactly(new HandLowered("anna", "anna"));
    assertThat(table.accept(new LowerHand("bo"), BO))
        .containsExactly(new HandLowered("bo", "bo"));
    assertThat(table.accept(new LowerHand("carl"), FRIDA))
        .containsExactly(new HandLowered("carl", "frida"));
    assertThat(table.board.hands()).isEmpty();
  }

  @Test
  @DisplayName("A member cannot lower someone else's hand, and nobody can lower a hand that is not raised")
  void lowerHandRefusals() {
    table.accept(new RaiseHand(), BO);
    assertThat(table.reject(new LowerHand("bo"), ANNA).reason()).isEqualTo(FORBIDDEN);
    assertThat(table.reject(new LowerHand(null), ANNA).reason()).isEqualTo(CONFLICT);
    assertThat(table.reject(new LowerHand("carl"), LEA).reason()).isEqualTo(CONFLICT);
    assertThat(table.reject(new LowerHand("bo"), OLE).reason()).isEqualTo(FORBIDDEN);
  }

  @Test
  @DisplayName("Giving the floor without naming anyone calls the first in the queue, who leaves it")
  void floorToTheFirst() {
    table.accept(new RaiseHand(), ANNA);
    table.accept(new RaiseHand(), BO);
    assertThat(table.accept(new GiveFloor(null, TEN_AM), FRIDA))
        .containsExactly(new FloorGiven("anna", TEN_AM));
    assertThat(table.board.floor()).isEqualTo(new Speaker("anna", TEN_AM));
    assertThat(table.board.hands()).containsExactly("bo");
  }

  @Test
  @DisplayName("A facilitator may call anyone in the queue, not only the first")
  void floorToAnyoneQueued() {
    for (Actor actor : List.of(ANNA, BO, CARL)) {
      table.accept(new RaiseHand(), actor);
    }
    table.accept(new GiveFloor("carl", TEN_AM), LEA);
    assertThat(table.board.floor()).isEqualTo(new Speaker("carl", TEN_AM));
    assertThat(table.board.hands()).containsExactly("anna", "bo");
  }

  @Test
  @DisplayName("Giving the floor while someone speaks ends their turn first")
  void floorTakenOver() {
    table.accept(new RaiseHand(), ANNA);
    table.accept(new RaiseHand(), BO);
    table.accept(new GiveFloor(null, TEN_AM), FRIDA);
    assertThat(table.accept(new GiveFloor(null, TEN_AM + 90_000), FRIDA)).containsExactly(
        new TurnEnded("anna", 90_000), new FloorGiven("bo", TEN_AM + 90_000));
    assertThat(table.board.floor()).isEqualTo(new Speaker("bo", TEN_AM + 90_000));
    assertThat(table.board.spokenMillis()).containsExactly(Map.entry("anna", 90_000L));
  }

  @Test
  @DisplayName("Only a facilitator gives the floor, and only to someone whose hand is raised")
  void giveFloorRefusals() {
    assertThat(table.reject(new GiveFloor(null, TEN_AM), FRIDA).reason()).isEqualTo(CONFLICT);
    table.accept(new RaiseHand(), ANNA);
    assertThat(table.reject(new GiveFloor(null, TEN_AM), ANNA).reason()).isEqualTo(FORBIDDEN);
    assertThat(table.reject(new GiveFloor("carl", TEN_AM), FRIDA).reason()).isEqualTo(CONFLICT);
    table.accept(new GiveFloor("anna", TEN_AM), FRIDA);
    Rejection again = table.reject(new GiveFloor("anna", TEN_AM + MINUTE), FRIDA);
    assertThat(again.reason()).isEqualTo(CONFLICT);
    assertThat(again.message()).contains("anna has the floor");
  }

  @Test
  @DisplayName("A turn lasts from the time the floor was given to the time it ended, as the server stamped them, and adds up per member")
  void turnLengths() {
    table.turn(ANNA, TEN_AM, TEN_AM + 2 * MINUTE + 30_000);
    assertThat(table.history.get(table.history.size() - 1))
        .isEqualTo(new TurnEnded("anna", 150_000));
    table.turn(BO, TEN_AM + 3 * MINUTE, TEN_AM + 3 * MINUTE + 45_000);
    table.turn(ANNA, TEN_AM + 5 * MINUTE, TEN_AM + 5 * MINUTE + 30_000);
    assertThat(table.board.spokenMillis())
        .containsExactly(Map.entry("anna", 180_000L), Map.entry("bo", 45_000L));
    assertThat(table.board.floor()).isNull();
  }

  @Test
  @DisplayName("The speaker may end their own turn, and so may a facilitator; other members may not")
  void whoEndsATurn() {
    table.floorTo(ANNA, TEN_AM);
    assertThat(table.reject(new EndTurn(TEN_AM + MINUTE), BO).reason()).isEqualTo(FORBIDDEN);
    assertThat(table.reject(new EndTurn(TEN_AM + MINUTE), OLE).reason()).isEqualTo(FORBIDDEN);
    assertThat(table.accept(new EndTurn(TEN_AM + MINUTE), ANNA))
        .containsExactly(new TurnEnded("anna", MINUTE));
    table.floorTo(BO, TEN_AM + 2 * MINUTE);
    assertThat(table.accept(new EndTurn(TEN_AM + 2 * MINUTE + 5_000), LEA))
        .containsExactly(new TurnEnded("bo", 5_000));
  }

  @Test
  @DisplayName("A turn cannot end when nobody has the floor")
  void nobodyToStop() {
    assertThat(table.reject(new EndTurn(TEN_AM), FRIDA).reason()).isEqualTo(CONFLICT);
    table.turn(ANNA, TEN_AM, TEN_AM + MINUTE);
    assertThat(table.reject(new EndTurn(TEN_AM + 2 * MINUTE), ANNA).reason())
        .isEqualTo(CONFLICT);
  }

  @Test
  @DisplayName("A turn never counts as negative, even when the server's clock has gone back")
  void clockGoesBack() {
    table.turn(ANNA, TEN_AM, TEN_AM - 5_000);
    assertThat(table.history.get(table.history.size() - 1)).isEqualTo(new TurnEnded("anna", 0));
    assertThat(table.board.spokenMillis()).containsExactly(Map.entry("anna", 0L));
  }

  @Test
  @DisplayName("Giving the floor and ending a turn are refused until the server has stamped the time on them")
  void unstamped() {
    table.accept(new RaiseHand(), ANNA);
    assertThat(table.reject(new GiveFloor(null, 0), FRIDA).reason()).isEqualTo(INVALID);
    table.accept(new GiveFloor(null, 0).at(TEN_AM), FRIDA);
    assertThat(table.reject(new EndTurn(0), FRIDA).reason()).isEqualTo(INVALID);
    assertThat(new EndTurn(0).at(TEN_AM)).isEqualTo(new EndTurn(TEN_AM));
    assertThat(new GiveFloor("bo", 0).at(TEN_AM).now()).isEqualTo(TEN_AM);
  }

  @Test
  @DisplayName("A facilitator may put the queue in a new order that names exactly those in it")
  void reorder() {
    for (Actor actor : List.of(ANNA, BO, CARL)) {
      table.accept(new RaiseHand(), actor);
    }
    assertThat(table.accept(new ReorderQueue(List.of("carl", "anna", "bo")), FRIDA))
        .containsExactly(new QueueReordered(List.of("carl", "anna", "bo")));
    assertThat(table.board.hands()).containsExactly("carl", "anna", "bo");
    table.accept(new GiveFloor(null, TEN_AM), FRIDA);
    assertThat(table.board.floor().member()).isEqualTo("carl");
  }

  @Test
  @DisplayName("A new order that leaves someone out, adds someone, names someone twice or is missing is refused as invalid")
  void reorderRefusals() {
    table.accept(new RaiseHand(), ANNA);
    table.accept(new RaiseHand(), BO);
    for (List<String> stale : List.of(List.of("bo"), List.of("bo", "anna", "carl"))) {
      assertThat(table.reject(new ReorderQueue(stale), FRIDA).reason()).as("%s", stale)
          .isEqualTo(CONFLICT);
    }
    for (List<String> wrong : List.of(List.of("bo", "anna", "bo"), List.of("bo", "bo"), Arrays.asList("bo", null))) {
      assertThat(table.reject(new ReorderQueue(wrong), FRIDA).reason()).as("%s", wrong)
          .isEqualTo(INVALID);
    }
    assertThat(table.reject(new ReorderQueue(null), FRIDA).reason()).isEqualTo(INVALID);
    assertThat(table.reject(new ReorderQueue(List.of("bo", "anna")), BO).reason())
        .isEqualTo(FORBIDDEN);
  }

  @Test
  @DisplayName("Favouring the least heard puts those who have spoken least first; those who spoke equally keep their order")
  void favourLeastHeard() {
    table.turn(ANNA, TEN_AM, TEN_AM + 2 * MINUTE);
    table.turn(BO, TEN_AM + 3 * MINUTE, TEN_AM + 3 * MINUTE + 30_000);
    table.turn(LEA, TEN_AM + 4 * MINUTE, TEN_AM + 4 * MINUTE + 30_000);
    for (Actor actor : List.of(ANNA, BO, CARL, LEA, FRIDA)) {
      table.accept(new RaiseHand(), actor);
    }
    assertThat(table.accept(new FavourLeastHeard(), FRIDA)).containsExactly(
        new QueueReordered(List.of("carl", "frida", "bo", "lea", "anna")));
    assertThat(table.board.hands()).containsExactly("carl", "frida", "bo", "lea", "anna");
    assertThat(table.reject(new FavourLeastHeard(), CARL).reason()).isEqualTo(FORBIDDEN);
  }

  @Test
  @DisplayName("A journal whose speaking events do not fit the board is reported as corrupt, not replayed")
  void corruptJournal() {
    table.accept(new RaiseHand(), ANNA);
    table.floorTo(BO, TEN_AM);
    for (TableEvent wrong : List.of(new HandRaised("anna"), new HandLowered("carl", "carl"),
        new FloorGiven("anna", TEN_AM), new TurnEnded("anna", MINUTE),
        new QueueReordered(List.of("carl")), new QueueReordered(List.of("anna", "anna")))) {
      assertThatThrownBy(() -> Table.evolve(table.board, wrong)).as("%s", wrong)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
