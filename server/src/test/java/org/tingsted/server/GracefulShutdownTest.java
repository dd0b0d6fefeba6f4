package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.LiveAssembly.await;

import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.Device;
import org.tingsted.protocol.Protocol;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.Reply;

@DisplayName("A node of a cluster that is stopped gracefully")
class GracefulShutdownTest {

  @Test
  @DisplayName("stops being ready, sends its members away with 1001 (going away), and they go on at another node without losing anything")
  void sendsItsMembersAway() throws Exception {
    try (LiveCluster cluster = LiveCluster.start(3, 1, 2)) {
      String stream = cluster.stream(0);
      // The node that goes is the table's owner, so its streams have to move too.
      int leaving = cluster.ownerOf(stream);
      int staying = (leaving + 1) % 3;
      TableClient member = cluster.join(cluster.members.get(0).get(0), leaving);
      TableClient other = cluster.join(cluster.members.get(0).get(1), staying);
      for (int i = 0; i < 5; i++) {
        assertThat(member.call(new ProposalCommand.Propose(TableClient.id(), null, "Before " + i, "Text")))
            .isInstanceOf(Reply.Ack.class);
      }
      member.awaitEvents(stream, 5);

      TingstedNode node = cluster.nodes.get(leaving);
      WebClient web = WebClient.create(cluster.clients);
      int port = node.port();
      var closing = node.close();
      // While it closes (its members have a moment to get their close frames), it is not ready.
      var ready = web.get(port, "127.0.0.1", "/ready").send();
      assertThat(member.awaitClosed()).as("close code").isEqualTo((short) Protocol.CLOSE_GOING_AWAY);
      assertThat(await(ready).statusCode()).as("/ready while stopping").isEqualTo(503);
      await(closing);
      cluster.nodes.remove(leaving);

      TableClient back = TableClient.join(cluster.clients, cluster.nodes.get(0).port(),
          cluster.token(cluster.members.get(0).get(0)), Device.ROOM, Map.of(stream, member.lastSeq(stream)));
      assertThat(back.call(new ProposalCommand.Propose(TableClient.id(), null, "After", "Text")))
          .isInstanceOf(Reply.Ack.class);
      Awaitility.await().atMost(TableClient.WAIT).until(() -> other.lastSeq(stream) == 6);
      assertThat(other.events(stream)).extracting(Push.Event::seq)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, 6).boxed().toList());
      assertThat(back.events(stream)).extracting(Push.Event::seq).containsExactly(6L);
    }
  }
}
