package org.tingsted.server.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
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

  private HazelcastSetup() {
  }

  /**
   * A map of ours whose entries are loaded from (and, for a {@link com.hazelcast.map.MapStore},
   * written through to) the journal. Hazelcast runs the store off its partition threads.
   *
   * @param eager load every key when the map is first used, rather than each key on demand
   */
  public static MapConfig storedMap(String name, Object store, boolean eager) {
    return new MapConfig(name)
        .setBackupCount(1)
        .setInMemoryFormat(InMemoryFormat.OBJECT)
        .setMapStoreConfig(new MapStoreConfig()
            .setEnabled(true)
            .setImplementation(store)
            .setWriteDelaySeconds(0)
            .setInitialLoadMode(eager ? MapStoreConfig.InitialLoadMode.EAGER : MapStoreConfig.InitialLoadMode.LAZY));
  }

  /** A clustered Vert.x and the Hazelcast member under it. */
  public record Node(Vertx vertx, HazelcastInstance hazelcast) {
  }

  /** Starts a clustered Vert.x on a new Hazelcast member configured by {@link #config}. */
  public static Future<Node> start(ClusterSettings settings, List<SerializerConfig> serializers,
                                   Consumer<Config> contributions) {
    Config config = config(settings, serializers);
    contributions.accept(config);
    var manager = new HazelcastClusterManager(config);
    return Vertx.builder()
        .with(new VertxOptions())
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
    // Bind to the configured interface only; by default Hazelcast listens on every interface.
    config.setProperty("hazelcast.socket.bind.any", "false");

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(true);
    network.getInterfaces().setEnabled(true).addInterface(settings.host());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);

    // What Vert.x's own default-cluster.xml declares.
    config.addMultiMapConfig(new MultiMapConfig("__vertx.subs")
        .setBackupCount(1)
        .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
    config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));

    config.addMapConfig(new MapConfig(MAP_PREFIX + "*")
        .setBackupCount(1)
        .setInMemoryFormat(InMemoryFormat.OBJECT));

    serializers.forEach(config.getSerializationConfig()::addSerializerConfig);
    return config;
  }
}
