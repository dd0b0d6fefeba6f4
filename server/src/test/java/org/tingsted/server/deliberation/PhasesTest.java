package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.deliberation.PhaseKind.CLUSTER;
import static org.tingsted.server.deliberation.PhaseKind.DISCUSS;
import static org.tingsted.server.deliberation.PhaseKind.PROPOSE;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.TableCommand.AddComment;
import org.tingsted.server.deliberation.TableCommand.CastBallot;
import org.tingsted.server.deliberation.TableCommand.CloseVote;
import org.tingsted.server.deliberation.TableCommand.CreateCluster;
import org.tingsted.server.deliberation.TableCommand.DissolveCluster;
import org.tingsted.server.deliberation.TableCommand.EditProposal;
import org.tingsted.server.deliberation.TableCommand.HideItem;
import org.tingsted.server.deliberation.TableCommand.MergeClusters;
import org.tingsted.server.deliberation.TableCommand.MoveToCluster;
import org.tingsted.server.deliberation.TableCommand.OpenVote;
import org.tingsted.server.deliberation.TableCommand.Propose;
import org.tingsted.server.deliberation.TableCommand.RenameCluster;
import org.tingsted.server.deliberation.TableCommand.RestoreItem;
import org.tingsted.server.deliberation.TableCommand.WithdrawProposal;

@DisplayName("What each phase of the day opens to members")
class PhasesTest {
  private static final Set<PhaseKind> ALL = EnumSet.allOf(PhaseKind.class);

  @Test
  @DisplayName("Each table action is open to members in exactly its phases, and refused in every other as closed")
  void matrix() {
    Map<TableCommand, Set<PhaseKind>> open = new LinkedHashMap<>();
    open.put(new Propose("T", "X"), EnumSet.of(PROPOSE));
    open.put(new EditProposal("p1", 1, "T", null), EnumSet.of(PROPOSE, DISCUSS));
    open.put(new WithdrawProposal("p1"), EnumSet.of(PROPOSE, DISCUSS));
    open.put(new AddComment("p1", CommentKind.SUPPORT, "Yes", null),
        EnumSet.of(PROPOSE, DISCUSS, CLUSTER));
    open.put(new CreateCluster("Green", List.of()), EnumSet.of(CLUSTER));
    open.put(new RenameCluster("k1", "Green"), EnumSet.of(CLUSTER));
    open.put(new MoveToCluster("p1", "k1"), EnumSet.of(CLUSTER));
    open.put(new MergeClusters("k1", "k2"), EnumSet.of(CLUSTER));
    open.put(new DissolveCluster("k1"), EnumSet.of(CLUSTER));
    open.put(new CastBallot("v1", null), ALL);
    open.put(new OpenVote(VoteMethod.DOTS, List.of("p1"), 3, 1), ALL);
    open.put(new CloseVote("v1"), ALL);
    open.put(new HideItem("p1", "Why"), ALL);
    open.put(new RestoreItem("p1", "Why"), ALL);

    for (Map.Entry<TableCommand, Set<PhaseKind>> row : open.entrySet()) {
      for (PhaseKind phase : PhaseKind.values()) {
        for (Role role : Role.values()) {
          Rejection rejection = Phases.check(phase, row.getKey(), role);
          String what = row.getKey().getClass().getSimpleName() + " by " + role + " in " + phase;
          if (role.facilitates() || row.getValue().contains(phase)) {
            assertThat(rejection).as(what).isNull();
          } else {
            assertThat(rejection).as(what).isNotNull();
            assertThat(rejection.reason()).as(what).isEqualTo(Rejection.Reason.PHASE_CLOSED);
          }
        }
        assertThat(Phases.check(null, row.getKey(), Role.MEMBER))
            .as("before the agenda starts").isNull();
      }
    }
  }

  @Test
  @DisplayName("A refusal says in plain words when the action is open and which phase it is now")
  void clearWords() {
    assertThat(Phases.check(CLUSTER, new Propose("T", "X"), Role.MEMBER).message())
        .isEqualTo("proposing is open in the propose phase; now is the cluster phase");
    assertThat(Phases.check(CLUSTER, new EditProposal("p1", 1, "T", null), Role.MEMBER).message())
        .isEqualTo("editing a proposal is open in the propose and discuss phases;"
            + " now is the cluster phase");
    assertThat(Phases.check(PhaseKind.BREAK,
        new AddComment("p1", CommentKind.SUPPORT, "Yes", null), Role.MEMBER).message())
        .isEqualTo("commenting is open in the propose, discuss and cluster phases;"
            + " now is the break phase");
    assertThat(Phases.check(PROPOSE, new CreateCluster("Green", null), Role.MEMBER).message())
        .isEqualTo("clustering is open in the cluster phase; now is the propose phase");
  }

  @Test
  @DisplayName("A missing command or role is left to the table's own rules")
  void missingParts() {
    assertThat(Phases.check(CLUSTER, null, Role.MEMBER)).isNull();
    assertThat(Phases.check(CLUSTER, new Propose("T", "X"), null)).isNull();
  }
}
