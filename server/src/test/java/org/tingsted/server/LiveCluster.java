package org.tingsted.server;

import static org.tingsted.server.LiveAssembly.await;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.tingsted.server.cluster.ClusterSettings;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.journal.JournalSettings;
import org.tingsted.server.journal.TestDatabases;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.Roster;
import org.tingsted.server.roster.Session;

/**
 * Several Tingsted nodes in this JVM, one cluster (its own name) joined by TCP/IP on loopback,
 * sharing one PostgreSQL journal (a schema of its own), with an assembly of {@code tables}
 * tables of {@code seats} members and a lead facilitator.
 */
public final class LiveCluster implements AutoCloseable {

  public final List<TingstedNode> nodes = new ArrayList<>();
  public final Vertx clients = Vertx.vertx();
  public final JournalSettings journal;
  public final Assembly assembly;
  public final Session session;
  public final List<List<Member>> members = new ArrayList<>();
  public final Member lead;
  /** With {@link #relayed}: the relay in front of each node's Hazelcast member, counting what crosses. */
  public final List<Relay> relays = new ArrayList<>();
  private final Vertx relaying;

  private LiveCluster(JournalSettings journal, List<TingstedNode> started, Assembly assembly, Vertx relaying) {
    this.journal = journal;
    this.relaying = relaying;
    this.nodes.addAll(started);
    this.assembly = assembly;
    this.session = assembly.sessions().get(0);
    Member lead = null;
    for (var table : session.tables()) {
      members.add(assembly.seatedAt(table.id()).stream().filter(m -> m.role() == Role.MEMBER).toList());
    }
    for (Member m : assembly.members().values()) {
      if (m.role() == Role.LEAD_FACILITATOR) {
        lead = m;
      }
    }
    this.lead = lead;
  }

  /** Starts {@code size} nodes and waits until each sees all of them. */
  public static LiveCluster start(int size, int tables, int seats) throws Exception {
    return start(size, tables, seats, false);
  }

  /**
   * Starts {@code size} nodes whose members reach each other only through a byte-counting
   * {@link Relay} each (the member's public address), so a test can measure what Hazelcast sends.
   */
  public static LiveCluster relayed(int size, int tables, int seats) throws Exception {
    return start(size, tables, seats, true);
  }

  private static LiveCluster start(int size, int tables, int seats, boolean relayed) throws Exception {
    JournalSettings journal = TestDatabases.postgres();
    String name = "cluster-" + UUID.randomUUID();
    String adminToken = "admin-" + UUID.randomUUID();
    var ports = new ArrayList<Integer>();
    for (int i = 0; i < size; i++) {
      ports.add(ServerProcess.freePort());
    }
    var relayPorts = new ArrayList<Integer>();
    for (int i = 0; i < size; i++) {
      relayPorts.add(relayed ? ServerProcess.freePort() : ports.get(i));
    }
    List<String> addresses = relayPorts.stream().map(p -> "127.0.0.1:" + p).toList();
    var nodes = new ArrayList<TingstedNode>();
    var relays = new ArrayList<Relay>();
    Vertx relaying = Vertx.vertx();
    try {
      // One after the other: each joins the members already up (started all at once, members
      // that find nobody yet form clusters of their own, which merge only a few seconds later).
      for (int i = 0; i < size; i++) {
        var dir = Files.createTempDirectory("tingsted-cluster-");
        var cluster = ClusterSettings.tcp(name, "127.0.0.1", ports.get(i), addresses);
        if (relayed) {
          relays.add(Relay.to(relaying, relayPorts.get(i), ports.get(i)));
          cluster = cluster.withPublicAddress(addresses.get(i));
        }
        var settings = new Settings("127.0.0.1", 0, null, adminToken, null, dir, journal, cluster, false, Settings.PERSONAL_DATA_DAYS);
        nodes.add(await(TingstedNode.start(settings)));
        int expected = i + 1;
        Awaitility.await().atMost(Duration.ofSeconds(30))
            .until(() -> nodes.stream().allMatch(n -> n.clusterSize() == expected));
      }
      Awaitility.await().atMost(Duration.ofSeconds(60))
          .until(() -> nodes.stream().allMatch(n -> n.clusterSize() == size));
      Roster roster = nodes.get(0).roster();
      var names = new ArrayList<String>();
      for (int t = 1; t <= tables; t++) {
        names.add("Table " + t);
      }
      Assembly created = await(roster.create("Cluster assembly", "How?", List.of(new Roster.NewSession("Day 1", null, names))));
      Session day = created.sessions().get(0);
      for (var table : day.tables()) {
        for (int s = 1; s <= seats; s++) {
          await(roster.addMember(created.id(), table.name() + " member " + s, Role.MEMBER, null, table.id()));
        }
      }
      await(roster.addMember(created.id(), "Lead", Role.LEAD_FACILITATOR, day.id(), null));
      var live = new LiveCluster(journal, nodes, await(roster.require(created.id())), relaying);
      live.relays.addAll(relays);
      return live;
    } catch (Exception | AssertionError e) {
      for (TingstedNode n : nodes) {
        n.close().toCompletionStage().toCompletableFuture().get();
      }
      relaying.close();
      TestDatabases.drop(journal);
      throw e;
    }
  }

  public String token(Member m) {
    return LiveAssembly.sessionOf(nodes.get(0), assembly.id(), m.id());
  }

  public String table(int index) {
    return session.tables().get(index).id();
  }

  public String stream(int index) {
    return "table:" + table(index);
  }

  public String sessionStream() {
    return "session:" + session.id();
  }

  /** Connects {@code m} to node {@code node}. */
  public TableClient join(Member m, int node) {
    return TableClient.join(clients, nodes.get(node).port(), token(m));
  }

  /** The index of the node that owns {@code stream}. */
  public int ownerOf(String stream) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).owns(org.tingsted.protocol.StreamId.of(stream))) {
        return i;
      }
    }
    throw new AssertionError("no node owns " + stream);
  }

  @Override
  public void close() throws Exception {
    try {
      await(clients.close());
      for (TingstedNode n : nodes) {
        n.close().toCompletionStage().toCompletableFuture().get();
      }
      await(relaying.close());
    } finally {
      TestDatabases.drop(journal);
    }
  }
}
