package org.tingsted.server.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.spi.merge.DiscardMergePolicy;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the Hazelcast configuration and starts a clustered Vert.x on it.
 *
 * <p>Vert.x's event bus and Tingsted's shared state use the same Hazelcast member. Maps that
 * hold live table state keep their values as objects (no serialization on the hot path
 * while a single member owns everything) and one synchronous backup.
 */
public final class HazelcastSetup {

  /** Prefix of every map Tingsted owns, so operators can tell them from Vert.x's own. */
  public static final String MAP_PREFIX = "tingsted.";
  /**
   * Maps of ours (the roster) that every member reads from its first moment, before its side
   * has a quorum, so Hazelcast does not guard them: their writers check {@link #hasQuorum}.
   */
  public static final String SHARED_EVERYWHERE = MAP_PREFIX + "directory.*";

  private HazelcastSetup() {
  }

  /**
   * A map of ours whose entries are loaded from (and, for a {@link com.hazelcast.map.MapStore},
   * written through to) the journal. Hazelcast runs the store off its partition threads.
   *
   * @param eager load every key when the map is first used, rather than each key on demand
   */
  public static MapConfig storedMap(Config config, String name, Object store, boolean eager) {
    String pattern = name.startsWith(SHARED_EVERYWHERE.replace("*", "")) ? SHARED_EVERYWHERE : MAP_PREFIX + "*";
    MapConfig map = new MapConfig(config.getMapConfig(pattern)).setName(name);
    return map
        .setMapStoreConfig(new MapStoreConfig()
            .setEnabled(true)
            .setImplementation(store)
            .setWriteDelaySeconds(0)
            .setInitialLoadMode(eager ? MapStoreConfig.InitialLoadMode.EAGER : MapStoreConfig.InitialLoadMode.LAZY));
  }

  /** A clustered Vert.x and the Hazelcast member under it. */
  public record Node(Vertx vertx, HazelcastInstance hazelcast) {
  }

  /**
   * The split-brain protection of the maps that hold live state (streams, presence): a side of
   * a split cluster smaller than the quorum refuses to read or write them.
   */
  public static final String QUORUM = "tingsted-quorum";

  /** Starts a clustered Vert.x with {@code options} on a new Hazelcast member configured by {@link #config}. */
  public static Future<Node> start(ClusterSettings settings, List<SerializerConfig> serializers,
                                   Consumer<Config> contributions, VertxOptions options,
                                   VertxMetricsFactory metrics) {
    Config config = config(settings, serializers);
    contributions.accept(config);
    var manager = new HazelcastClusterManager(config);
    if (!settings.bindsEverywhere()) {
      // The event bus listens where Hazelcast does.
      options.getEventBusOptions().setHost(settings.host());
    }
    // On the port configured, so that a firewall can name it, or one of the system's choosing.
    options.getEventBusOptions().setPort(settings.busPort());
    return Vertx.builder()
        .with(options)
        .withMetrics(metrics)
        .withClusterManager(manager)
        .buildClustered()
        .map(vertx -> new Node(vertx, manager.getHazelcastInstance()));
  }

  /** The Hazelcast configuration of one member. */
  public static Config config(ClusterSettings settings, List<SerializerConfig> serializers) {
    var config = new Config();
    config.setClusterName(settings.name());
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    // Sized for small machines (two cores): Hazelcast's defaults assume many.
    config.setProperty("hazelcast.partition.operation.thread.count", "2");
    config.setProperty("hazelcast.generic.operation.thread.count", "2");
    config.setProperty("hazelcast.io.thread.count", "2");
    config.setProperty("hazelcast.event.thread.count", "2");
    // Fewer partitions than Hazelcast's 271: an assembly's streams spread well over 71, and a
    // node's death moves a quarter of the work, so the survivors stay responsive meanwhile.
    config.setProperty("hazelcast.partition.count", "71");
    config.setProperty("hazelcast.partition.max.parallel.migrations", "4");
    // Failure detection: a heartbeat every second; a member silent for failureSeconds is dead,
    // its partitions move to the survivors, and operations waiting on it are retried there.
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(settings.failureSeconds()));
    config.setProperty("hazelcast.operation.call.timeout.millis", "15000");
    // Joining and healing: members started together find each other within a few seconds (a
    // member that started alone merges in later); look for a healed split every 5 s.
    config.setProperty("hazelcast.wait.seconds.before.join", "3");
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
    config.setProperty("hazelcast.graceful.shutdown.max.wait", "30");

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(true);
    if (settings.publicAddress() != null) {
      network.setPublicAddress(settings.publicAddress());
    }
    if (settings.bindsEverywhere()) {
      config.setProperty("hazelcast.socket.bind.any", "true");
    } else {
      // Bind to the configured interface only; by default Hazelcast listens on every interface.
      config.setProperty("hazelcast.socket.bind.any", "false");
      network.getInterfaces().setEnabled(true).addInterface(settings.host());
    }
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(settings.join() == ClusterSettings.Join.MULTICAST);
    join.getTcpIpConfig().setEnabled(settings.join() == ClusterSettings.Join.TCP)
        .setConnectionTimeoutSeconds(2);
    settings.members().forEach(join.getTcpIpConfig()::addMember);
    join.getAutoDetectionConfig().setEnabled(false);
    if (settings.join() == ClusterSettings.Join.KUBERNETES) {
      join.getKubernetesConfig().setEnabled(true).setProperty("service-dns", settings.kubernetesService());
    }

    // What Vert.x's own default-cluster.xml declares.
    config.addMultiMapConfig(new MultiMapConfig("__vertx.subs")
        .setBackupCount(1)
        .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
    config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));

    if (settings.quorum() > 1) {
      config.addSplitBrainProtectionConfig(new SplitBrainProtectionConfig(QUORUM, true, settings.quorum()));
    }
    config.addMapConfig(ours(new MapConfig(MAP_PREFIX + "*"), settings));
    config.addMapConfig(ours(new MapConfig(SHARED_EVERYWHERE), settings).setSplitBrainProtectionName(null));
    config.getUserContext().put(QUORUM, settings.quorum());

    serializers.forEach(config.getSerializationConfig()::addSerializerConfig);
    return config;
  }

  /**
   * What every map of ours shares: objects in memory, one synchronous backup, writes refused on
   * a side of a split cluster smaller than the quorum, and after the split heals the larger
   * side's entries kept (the journal, not Hazelcast, holds what was acknowledged).
   */
  private static MapConfig ours(MapConfig map, ClusterSettings settings) {
    map.setBackupCount(1)
        .setInMemoryFormat(InMemoryFormat.OBJECT)
        .setMergePolicyConfig(new MergePolicyConfig(DiscardMergePolicy.class.getName(), MergePolicyConfig.DEFAULT_BATCH_SIZE));
    if (settings.quorum() > 1) {
      map.setSplitBrainProtectionName(QUORUM);
    }
    return map;
  }

  /** Whether this member's side of the cluster has the quorum (always, without protection). */
  public static boolean hasQuorum(HazelcastInstance hazelcast) {
    Object quorum = hazelcast.getConfig().getUserContext().get(QUORUM);
    if (!(quorum instanceof Integer size) || size <= 1) {
      return true;
    }
    return hazelcast.getSplitBrainProtectionService().getSplitBrainProtection(QUORUM).hasMinimumSize();
  }
}
