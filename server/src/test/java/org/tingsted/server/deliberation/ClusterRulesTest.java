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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.TableCommand.CloseVote;
import org.tingsted.server.deliberation.TableCommand.CreateCluster;
import org.tingsted.server.deliberation.TableCommand.DissolveCluster;
import org.tingsted.server.deliberation.TableCommand.HideItem;
import org.tingsted.server.deliberation.TableCommand.MergeClusters;
import org.tingsted.server.deliberation.TableCommand.MoveToCluster;
import org.tingsted.server.deliberation.TableCommand.RenameCluster;
import org.tingsted.server.deliberation.TableCommand.WithdrawProposal;
import org.tingsted.server.deliberation.TableEvent.ClusterCreated;
import org.tingsted.server.deliberation.TableEvent.ProposalMoved;

@DisplayName("Clusters")
class ClusterRulesTest {
  private final BoardFixture table = new BoardFixture();

  private void assertMembershipAgrees() {
    for (Proposal proposal : table.board.proposals().values()) {
      if (proposal.cluster() != null) {
        assertThat(table.clusterNamed(proposal.cluster()).proposals()).contains(proposal.id());
      }
    }
    for (Cluster cluster : table.board.clusters().values()) {
      for (String id : cluster.proposals()) {
        assertThat(table.proposal(id).cluster()).isEqualTo(cluster.id());
      }
    }
  }

