package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.Protocol;
import org.tingsted.server.roster.Member;

@DisplayName("Revoking a link in a cluster")
class ClusterRevokeTest {

  @Test
  @DisplayName("A link reissued through one node closes the member's connections on the others with 4410, and the old session is refused on every node")
  void revokeReachesEveryNode() throws Exception {
    try (LiveCluster cluster = LiveCluster.start(2, 1, 2)) {
      Member sofie = cluster.members.get(0).get(0);
      WebClient first = WebClient.create(cluster.clients,
          new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(cluster.nodes.get(0).port()));
      WebClient second = WebClient.create(cluster.clients,
          new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(cluster.nodes.get(1).port()));
      String link = cluster.nodes.get(0).links().credentials().link(cluster.assembly.id(), sofie);
      // Exchanged at one node, used at the other: the nodes share the key and the roster.
      String session = LiveCredentialsTest.sessionFor(second, link);
      TableClient onSecond = TableClient.join(cluster.clients, cluster.nodes.get(1).port(), session);
      TableClient onFirst = TableClient.join(cluster.clients, cluster.nodes.get(0).port(), session);
      Member other = cluster.members.get(0).get(1);
      TableClient neighbour = cluster.join(other, 1);

      long before = System.nanoTime();
      HttpResponse<Buffer> r = LiveCredentialsTest.call(first,
          "/api/assemblies/" + cluster.assembly.id() + "/members/" + sofie.id() + "/reissue",
          AdminLogin.bearer(cluster.nodes.get(0)), null);
      assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
      String fresh = r.bodyAsJsonObject().getString("token");

      assertThat(onSecond.awaitClosed()).isEqualTo((short) Protocol.CLOSE_REVOKED);
      System.out.printf("REVOKE: the member's connection on the other node closed %d ms after the reissue was sent%n",
          (System.nanoTime() - before) / 1_000_000);
      assertThat(onFirst.awaitClosed()).isEqualTo((short) Protocol.CLOSE_REVOKED);
      assertThat(neighbour.isClosed()).as("nobody else is closed").isFalse();
      for (TingstedNode node : cluster.nodes) {
        TableClient stale = TableClient.open(cluster.clients, node.port());
        stale.send(new org.tingsted.protocol.ConnectionCommand.Hello("h1", session, org.tingsted.protocol.Device.ROOM, null));
        assertThat(stale.awaitClosed()).isEqualTo((short) Protocol.CLOSE_REVOKED);
      }
      JsonObject refused = LiveCredentialsTest.exchange(second, link).bodyAsJsonObject();
      assertThat(refused.getString("reason")).isEqualTo("revoked");
      TableClient.join(cluster.clients, cluster.nodes.get(1).port(), LiveCredentialsTest.sessionFor(second, fresh)).close();
      neighbour.close();
    }
  }
}
