package org.tingsted.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.tingsted.protocol.StreamId;
import org.tingsted.protocol.ConnectionCommand;
import org.tingsted.protocol.Device;
import org.tingsted.protocol.Protocol;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.ProtocolCodec;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.Reply;
import org.tingsted.protocol.ServerMessage;
import org.tingsted.server.Settings;
import org.tingsted.server.TingstedNode;
import org.tingsted.server.cluster.ClusterSettings;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.journal.JournalSettings;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.Roster;

/**
 * Cross-node delivery latency, one node against three on this machine: a table whose members
 * sit on different nodes, the PostgreSQL journal on both sides. With three nodes, senders on
 * one node propose at a steady rate to a table owned by a second (open loop: latency counts
 * from the intended send time), and a reader on the third measures the time until each event
 * reaches it; the senders measure the time until their ack. With one node, all are on it. Prints a Markdown table for docs/benchmarks.md.
 *
 * <p>{@code -Dbench.seconds=20 -Dbench.rate=60 -Dbench.journal=jdbc:postgresql://127.0.0.1:5432/test
 * -Dbench.journalUser=postgres}
 */
public final class ClusterLatency {

  private static final ProtocolCodec CODEC = new ProtocolCodec();
  /** Vert.x 5 closes a WebSocket client nobody references, sockets and all: they are kept here. */
  private static final List<WebSocketClient> KEPT = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** Members may send 20 commands a second: each sender stays under that. */
  private static final int PER_SENDER = 15;

