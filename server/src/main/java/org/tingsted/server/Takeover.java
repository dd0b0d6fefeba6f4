package org.tingsted.server;

import org.tingsted.protocol.StreamId;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tingsted.server.cluster.HazelcastSetup;
import org.tingsted.server.control.TimerAlarms;
import org.tingsted.server.http.HttpVerticle;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Roster;
import org.tingsted.server.roster.Session;
import org.tingsted.server.streams.Streams;

/**
 * What a node does when its cluster changes (a node died, joined or left, partitions moved, a
 * split healed): it checks the streams it owns now against the journal (reloading copies that
 * are behind and publishing what followers missed), arms the timers of the sessions it owns
 * now, has its feeds catch up, and, on the oldest member, clears the seats a dead node held.
 * A node whose side of the cluster lost the quorum sends its members away to the others.
 *
 * <p>Changes come in bursts (one death moves many partitions): they are gathered for
 * {@link #SETTLE_MS} and handled once, on one context; after a member came or went, twice
 * more a few seconds later, so that what a node owns once the partitions have moved is what
 * it checked.
 */
final class Takeover {

  private static final Logger LOG = LoggerFactory.getLogger(Takeover.class);
  static final long SETTLE_MS = 300;
  private static final List<Long> LATER_MS = List.of(1500L, 4000L);

  private final Vertx vertx;
  private final Context context;
  private final HazelcastInstance hazelcast;
  private final Streams streams;
  private final TimerAlarms timers;
  private final HttpVerticle http;
  private final Roster roster;
  private final List<String> dead = new ArrayList<>();
  private long pending = -1;

  Takeover(Vertx vertx, HazelcastInstance hazelcast, Roster roster, Streams streams, TimerAlarms timers,
           HttpVerticle http) {
    this.roster = roster;
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.hazelcast = hazelcast;
    this.streams = streams;
    this.timers = timers;
    this.http = http;
  }

  void start() {
    hazelcast.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
        changedAndLater(null);
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        changedAndLater(event.getMember().getUuid().toString());
      }
    });
    hazelcast.getPartitionService().addMigrationListener(new MigrationListener() {
      @Override
      public void migrationStarted(MigrationState state) {
      }

      @Override
      public void migrationFinished(MigrationState state) {
        changed(null);
      }

      @Override
      public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
        changed(null);
      }

      @Override
      public void replicaMigrationFailed(ReplicaMigrationEvent event) {
      }
    });
    hazelcast.getLifecycleService().addLifecycleListener(event -> {
      if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
        changedAndLater(null);
      }
    });
    // A node that starts may own sessions whose timers run (the whole cluster restarted).
    changed(null);
  }

  /**
   * A member came or went: settle now, and again once the partitions it held have surely found
   * new owners (promotions are not always announced as migrations), so that nothing a dead
   * node owned is left without a node that checked it and armed its timers.
   */
  private void changedAndLater(String deadMember) {
    changed(deadMember);
    context.runOnContext(v -> LATER_MS.forEach(delay -> vertx.setTimer(delay, id -> changed(null))));
  }

  private void changed(String deadMember) {
    context.runOnContext(v -> {
      if (deadMember != null) {
        dead.add(deadMember);
      }
      if (pending < 0) {
        pending = vertx.setTimer(SETTLE_MS, id -> settle());
      }
    });
  }

  private void settle() {
    pending = -1;
    if (!hazelcast.getLifecycleService().isRunning()) {
      return;
    }
    if (!HazelcastSetup.hasQuorum(hazelcast)) {
      LOG.warn("this node's side of the cluster has {} members, fewer than the quorum: sending its members away",
          hazelcast.getCluster().getMembers().size());
      http.withGateway(gateway -> gateway.sendAway("this server lost touch with the rest of the cluster; connect again"));
      return;
    }
    // The seats of nodes that died while this side had no quorum are cleared now that it has.
    var gone = List.copyOf(dead);
    dead.clear();
    boolean oldest = hazelcast.getCluster().getMembers().iterator().next().localMember();
    roster.all().compose(assemblies -> streams.reconcileOwned(assemblies.stream().flatMap(a -> a.streams().stream()).toList())
        .onSuccess(checked -> LOG.info("the cluster changed: {} members; checked the {} streams this node owns",
            hazelcast.getCluster().getMembers().size(), checked))
        .onFailure(e -> LOG.warn("could not check this node's streams against the journal", e))
        .eventually(() -> timers.sweep(assemblies)
            .onSuccess(armed -> LOG.info("armed the timers of the {} sessions this node owns", armed))))
        .onFailure(e -> LOG.warn("could not arm the timers of this node's sessions", e))
        .eventually(() -> http.withGateway(gateway -> gateway.clusterChanged(oldest ? gone : List.of())));
  }
}
