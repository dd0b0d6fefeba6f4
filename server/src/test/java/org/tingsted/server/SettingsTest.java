package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.cluster.ClusterSettings;
import org.tingsted.server.cluster.HazelcastSetup;

@DisplayName("How a node is told to run alone or in a cluster")
class SettingsTest {

  private static final String PG = "jdbc:postgresql://db.internal:5432/tingsted";

  private static Settings parse(Map<String, String> env, String... args) {
    return Settings.parse(args, env);
  }

  @Test
  @DisplayName("by default a node is alone: no join, loopback, quorum 1, the embedded journal")
  void aloneByDefault() {
    Settings settings = parse(Map.of());
    assertThat(settings.cluster().join()).isEqualTo(ClusterSettings.Join.NONE);
    assertThat(settings.cluster().clustered()).isFalse();
    assertThat(settings.cluster().host()).isEqualTo("127.0.0.1");
    assertThat(settings.cluster().quorum()).isEqualTo(1);
    assertThat(settings.journal().isEmbedded()).isTrue();
  }

  @Test
  @DisplayName("a member list means TCP/IP on every interface, with a majority of the list as quorum")
  void memberListMeansTcp() {
    Settings settings = parse(Map.of(), "--cluster-members", "10.0.0.11:5701, 10.0.0.12:5701,10.0.0.13",
        "--journal-url", PG);
    ClusterSettings cluster = settings.cluster();
    assertThat(cluster.join()).isEqualTo(ClusterSettings.Join.TCP);
    assertThat(cluster.members()).containsExactly("10.0.0.11:5701", "10.0.0.12:5701", "10.0.0.13");
    assertThat(cluster.quorum()).isEqualTo(2);
    assertThat(cluster.host()).isEqualTo("*");
    assertThat(cluster.failureSeconds()).isEqualTo(5);
    assertThat(cluster.busPort()).isZero();
    assertThat(parse(Map.of("TINGSTED_CLUSTER_BUS_PORT", "5801"), "--cluster-members", "a", "--journal-url", PG)
        .cluster().busPort()).isEqualTo(5801);
    assertThat(parse(Map.of(), "--cluster-members", "a", "--cluster-bus-port", "5802", "--journal-url", PG)
        .cluster().busPort()).isEqualTo(5802);
  }

  @Test
  @DisplayName("Kubernetes discovery, quorum and failure detection come from the environment too")
  void kubernetesFromTheEnvironment() {
    Settings settings = parse(Map.of("TINGSTED_CLUSTER_JOIN", "kubernetes",
        "TINGSTED_KUBERNETES_SERVICE", "tingsted-hz.kk.svc.cluster.local", "TINGSTED_CLUSTER_QUORUM", "2",
        "TINGSTED_CLUSTER_FAILURE_SECONDS", "8", "TINGSTED_JOURNAL_URL", PG));
    assertThat(settings.cluster().join()).isEqualTo(ClusterSettings.Join.KUBERNETES);
    assertThat(settings.cluster().kubernetesService()).isEqualTo("tingsted-hz.kk.svc.cluster.local");
    assertThat(settings.cluster().quorum()).isEqualTo(2);
    assertThat(settings.cluster().failureSeconds()).isEqualTo(8);
  }

  @Test
  @DisplayName("a clustered node refuses the embedded journal, and says what to give instead")
  void clusteredNodeRefusesH2() {
    assertThatThrownBy(() -> parse(Map.of(), "--cluster-members", "a,b,c"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shared PostgreSQL journal")
        .hasMessageContaining("--journal-url");
    assertThatThrownBy(() -> TingstedNode.start(Settings.forTest("h2").withCluster(
        ClusterSettings.tcp("h2", "127.0.0.1", 5701, List.of("127.0.0.1:5701")))).toCompletionStage()
        .toCompletableFuture().join())
        .hasRootCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("shared PostgreSQL journal");
  }

  @Test
  @DisplayName("a cluster setting that makes no sense is refused with a message")
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> parse(Map.of(), "--cluster-join", "gossip", "--journal-url", PG))
        .hasMessageContaining("none, tcp, multicast, kubernetes");
    assertThatThrownBy(() -> parse(Map.of(), "--cluster-join", "kubernetes", "--journal-url", PG))
        .hasMessageContaining("--kubernetes-service");
    assertThatThrownBy(() -> parse(Map.of(), "--cluster-join", "tcp", "--journal-url", PG))
        .hasMessageContaining("--cluster-members");
    assertThatThrownBy(() -> parse(Map.of(), "--cluster-members", "a", "--cluster-quorum", "most", "--journal-url", PG))
        .hasMessageContaining("cluster quorum must be a number");
    assertThatThrownBy(() -> parse(Map.of(), "--cluster-members", "a", "--cluster-bus-port", "70000", "--journal-url", PG))
        .hasMessageContaining("event bus port");
    assertThatThrownBy(() -> parse(Map.of("TINGSTED_ADMIN_TOKEN", "short"))).hasMessageContaining("admin token");
    assertThatThrownBy(() -> parse(Map.of(), "--cluster-members", "a", "--cluster-failure-seconds", "1", "--journal-url", PG))
        .hasMessageContaining("at least 2 seconds");
  }