  private ClusterLatency() {
  }

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 20);
    int rate = Integer.getInteger("bench.rate", 60);
    String url = System.getProperty("bench.journal", "jdbc:postgresql://127.0.0.1:5432/test");
    String user = System.getProperty("bench.journalUser", "postgres");
    var rows = new ArrayList<String>();
    for (int size : new int[] {1, 3}) {
      rows.add(run(size, seconds, rate, url, user));
    }
    System.out.println();
    System.out.println("Cross-node delivery, " + LocalDate.now() + ", " + rate + " proposals/s for " + seconds
        + " s, PostgreSQL journal; with three nodes the table's owner, the senders' node and the reader's node differ:");
    System.out.println();
    System.out.println("| nodes | events | delivery p50 | p99 | p99.9 | max | ack p50 | p99 | max | lost |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
    System.exit(0);
  }

  private static String run(int size, int seconds, int rate, String url, String user) throws Exception {
    String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try (var c = DriverManager.getConnection(url, user, ""); var s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    var journal = new JournalSettings(url, user, "", schema);
    String name = "bench-" + UUID.randomUUID();
    var ports = new ArrayList<Integer>();
    for (int i = 0; i < size; i++) {
      ports.add(freePort());
    }
    List<String> members = ports.stream().map(p -> "127.0.0.1:" + p).toList();
    var nodes = new ArrayList<TingstedNode>();
    Vertx clients = Vertx.vertx();
    try {
      for (int i = 0; i < size; i++) {
        ClusterSettings cluster = size == 1 ? ClusterSettings.embedded(name)
            : ClusterSettings.tcp(name, "127.0.0.1", ports.get(i), members);
        var settings = new Settings("127.0.0.1", 0, null, "bench", null, Files.createTempDirectory("bench-"),
            journal, cluster, false);
        nodes.add(await(TingstedNode.start(settings)));
        while (nodes.stream().anyMatch(n -> n.clusterSize() != nodes.size())) {
          Thread.sleep(100);
        }
      }
      Roster roster = nodes.get(0).roster();
      Assembly assembly = await(roster.create("Bench", "How fast?", List.of(new Roster.NewSession("Day", null, List.of("Table")))));
      String table = assembly.sessions().get(0).tables().get(0).id();
      int senders = Math.max(1, (rate + PER_SENDER - 1) / PER_SENDER);
      var people = new ArrayList<Member>();
      for (int i = 0; i <= senders; i++) {
        people.add(await(roster.addMember(assembly.id(), "Member " + i, Role.MEMBER, null, table)));
      }
      StreamId stream = StreamId.table(table);
      // With three nodes: the table's owner, the senders' node and the reader's node all differ.
      int owner = ownerIndex(nodes, stream);
      TingstedNode first = nodes.get((owner + 1) % size);
      TingstedNode last = nodes.get((owner + 2) % size);

      Map<String, Long> intended = new ConcurrentHashMap<>();
      Map<String, Integer> errors = new ConcurrentHashMap<>();
      var delivery = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
      var ack = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
      int total = rate * seconds;
      var delivered = new CountDownLatch(total);
      var acked = new CountDownLatch(total);
      connect(clients, last.port(), token(last, assembly, people.get(senders)), message -> {
        if (message instanceof Push.Event e && e.stream().equals(stream.name()) && e.kind().equals("proposed")) {
          Long sent = intended.get(e.data().get("title").asText());
          if (sent != null) {
            synchronized (delivery) {
              delivery.recordValue(Math.max(0, System.nanoTime() - sent));
            }
            delivered.countDown();
          }
        }
      });
      var sockets = new ArrayList<WebSocket>();
      for (int i = 0; i < senders; i++) {
        sockets.add(connect(clients, first.port(), token(first, assembly, people.get(i)), message -> {
          if (message instanceof Reply.Error error) {
            errors.merge(error.code().wireName(), 1, Integer::sum);
          }
          if (message instanceof Reply.Ack a) {
            Long sent = intended.get(a.id());
            if (sent != null) {
              synchronized (ack) {
                ack.recordValue(Math.max(0, System.nanoTime() - sent));
              }
              acked.countDown();
            }
          }
        }));
      }
      // Open loop: command k is due at start + k / rate, whatever became of the ones before.
      long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
      long interval = TimeUnit.SECONDS.toNanos(1) / rate;
      for (int k = 0; k < total; k++) {
        long due = start + k * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        String id = "b" + k;
        intended.put(id, due);
        intended.put("Idea " + id, due);
        sockets.get(k % senders).writeTextMessage(CODEC.encode(new ProposalCommand.Propose(id, null, "Idea " + id,
            "A proposal of an ordinary length, as members write them at a table.")));
      }
      delivered.await(30, TimeUnit.SECONDS);
      acked.await(30, TimeUnit.SECONDS);
      System.out.printf("%d node(s): table owned by node %d, senders on node %d, reader on node %d; acks %d, errors %s%n",
          size, owner + 1, nodes.indexOf(first) + 1, nodes.indexOf(last) + 1, ack.getTotalCount(), errors);
      return String.format("| %d | %d | %s | %s | %s | %s | %s | %s | %s | %d |", size, delivery.getTotalCount(),
          ms(delivery.getValueAtPercentile(50)), ms(delivery.getValueAtPercentile(99)),
          ms(delivery.getValueAtPercentile(99.9)), ms(delivery.getMaxValue()),
          ms(ack.getValueAtPercentile(50)), ms(ack.getValueAtPercentile(99)), ms(ack.getMaxValue()),
          total - delivery.getTotalCount());
    } finally {
      await(clients.close());
      KEPT.clear();
      for (TingstedNode n : nodes) {
        await(n.close());
      }
      try (var c = DriverManager.getConnection(url, user, ""); var s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  private static int ownerIndex(List<TingstedNode> nodes, StreamId stream) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).owns(stream)) {
        return i;
      }
    }
    return -1;
  }

  private static String token(TingstedNode node, Assembly assembly, Member member) {
    return node.links().credentials().session(assembly.id(), member).credential();
  }

  private static WebSocket connect(Vertx vertx, int port, String token, java.util.function.Consumer<ServerMessage> handler)
      throws Exception {
    WebSocketClient client = vertx.createWebSocketClient();
    KEPT.add(client);
    WebSocket socket = await(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/ws").addSubProtocol(Protocol.SUBPROTOCOL)));
    var welcomed = new CountDownLatch(1);
    socket.textMessageHandler(text -> {
      try {
        ServerMessage message = CODEC.decodeServer(text);
        if (message instanceof Reply.Welcome) {
          welcomed.countDown();
        }
        handler.accept(message);
      } catch (org.tingsted.protocol.ProtocolException e) {
        throw new IllegalStateException(e);
      }
    });
    socket.writeTextMessage(CODEC.encode(new ConnectionCommand.Hello("hello", token, Device.ROOM, null)));
    if (!welcomed.await(15, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no welcome");
    }
    return socket;
  }

  private static String ms(long nanos) {
    return String.format("%.1f ms", nanos / 1e6);
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
