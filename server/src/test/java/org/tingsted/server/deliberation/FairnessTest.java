package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;
import static org.tingsted.server.deliberation.BoardFixture.ANNA;
import static org.tingsted.server.deliberation.BoardFixture.BO;
import static org.tingsted.server.deliberation.BoardFixture.CARL;
import static org.tingsted.server.deliberation.BoardFixture.FRIDA;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("How evenly a table has been heard")
class FairnessTest {
  private static final List<String> SEATED = List.of("anna", "bo", "carl");

  private final BoardFixture table = new BoardFixture();

  @Test
  @DisplayName("Anna spoke 2 minutes, Bo 1 and Carl not at all: Anna has two thirds, Bo one third, Carl none")
  void shares() {
    table.turn(ANNA, 1_000, 121_000);
    table.turn(BO, 200_000, 260_000);
    Fairness fairness = Fairness.of(table.board, SEATED);
    assertThat(fairness.totalMillis()).isEqualTo(180_000);
    assertThat(fairness.shares()).containsExactly(
        entry("anna", 2 / 3.0), entry("bo", 1 / 3.0), entry("carl", 0.0));
    assertThat(fairness.mostHeard()).isEqualTo("anna");
    assertThat(fairness.mostHeardShare()).isCloseTo(0.6667, within(0.0001));
    assertThat(fairness.leastHeard()).isEqualTo("carl");
    assertThat(fairness.leastHeardShare()).isEqualTo(0.0);
  }

  @Test
  @DisplayName("Before anyone has spoken every share is 0 and nobody is named most or least heard")
  void nobodySpokeYet() {
    assertThat(Fairness.of(table.board, SEATED)).isEqualTo(new Fairness(0, null, 0.0, null, 0.0,
        Map.of("anna", 0.0, "bo", 0.0, "carl", 0.0)));
    assertThat(Fairness.of(table.board, List.of()).shares()).isEmpty();
  }

  @Test
  @DisplayName("Of those with equal shares the first seated is named")
  void tiesGoToTheFirstSeated() {
    table.turn(CARL, 1_000, 31_000);
    table.turn(ANNA, 40_000, 70_000);
    table.turn(BO, 80_000, 110_000);
    Fairness fairness = Fairness.of(table.board, SEATED);
    assertThat(fairness.mostHeard()).isEqualTo("anna");
    assertThat(fairness.leastHeard()).isEqualTo("anna");
    assertThat(fairness.mostHeardShare()).isCloseTo(1 / 3.0, within(1e-12));
  }

  @Test
  @DisplayName("Only those seated count: the facilitator's own turns stay out of the total")
  void onlyTheSeatedCount() {
    table.turn(FRIDA, 1_000, 301_000);
    table.turn(ANNA, 400_000, 420_000);
    Fairness fairness = Fairness.of(table.board, List.of("anna", "bo"));
    assertThat(fairness.totalMillis()).isEqualTo(20_000);
    assertThat(fairness.shares()).containsExactly(entry("anna", 1.0), entry("bo", 0.0));
  }

  @Test
  @DisplayName("The turn in progress counts once it ends")
  void currentTurnCountsWhenItEnds() {
    table.turn(ANNA, 1_000, 31_000);
    table.floorTo(BO, 40_000);
    assertThat(Fairness.of(table.board, SEATED).shares()).containsEntry("bo", 0.0);
    table.accept(new TableCommand.EndTurn(130_000), BO);
    Fairness fairness = Fairness.of(table.board, SEATED);
    assertThat(fairness.mostHeard()).isEqualTo("bo");
    assertThat(fairness.mostHeardShare()).isEqualTo(0.75);
  }
}
