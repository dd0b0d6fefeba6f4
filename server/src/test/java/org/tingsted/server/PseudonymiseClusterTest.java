package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.ack;
import static org.tingsted.server.TableClient.error;
import static org.tingsted.server.TableClient.id;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.ConnectionCommand;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.protocol.Protocol;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.Push;
import org.tingsted.server.roster.Member;

/** Pseudonymisation through one node reaches the person and their table on every node. */
@DisplayName("Pseudonymising a member in a cluster")
class PseudonymiseClusterTest {

  @Test
  @DisplayName("Asked on one node, it closes the person's screens on another with 4401, refuses them there, and their table there shows the pseudonym")
  void acrossNodes() throws Exception {
    try (LiveCluster cluster = LiveCluster.start(2, 1, 2)) {
      Member sofie = cluster.members.get(0).get(0);
      Member mads = cluster.members.get(0).get(1);
      try (TableClient tablet = cluster.join(sofie, 1); TableClient neighbour = cluster.join(mads, 1)) {
        ack(tablet.call(new ProposalCommand.Propose(id(), null, "Grønne gårde", "Træer")));
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cluster.nodes.get(0).port()
                + "/api/assemblies/" + cluster.assembly.id() + "/members/" + sofie.id() + "/pseudonymise"))
            .header("Authorization", AdminLogin.bearer(cluster.nodes.get(0)))
            .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(tablet.awaitClosed()).isEqualTo((short) Protocol.CLOSE_UNAUTHORIZED);
        neighbour.await(m -> m instanceof Push.Presence p && p.members().stream()
            .anyMatch(x -> x.id().equals(sofie.id()) && x.name().equals("Medlem 1")));
      }
      TableClient again = TableClient.open(cluster.clients, cluster.nodes.get(1).port());
      String hello = id();
      again.send(new ConnectionCommand.Hello(hello, cluster.token(sofie), null, null));
      assertThat(error(again.replyWithin(hello, TableClient.WAIT)).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
      assertThat(again.awaitClosed()).isEqualTo((short) Protocol.CLOSE_UNAUTHORIZED);
    }
  }
}
