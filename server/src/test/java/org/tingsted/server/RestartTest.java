package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.ack;
import static org.tingsted.server.TableClient.id;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.AgendaItem;
import org.tingsted.protocol.Choice;
import org.tingsted.protocol.ControlCommand;
import org.tingsted.protocol.Device;
import org.tingsted.protocol.PhaseKind;
import org.tingsted.protocol.PlenaryCommand;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.Reply;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.Roster;

/** A stop and a start on the same data folder: the session day goes on where it was. */
@DisplayName("A node restarted on the same data folder")
class RestartTest {

  @Test
  @DisplayName("keeps the session's agenda, drafts and open final vote, the join links, and answers a retried ballot with its original ack")
  void sessionStreamsSurviveARestart() throws Exception {
    Settings first = Settings.forTest("restart-" + UUID.randomUUID());
    Vertx clients = Vertx.vertx();
    String member;
    String lead;
    String session;
    var ballot = new PlenaryCommand.CastFinalBallot(id(), "f1", Map.of("d1", Choice.SUPPORT));
    Reply.Ack firstAck;
    TingstedNode node = LiveAssembly.await(TingstedNode.start(first));
    try {
      Roster roster = node.roster();
      Assembly a = LiveAssembly.await(roster.create("Restart", "?", List.of(new Roster.NewSession("Day", null, List.of("T1")))));
      String table = a.sessions().get(0).tables().get(0).id();
      Member m = LiveAssembly.await(roster.addMember(a.id(), "Sofie", Role.MEMBER, null, table));
      Member l = LiveAssembly.await(roster.addMember(a.id(), "Anne", Role.LEAD_FACILITATOR, a.sessions().get(0).id(), null));
      session = "session:" + a.sessions().get(0).id();
      member = LiveAssembly.sessionOf(node, a.id(), m.id());
      lead = LiveAssembly.sessionOf(node, a.id(), l.id());
      try (TableClient anne = TableClient.join(clients, node.port(), lead);
           TableClient sofie = TableClient.join(clients, node.port(), member)) {
        String p1 = sofie.proposalOf(ack(sofie.call(new ProposalCommand.Propose(id(), null, "Grønne gårde", "Træer"))));
        ack(anne.call(new ControlCommand.SetAgenda(id(), List.of(AgendaItem.of(PhaseKind.PLENARY, "Plenum", 0)))));
        ack(anne.call(new ControlCommand.StartAgenda(id())));
        ack(anne.call(new PlenaryCommand.Promote(id(), table, p1, null, null, null)));
        ack(anne.call(new PlenaryCommand.OpenFinalVote(id(), List.of("d1"), 0.5)));
        firstAck = ack(sofie.call(ballot));
      }
    } finally {
      LiveAssembly.await(node.close());
    }

    TingstedNode again = LiveAssembly.await(TingstedNode.start(first));
    try {
      try (TableClient sofie = TableClient.join(clients, again.port(), member, Device.ROOM, null)) {
        assertThat(sofie.welcome().streams().get(session)).isEqualTo(firstAck.seq());
        var snapshot = (Push.Snapshot) sofie.await(m -> m instanceof Push.Snapshot s && s.stream().equals(session));
        assertThat(snapshot.state().at("/agenda/0/title").asText()).isEqualTo("Plenum");
        assertThat(snapshot.state().get("phaseIndex").asInt()).isZero();
        assertThat(snapshot.state().at("/drafts/d1/title").asText()).isEqualTo("Grønne gårde");
        assertThat(snapshot.state().at("/finalVotes/f1/status").asText()).isEqualTo("open");
        assertThat(snapshot.state().at("/finalVotes/f1/ballotCount").asInt()).isEqualTo(1);
        assertThat(snapshot.state().at("/finalVotes/f1/ballots/" + snapshot.state().at("/finalVotes/f1/ballots").fieldNames().next() + "/d1").asText())
            .as("a member sees their own ballot").isEqualTo("support");
        assertThat(sofie.call(ballot)).as("the retried ballot").isEqualTo(firstAck);
      }
    } finally {
      LiveAssembly.await(again.close());
      LiveAssembly.await(clients.close());
    }
  }
}
