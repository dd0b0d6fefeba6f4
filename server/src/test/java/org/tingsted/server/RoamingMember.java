package org.tingsted.server;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.Reply;

/**
 * A member's app as the web client behaves in a cluster: it proposes, one command at a time,
 * for as long as it runs; when its node stops answering or sends it away, it connects to the
 * next address it was given, resumes its table from the last seq it saw, and sends its
 * unanswered command again with the same id. It keeps what it saw, connection by connection.
 */
final class RoamingMember implements AutoCloseable {

  private static final Duration ANSWER = Duration.ofSeconds(3);

  final String name;
  private final Vertx vertx;
  private final String token;
  private final String stream;
  private final List<Integer> ports;
  private int next;
  private volatile boolean running = true;
  private final Thread thread;
  private TableClient client;
  /**
   * The member's own first proposal, once its event was seen: after it they comment on it, so
   * that a long run stays within what one member may propose at a table (Limits).
   */
  private String own;
  /** Every connection's resume point and the events it delivered, in order. */
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  /** Acknowledged commands: id → the seq of their event. */
  final Map<String, Long> acked = new ConcurrentHashMap<>();
  /** When each acknowledged command was first sent and when its ack came (ms). */
  final Map<String, long[]> timing = new ConcurrentHashMap<>();
  /** Problems seen on the way: an error other than the ones a cluster in trouble may give. */
  final List<String> problems = new CopyOnWriteArrayList<>();

  private record Connection(long resumedFrom, TableClient client) {
  }

  RoamingMember(Vertx vertx, String name, String token, String stream, List<Integer> ports, int first) {
    this.vertx = vertx;
    this.name = name;
    this.token = token;
    this.stream = stream;
    this.ports = List.copyOf(ports);
    this.next = first;
    this.thread = new Thread(this::run, "member-" + name);
  }

  void start() {
    thread.start();
  }

  /** Stops proposing after the command in flight is answered. */
  void stop() throws InterruptedException {
    running = false;
    thread.join(Duration.ofSeconds(60).toMillis());
  }

  private void run() {
    int n = 0;
    while (running) {
      String id = name + "-" + (++n);
      org.tingsted.protocol.ClientMessage propose = own == null
          ? new ProposalCommand.Propose(id, null, "Idea " + id, "Written by " + name)
          : new ProposalCommand.Comment(id, null, own, org.tingsted.protocol.CommentKind.SUPPORT, "Comment " + id, null);
      long firstSent = System.currentTimeMillis();
      while (true) {
        TableClient c = connected();
        c.send(propose);
        Reply reply = c.replyWithin(id, ANSWER);
        if (reply instanceof Reply.Ack ack) {
          acked.put(id, ack.seq());
          if (own == null) {
            try {
              own = c.proposalOf(ack);
            } catch (AssertionError notSeen) {
              // Its event did not reach this connection: the next command proposes again.
            }
          }
          timing.put(id, new long[] {firstSent, System.currentTimeMillis()});
          break;
        }
        if (reply instanceof Reply.Error error && error.code() == ErrorCode.RATE_LIMITED) {
          c.forgetReplies(id);
          pause(200);
          continue;
        }
        if (reply instanceof Reply.Error error && error.code() != ErrorCode.INTERNAL) {
          problems.add(id + ": " + error.code() + " " + error.message());
          break;
        }
        // No answer, or the node could not carry it out: try the next node, same command id.
        leave();
      }
      pause(60);
    }
  }

  private TableClient connected() {
    while (client == null || client.isClosed()) {
      leave();
      long resume = lastSeq();
      int port = ports.get(next % ports.size());
      next++;
      TableClient joined = TableClient.tryJoin(vertx, port, token, Map.of(stream, resume), ANSWER);
      if (joined != null) {
        client = joined;
        connections.add(new Connection(resume, joined));
      } else {
        pause(100);
      }
    }
    return client;
  }

  private void leave() {
    if (client != null) {
      if (!client.isClosed()) {
        try {
          client.close();
        } catch (AssertionError stuck) {
          // A stopped node does not answer a close either.
        }
      }
      client = null;
    }
  }

  /**
   * After {@link #stop}: the app stays open, as a tablet on the table does. When its node has
   * closed the connection since, it connects again (to the next node, resuming), as the web
   * client does. The last seq it has seen.
   */
  long following() {
    connected();
    return lastSeq();
  }

  /** Where its last connection stands, for a message when it does not catch up. */
  String lastConnection() {
    if (connections.isEmpty()) {
      return "no connection";
    }
    Connection c = connections.get(connections.size() - 1);
    return connections.size() + " connections; the last to port " + ports.get((next - 1) % ports.size())
        + ", resumed from " + c.resumedFrom() + ", " + (c.client().isClosed() ? "closed" : "open")
        + ", at seq " + c.client().lastSeq(stream);
  }

  /** The last seq of the table this member has seen, over all its connections. */
  long lastSeq() {
    long seq = 0;
    for (Connection c : connections) {
      seq = Math.max(seq, c.client().lastSeq(stream));
    }
    return seq;
  }

  /** How many connections it made. */
  int connections() {
    return connections.size();
  }

  /**
   * What it saw of its table, by seq, checking guarantee 4 on the way: each connection
   * delivered exactly the events after its resume point, in order, with no gap and no
   * snapshot; two connections that delivered the same seq delivered the same event.
   */
  TreeMap<Long, Push.Event> seen() {
    var all = new TreeMap<Long, Push.Event>();
    for (Connection c : connections) {
      List<Push.Event> events = c.client().events(stream);
      boolean snapshot = c.client().received().stream().anyMatch(m -> m instanceof Push.Snapshot s && s.stream().equals(stream));
      if (snapshot && c.resumedFrom() > 0) {
        problems.add("a snapshot instead of the events after seq " + c.resumedFrom());
      }
      long expected = c.resumedFrom() + 1;
      for (Push.Event e : events) {
        if (!snapshot && e.seq() != expected) {
          problems.add("after resuming from " + c.resumedFrom() + " got seq " + e.seq() + " where " + expected + " was due");
        }
        expected = e.seq() + 1;
        Push.Event before = all.putIfAbsent(e.seq(), e);
        if (before != null && !before.equals(e)) {
          problems.add("seq " + e.seq() + " differs between two connections");
        }
      }
    }
    return all;
  }

  /** The first time, after {@code since}, that a command first sent after it was acknowledged; -1 if none. */
  long servedAgainAfter(long since) {
    return timing.values().stream().filter(t -> t[0] > since).mapToLong(t -> t[1]).min().orElse(-1);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    leave();
  }

  static List<Long> seqsOf(TreeMap<Long, Push.Event> seen) {
    return new ArrayList<>(seen.keySet());
  }
}