  @Test
  @DisplayName("Creating a cluster takes its proposals out of the clusters they were in")
  void create() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String p2 = table.propose(BO, "Buses");
    String k1 = table.cluster("Transport", p1, p2);
    List<TableEvent> events = table.accept(new CreateCluster(" Bikes ", List.of(p1)), BO);
    assertThat(events).containsExactly(new ClusterCreated("k2", "Bikes", List.of(p1)));
    assertThat(table.clusterNamed(k1).proposals()).containsExactly(p2);
    assertThat(table.clusterNamed("k2").proposals()).containsExactly(p1);
    assertThat(table.proposal(p1).cluster()).isEqualTo("k2");
    assertMembershipAgrees();
  }

  @Test
  @DisplayName("An empty cluster may be created and renamed")
  void emptyAndRename() {
    String k1 = table.cluster("Misc");
    table.accept(new RenameCluster(k1, "Everything else"), BO);
    assertThat(table.clusterNamed(k1)).isEqualTo(new Cluster(k1, "Everything else", List.of()));
    assertThat(table.reject(new RenameCluster(k1, repeat(Limits.CLUSTER_NAME + 1)), BO)
        .reason()).isEqualTo(TOO_LARGE);
    assertThat(table.reject(new RenameCluster("k9", "x"), BO).reason()).isEqualTo(NOT_FOUND);
    assertThat(table.reject(new CreateCluster("", List.of()), BO).reason()).isEqualTo(INVALID);
  }

  @Test
  @DisplayName("A cluster cannot list a proposal twice or one that does not exist")
  void createChecks() {
    String p1 = table.propose(ANNA, "Bike lanes");
    assertThat(table.reject(new CreateCluster("T", List.of(p1, p1)), BO).reason())
        .isEqualTo(INVALID);
    assertThat(table.reject(new CreateCluster("T", List.of("p5")), BO).reason())
        .isEqualTo(NOT_FOUND);
    assertThat(table.reject(new CreateCluster("T", null), BO).reason()).isEqualTo(INVALID);
    assertThat(table.reject(new CreateCluster("T", Arrays.asList((String) null)), BO).reason())
        .isEqualTo(INVALID);
  }

  @Test
  @DisplayName("Moving a proposal updates both clusters, and moving it to no cluster takes it out")
  void move() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String k1 = table.cluster("Transport", p1);
    String k2 = table.cluster("Streets");
    assertThat(table.accept(new MoveToCluster(p1, k2), BO))
        .containsExactly(new ProposalMoved(p1, k1, k2));
    assertThat(table.clusterNamed(k1).proposals()).isEmpty();
    assertThat(table.clusterNamed(k2).proposals()).containsExactly(p1);
    assertMembershipAgrees();
    table.accept(new MoveToCluster(p1, null), BO);
    assertThat(table.proposal(p1).cluster()).isNull();
    assertThat(table.clusterNamed(k2).proposals()).isEmpty();
  }

  @Test
  @DisplayName("Moving a proposal to the cluster it is already in is invalid")
  void moveToSame() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String k1 = table.cluster("Transport", p1);
    assertThat(table.reject(new MoveToCluster(p1, k1), BO).reason()).isEqualTo(INVALID);
    table.accept(new MoveToCluster(p1, null), BO);
    assertThat(table.reject(new MoveToCluster(p1, null), BO).reason()).isEqualTo(INVALID);
    assertThat(table.reject(new MoveToCluster(p1, "k8"), BO).reason()).isEqualTo(NOT_FOUND);
  }

  @Test
  @DisplayName("A hidden proposal cannot be clustered or moved; a withdrawn one can")
  void hiddenNotMovable() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String p2 = table.propose(ANNA, "Trees");
    String k1 = table.cluster("Transport");
    table.accept(new HideItem(p1, "Spam"), FRIDA);
    assertThat(table.reject(new MoveToCluster(p1, k1), BO).reason()).isEqualTo(CONFLICT);
    table.accept(new WithdrawProposal(p2), ANNA);
    table.accept(new MoveToCluster(p2, k1), BO);
  }

  @Test
  @DisplayName("Merging moves all proposals of one cluster into the other, which keeps its name")
  void merge() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String p2 = table.propose(BO, "Buses");
    String p3 = table.propose(BO, "Trains");
    String k1 = table.cluster("Bikes", p1);
    String k2 = table.cluster("Public transport", p2, p3);
    table.accept(new MergeClusters(k2, k1), CARL);
    assertThat(table.board.clusters()).containsOnlyKeys(k1);
    assertThat(table.clusterNamed(k1)).isEqualTo(new Cluster(k1, "Bikes", List.of(p1, p2, p3)));
    assertMembershipAgrees();
    assertThat(table.cluster("New")).isEqualTo("k3");
  }

  @Test
  @DisplayName("A cluster cannot be merged into itself")
  void mergeIntoItself() {
    String k1 = table.cluster("Bikes");
    assertThat(table.reject(new MergeClusters(k1, k1), BO).reason()).isEqualTo(INVALID);
    assertThat(table.reject(new MergeClusters(k1, "k4"), BO).reason()).isEqualTo(NOT_FOUND);
  }

  @Test
  @DisplayName("Dissolving a cluster leaves its proposals unclustered")
  void dissolve() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String p2 = table.propose(BO, "Buses");
    String k1 = table.cluster("Transport", p1, p2);
    table.accept(new DissolveCluster(k1), BO);
    assertThat(table.board.clusters()).isEmpty();
    assertThat(table.proposal(p1).cluster()).isNull();
    assertThat(table.proposal(p2).cluster()).isNull();
    assertThat(table.reject(new DissolveCluster(k1), BO).reason()).isEqualTo(NOT_FOUND);
  }

  @Test
  @DisplayName("A cluster on the ballot of an open vote cannot be merged away or dissolved")
  void clusterOnOpenVote() {
    String p1 = table.propose(ANNA, "Bike lanes");
    String k1 = table.cluster("Transport", p1);
    String k2 = table.cluster("Streets");
    String v1 = table.openVote(VoteMethod.SCALE, 0, 0, k1);
    assertThat(table.reject(new DissolveCluster(k1), BO).reason()).isEqualTo(CONFLICT);
    assertThat(table.reject(new MergeClusters(k1, k2), BO).reason()).isEqualTo(CONFLICT);
    table.accept(new MergeClusters(k2, k1), BO);
    table.accept(new CloseVote(v1), FRIDA);
    table.accept(new DissolveCluster(k1), BO);
  }
}
