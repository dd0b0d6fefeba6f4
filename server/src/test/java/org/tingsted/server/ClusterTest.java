package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.CommentKind;
import org.tingsted.protocol.ControlCommand;
import org.tingsted.protocol.Device;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.protocol.PhaseKind;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.Reply;
import org.tingsted.protocol.TimerScope;
import org.tingsted.server.roster.Member;

@DisplayName("Three nodes in one cluster, in one JVM")
class ClusterTest {

  private static final int PROPOSALS_EACH = 12;

  @Test
  @DisplayName("members of one table on three different nodes propose at once, and every one of them sees the same events in the same order")
  void oneOrderAcrossNodes() throws Exception {
    try (LiveCluster cluster = LiveCluster.start(3, 2, 6)) {
      var clients = new ArrayList<List<TableClient>>();
      for (int t = 0; t < 2; t++) {
        var atTable = new ArrayList<TableClient>();
        List<Member> seated = cluster.members.get(t);
        for (int m = 0; m < seated.size(); m++) {
          atTable.add(cluster.join(seated.get(m), m % 3));
        }
        clients.add(atTable);
      }
      Map<String, String> acked = new ConcurrentHashMap<>();
      var threads = new ArrayList<Thread>();
      for (int t = 0; t < 2; t++) {
        for (TableClient client : clients.get(t)) {
          int table = t;
          Thread thread = new Thread(() -> {
            var ids = new ArrayList<String>();
            for (int i = 0; i < PROPOSALS_EACH; i++) {
              String id = TableClient.id();
              ids.add(id);
              client.send(new ProposalCommand.Propose(id, null, "Idea " + id, "At table " + table));
            }
            for (String id : ids) {
              Reply reply = client.reply(id);
              assertThat(reply).as("reply to %s", id).isInstanceOf(Reply.Ack.class);
              acked.put(id, "Idea " + id);
            }
          });
          thread.start();
          threads.add(thread);
        }
      }
      for (Thread thread : threads) {
        thread.join();
      }
      int perTable = 6 * PROPOSALS_EACH;
      assertThat(acked).hasSize(2 * perTable);
      for (int t = 0; t < 2; t++) {
        String stream = cluster.stream(t);
        List<String> first = null;
        for (TableClient client : clients.get(t)) {
          List<Push.Event> events = client.awaitEvents(stream, perTable);
          assertThat(events).extracting(Push.Event::seq)
              .containsExactlyElementsOf(LongStream.rangeClosed(1, perTable).boxed().toList());
          List<String> order = events.stream().map(e -> e.seq() + " " + e.by() + " " + e.data().get("title").asText()).toList();
          if (first == null) {
            first = order;
          } else {
            assertThat(order).as("the order seen on another node").isEqualTo(first);
          }
        }
        assertThat(new HashSet<>(first.stream().map(line -> line.substring(line.lastIndexOf("Idea "))).toList()))
            .as("every acknowledged proposal of the table, once").hasSize(perTable);
      }
    }
  }

  @Test
  @DisplayName("a proposal sent the moment its phase closes is refused: the phase is the one the session's owner holds, not the receiving node's copy")
  void phaseDecidedAtTheOwner() throws Exception {
    try (LiveCluster cluster = LiveCluster.start(3, 1, 2)) {
      int owner = cluster.ownerOf(cluster.sessionStream());
      int other = (owner + 1) % 3;
      TableClient lead = cluster.join(cluster.lead, owner);
      TableClient member = cluster.join(cluster.members.get(0).get(0), other);
      String table = cluster.table(0);
      var opened = new ArrayList<Reply>();
      var closed = new ArrayList<Reply>();
      for (int round = 0; round < 15; round++) {
        assertThat(lead.call(new ControlCommand.SetTablePhase(TableClient.id(), table, PhaseKind.PROPOSE)))
            .isInstanceOf(Reply.Ack.class);
        opened.add(member.call(new ProposalCommand.Propose(TableClient.id(), null, "Open " + round, "Text")));
        assertThat(lead.call(new ControlCommand.SetTablePhase(TableClient.id(), table, PhaseKind.DISCUSS)))
            .isInstanceOf(Reply.Ack.class);
        closed.add(member.call(new ProposalCommand.Propose(TableClient.id(), null, "Closed " + round, "Text")));
      }
      assertThat(opened).as("proposals sent right after the phase opened").allMatch(r -> r instanceof Reply.Ack);
      assertThat(closed).as("proposals sent right after the phase closed")
          .allSatisfy(r -> assertThat(TableClient.error(r).code()).isEqualTo(ErrorCode.PHASE_CLOSED));
      Awaitility.await().atMost(TableClient.WAIT).until(() -> member.events(cluster.stream(0)).size() == 15);
      assertThat(member.events(cluster.stream(0))).extracting(e -> e.data().get("title").asText())
          .allMatch(title -> title.startsWith("Open "));
    }
  }