  @Test
  @DisplayName("the settings become Hazelcast's: the join, the quorum on the live maps, the failure detection")
  void hazelcastConfiguration() {
    Config tcp = HazelcastSetup.config(ClusterSettings.tcp("c", "127.0.0.1", 5701,
        List.of("127.0.0.1:5701", "127.0.0.1:5702", "127.0.0.1:5703")), List.of());
    assertThat(tcp.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isTrue();
    assertThat(tcp.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).hasSize(3);
    assertThat(tcp.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
    assertThat(tcp.getSplitBrainProtectionConfig(HazelcastSetup.QUORUM).getMinimumClusterSize()).isEqualTo(2);
    assertThat(tcp.getMapConfig("tingsted.streams").getSplitBrainProtectionName()).isEqualTo(HazelcastSetup.QUORUM);
    assertThat(tcp.getMapConfig("tingsted.directory.assemblies").getSplitBrainProtectionName()).isNull();
    assertThat(tcp.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("5");

    Config kubernetes = HazelcastSetup.config(new ClusterSettings("k", ClusterSettings.Join.KUBERNETES, List.of(), "*",
        5701, 2, 5, "tingsted-hz.kk.svc.cluster.local", null, 0), List.of());
    assertThat(kubernetes.getNetworkConfig().getJoin().getKubernetesConfig().isEnabled()).isTrue();
    assertThat(kubernetes.getNetworkConfig().getJoin().getKubernetesConfig().getProperty("service-dns"))
        .isEqualTo("tingsted-hz.kk.svc.cluster.local");
    assertThat(kubernetes.getProperty("hazelcast.socket.bind.any")).isEqualTo("true");

    Config alone = HazelcastSetup.config(ClusterSettings.embedded("a"), List.of());
    assertThat(alone.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isFalse();
    assertThat(alone.getSplitBrainProtectionConfigs()).isEmpty();
  }

  @Test
  @DisplayName("personal data is kept 90 days after an assembly's last session day unless told otherwise; 0 keeps it; a negative number is refused")
  void personalDataRetention() {
    assertThat(parse(Map.of()).personalDataDays()).isEqualTo(90);
    assertThat(parse(Map.of("TINGSTED_PERSONAL_DATA_DAYS", "30")).personalDataDays()).isEqualTo(30);
    assertThat(parse(Map.of("TINGSTED_PERSONAL_DATA_DAYS", "30"), "--personal-data-days", "0").personalDataDays()).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(Map.of(), "--personal-data-days", "-1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("personal data days");
  }

  @Test
  @DisplayName("the key ring: the secret alone is key 0; --keys lists more, the first signs unless --signing-key says which; bad rings are refused at start")
  void keyRing() {
    byte[] stored = "the journal's key, long enough".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var alone = parse(Map.of()).keyRing(stored);
    assertThat(alone.kids()).containsExactly("0");
    assertThat(alone.signingKid()).isEqualTo("0");

    var ring = parse(Map.of("TINGSTED_KEYS", "2027a:a new secret for 2027 here", "TINGSTED_SECRET", "the old secret of 2026"))
        .keyRing(stored);
    assertThat(ring.kids()).containsExactly("2027a", "0");
    assertThat(ring.signingKid()).isEqualTo("2027a");
    var adding = parse(Map.of("TINGSTED_KEYS", "2027a:a new secret for 2027 here", "TINGSTED_SECRET", "the old secret of 2026"),
        "--signing-key", "0").keyRing(stored);
    assertThat(adding.signingKid()).isEqualTo("0");
    var keysOnly = parse(Map.of(), "--keys", "k2:a new secret for 2027 here,k1:the old secret of 2026").keyRing(stored);
    assertThat(keysOnly.kids()).as("the journal's key is not used beside --keys").containsExactly("k2", "k1");

    assertThatThrownBy(() -> parse(Map.of(), "--keys", "k2:short")).hasMessageContaining("16 bytes");
    assertThatThrownBy(() -> parse(Map.of(), "--keys", "k2:a new secret for 2027 here", "--signing-key", "k3"))
        .hasMessageContaining("signing key");
    assertThatThrownBy(() -> parse(Map.of(), "--keys", "0:a new secret for 2027 here")).hasMessageContaining("'0'");
  }
}
