package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.ack;
import static org.tingsted.server.TableClient.error;
import static org.tingsted.server.TableClient.id;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.AgendaItem;
import org.tingsted.protocol.Ballot;
import org.tingsted.protocol.Choice;
import org.tingsted.protocol.ClusterCommand;
import org.tingsted.protocol.CommentKind;
import org.tingsted.protocol.ControlCommand;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.protocol.PhaseKind;
import org.tingsted.protocol.PlenaryCommand;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.VoteCommand;
import org.tingsted.protocol.VoteMethod;
import org.tingsted.protocol.VoteParams;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.TablePlace;

/** The demo assembly's whole day, run over the protocol by its facilitators and members. */
@DisplayName("The demo assembly's day")
class DemoDayTest {

  @Test
  @DisplayName("runs from welcome to the published report: phases, an elapsing timer, proposals, comments, clusters, a table vote, the plenary and its final vote")
  void wholeDay() throws Exception {
    TingstedNode node = LiveAssembly.await(TingstedNode.start(Settings.forTest("demo-" + UUID.randomUUID())));
    Vertx clients = Vertx.vertx();
    try {
      Assembly demo = LiveAssembly.await(Demo.create(node.roster()));
      var tables = demo.sessions().get(0).tables();
      Member lead = demo.members().values().stream().filter(m -> m.role() == Role.LEAD_FACILITATOR).findFirst().orElseThrow();
      var facilitators = new ArrayList<Member>();
      var members = new ArrayList<List<Member>>();
      for (TablePlace t : tables) {
        facilitators.add(demo.seatedAt(t.id()).stream().filter(m -> m.role() == Role.FACILITATOR).findFirst().orElseThrow());
        members.add(demo.seatedAt(t.id()).stream().filter(m -> m.role() == Role.MEMBER).toList());
      }
      TableClient anne = TableClient.join(clients, node.port(), LiveAssembly.sessionOf(node, demo.id(), lead.id()));
      var facilitating = new ArrayList<TableClient>();
      var first = new ArrayList<TableClient>();
      for (int t = 0; t < 3; t++) {
        facilitating.add(TableClient.join(clients, node.port(), LiveAssembly.sessionOf(node, demo.id(), facilitators.get(t).id())));
        first.add(TableClient.join(clients, node.port(), LiveAssembly.sessionOf(node, demo.id(), members.get(t).get(0).id())));
      }

      ack(anne.call(new ControlCommand.SetAgenda(id(), List.of(
          AgendaItem.of(PhaseKind.WELCOME, "Velkommen", 0),
          new AgendaItem(PhaseKind.PROPOSE, "Forslag", 2, true),
          AgendaItem.of(PhaseKind.DISCUSS, "Drøftelse", 0),
          AgendaItem.of(PhaseKind.CLUSTER, "Gruppering", 0),
          AgendaItem.of(PhaseKind.RANK, "Prioritering", 0),
          AgendaItem.of(PhaseKind.PLENARY, "Plenum", 0),
          AgendaItem.of(PhaseKind.REPORT, "Rapport", 0)))));
      ack(anne.call(new ControlCommand.StartAgenda(id())));
      ack(anne.call(new ControlCommand.AdvancePhase(id())));

      var proposals = new ArrayList<String>();
      for (int t = 0; t < 3; t++) {
        proposals.add(first.get(t).proposalOf(ack(first.get(t).call(
            new ProposalCommand.Propose(id(), null, "Forslag fra bord " + (t + 1), "Tekst " + (t + 1))))));
      }
      // The propose phase has two seconds and advances by itself.
      first.get(0).await(m -> m instanceof Push.Event e && e.kind().equals("phaseChanged")
          && "discuss".equals(e.data().path("phase").asText()));
      assertThat(error(first.get(0).call(new ProposalCommand.Propose(id(), null, "For sent", "…"))).code())
          .isEqualTo(ErrorCode.PHASE_CLOSED);
      for (int t = 0; t < 3; t++) {
        ack(first.get(t).call(new ProposalCommand.Comment(id(), null, proposals.get(t), CommentKind.SUPPORT, "Godt", null)));
      }
      ack(anne.call(new ControlCommand.AdvancePhase(id())));
      ack(first.get(0).call(new ClusterCommand.CreateCluster(id(), null, "Grønt", List.of(proposals.get(0)))));
      ack(anne.call(new ControlCommand.AdvancePhase(id())));

      ack(facilitating.get(0).call(new VoteCommand.OpenVote(id(), null, VoteMethod.DOTS, List.of(proposals.get(0)), new VoteParams(3, 3))));
      for (Member m : members.get(0)) {
        try (TableClient voter = TableClient.join(clients, node.port(), LiveAssembly.sessionOf(node, demo.id(), m.id()))) {
          ack(voter.call(new VoteCommand.CastBallot(id(), null, "v1", Ballot.dots(Map.of(proposals.get(0), 2)))));
        }
      }
      ack(facilitating.get(0).call(new VoteCommand.CloseVote(id(), null, "v1")));
      ack(facilitating.get(0).call(new VoteCommand.PublishResult(id(), null, "v1")));
      Push.Event published = (Push.Event) first.get(0).await(m -> m instanceof Push.Event e && e.kind().equals("resultPublished"));
      assertThat(published.data().at("/result/dots/totals/" + proposals.get(0)).asInt()).isEqualTo(12);

      ack(anne.call(new ControlCommand.AdvancePhase(id())));
      ack(anne.call(new PlenaryCommand.Promote(id(), tables.get(0).id(), proposals.get(0), null, null, null)));
      ack(anne.call(new PlenaryCommand.Promote(id(), tables.get(1).id(), proposals.get(1), null, null, null)));
      ack(anne.call(new PlenaryCommand.OpenFinalVote(id(), List.of("d1", "d2"), 0.6667)));
      int voted = 0;
      for (List<Member> seated : members) {
        for (Member m : seated) {
          try (TableClient voter = TableClient.join(clients, node.port(), LiveAssembly.sessionOf(node, demo.id(), m.id()))) {
            Choice onD2 = voted++ < 9 ? Choice.SUPPORT : Choice.OPPOSE;
            ack(voter.call(new PlenaryCommand.CastFinalBallot(id(), "f1", Map.of("d1", Choice.SUPPORT, "d2", onD2))));
          }
        }
      }
      ack(anne.call(new PlenaryCommand.CloseFinalVote(id(), "f1")));
      Push.Event result = (Push.Event) first.get(2).await(m -> m instanceof Push.Event e && e.kind().equals("finalVoteClosed"));
      assertThat(result.data().at("/result/electorate").asInt()).isEqualTo(18);
      assertThat(result.data().at("/result/drafts/0/adopted").asBoolean()).isTrue();
      assertThat(result.data().at("/result/drafts/1/share").asDouble()).isEqualTo(0.5);
      assertThat(result.data().at("/result/drafts/1/adopted").asBoolean()).isFalse();

      ack(anne.call(new ControlCommand.AdvancePhase(id())));
      ack(anne.call(new PlenaryCommand.PublishReport(id())));
      WebClient web = WebClient.create(clients);
      var report = web.get(node.port(), "127.0.0.1", "/reports/" + demo.id() + "?format=md").send()
          .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      assertThat(report.statusCode()).isEqualTo(200);
      assertThat(report.bodyAsString()).contains("Forslag fra bord 1", "Forslag fra bord 2", "Godt");
    } finally {
      LiveAssembly.await(clients.close());
      LiveAssembly.await(node.close());
    }
  }
}