  @Test
  @DisplayName("a timer elapses once, on time, at its session's owner, with nobody connected")
  void timerElapsesWithNobodyConnected() throws Exception {
    try (LiveCluster cluster = LiveCluster.start(3, 1, 2)) {
      int owner = cluster.ownerOf(cluster.sessionStream());
      TableClient lead = cluster.join(cluster.lead, (owner + 1) % 3);
      Reply started = lead.call(new ControlCommand.StartTimer(TableClient.id(), TimerScope.ROUND, 2, "Runde", null));
      assertThat(started).isInstanceOf(Reply.Ack.class);
      long deadline = lead.awaitEvents(cluster.sessionStream(), 1).get(0).data().get("deadline").asLong();
      lead.close();
      Thread.sleep(Math.max(0, deadline - System.currentTimeMillis()) + 1500);

      TableClient back = TableClient.join(cluster.clients, cluster.nodes.get((owner + 2) % 3).port(),
          cluster.token(cluster.lead), Device.REMOTE, Map.of(cluster.sessionStream(), 0L));
      Awaitility.await().atMost(TableClient.WAIT).until(() -> back.events(cluster.sessionStream()).size() >= 2);
      List<Push.Event> elapsed = back.events(cluster.sessionStream()).stream()
          .filter(e -> e.kind().equals("timerElapsed")).toList();
      assertThat(elapsed).hasSize(1);
      assertThat(elapsed.get(0).at() - deadline).as("ms late").isBetween(0L, 1000L);
    }
  }

  @Test
  @DisplayName("each comment's backup costs the same on a table of 1,000 events as on an empty one: what crosses to the backup is the event, not the board")
  void backupCostDoesNotGrowWithTheBoard() throws Exception {
    try (LiveCluster cluster = LiveCluster.relayed(2, 2, 8)) {
      long empty = bytesPerComment(cluster, 0, 0);
      long full = bytesPerComment(cluster, 1, 1000);
      System.out.printf("Hazelcast bytes per comment: %d on an empty table, %d on a table of 1,000 events (%.2f×)%n",
          empty, full, (double) full / empty);
      assertThat(full).as("bytes per comment at 1,000 events vs empty (%d)", empty).isLessThanOrEqualTo(empty * 3 / 2);
    }
  }

  /**
   * Fills table {@code t} with {@code events} events (a proposal of each member, then comments on it), then measures the bytes that cross
   * between the two Hazelcast members per comment, sent by a member connected to the table's owner.
   */
  private static long bytesPerComment(LiveCluster cluster, int t, int events) throws Exception {
    String stream = cluster.stream(t);
    int owner = cluster.ownerOf(stream);
    List<Member> seated = cluster.members.get(t);
    var clients = new ArrayList<TableClient>();
    for (Member m : seated) {
      clients.add(cluster.join(m, owner));
    }
    var fillers = new ArrayList<Thread>();
    for (int m = 0; m < seated.size(); m++) {
      TableClient client = clients.get(m);
      int share = events / seated.size() + (m < events % seated.size() ? 1 : 0);
      Thread thread = new Thread(() -> {
        // One proposal each, then comments on it: a member may make 50 proposals at a table, not 125.
        String[] own = new String[1];
        for (int i = 0; i < share; i++) {
          Reply reply;
          do {
            // A fresh id for each try: the client keeps every reply, and reply(id) gives the first.
            String id = TableClient.id();
            client.send(own[0] == null
                ? new ProposalCommand.Propose(id, null, "Proposal " + id, "A proposal of some length, as members write them.")
                : new ProposalCommand.Comment(id, null, own[0], CommentKind.SUPPORT, "A comment of some length, as members write them.", null));
            reply = client.reply(id);
            if (reply instanceof Reply.Error error && error.code() == ErrorCode.RATE_LIMITED) {
              sleep(100);
            }
          } while (reply instanceof Reply.Error error && error.code() == ErrorCode.RATE_LIMITED);
          assertThat(reply).isInstanceOf(Reply.Ack.class);
          if (own[0] == null) {
            own[0] = client.proposalOf((Reply.Ack) reply);
          }
        }
      });
      thread.start();
      fillers.add(thread);
    }
    for (Thread thread : fillers) {
      thread.join();
    }
    TableClient writer = clients.get(0);
    Reply.Ack target = TableClient.ack(writer.call(new ProposalCommand.Propose(TableClient.id(), null, "Commented", "Text")));
    String proposal = writer.proposalOf(target);
    // Let the cluster fall quiet; then the comments go out at once, so that the little that
    // crosses anyway (heartbeats, followers asking the owner for its seq, Hazelcast's periodic
    // backup check) hardly counts; of three bursts the quietest counts.
    long fewest = Long.MAX_VALUE;
    for (int burst = 0; burst < 3; burst++) {
      Thread.sleep(2000); // also refills the member's rate limit (20 a second)
      long before = crossed(cluster);
      int comments = 40;
      var ids = new ArrayList<String>();
      for (int i = 0; i < comments; i++) {
        String id = TableClient.id();
        ids.add(id);
        writer.send(new ProposalCommand.Comment(id, null, proposal, CommentKind.SUPPORT,
            "I agree with this, and here is why, in a sentence of ordinary length.", null));
      }
      for (String id : ids) {
        assertThat(writer.reply(id)).isInstanceOf(Reply.Ack.class);
      }
      fewest = Math.min(fewest, (crossed(cluster) - before) / comments);
    }
    clients.forEach(TableClient::close);
    return fewest;
  }

  private static long crossed(LiveCluster cluster) {
    return cluster.relays.stream().mapToLong(Relay::bytes).sum();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
