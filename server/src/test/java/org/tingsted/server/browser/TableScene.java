package org.tingsted.server.browser;

import static org.tingsted.server.TableClient.ack;
import static org.tingsted.server.TableClient.id;

import java.util.List;
import org.tingsted.protocol.ClusterCommand;
import org.tingsted.protocol.CommentKind;
import org.tingsted.protocol.ControlCommand;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.SpeakingCommand;
import org.tingsted.protocol.TimerScope;
import org.tingsted.protocol.VoteCommand;
import org.tingsted.protocol.VoteMethod;
import org.tingsted.protocol.VoteParams;
import org.tingsted.server.LiveAssembly;
import org.tingsted.server.TableClient;

/**
 * A table in the middle of its work, set up over the protocol (Java sockets) so that the
 * screens have something on them: proposals, comments, a cluster, a raised hand, a running
 * round timer, an announcement and an open dots vote.
 */
final class TableScene {

  private TableScene() {
  }

  static void setUp(LiveAssembly live) {
    String table = live.table(0);
    try (TableClient anna = live.join(live.members.get(0).get(0));
         TableClient bo = live.join(live.members.get(0).get(1));
         TableClient facilitator = live.join(live.facilitators.get(0));
         TableClient lead = live.join(live.lead)) {
      String benches = anna.proposalOf(ack(anna.call(new ProposalCommand.Propose(id(), null,
          "Flere bænke i byrummet", "Bænke ved alle busstoppesteder, så ældre kan hvile sig."))));
      String yards = bo.proposalOf(ack(bo.call(new ProposalCommand.Propose(id(), null,
          "Grønne gårde", "Gør baggårdene grønne og åbne for naboerne om aftenen."))));
      String bikes = anna.proposalOf(ack(anna.call(new ProposalCommand.Propose(id(), null,
          "Cykelparkering ved skolerne", "Overdækket cykelparkering ved alle folkeskoler."))));
      ack(bo.call(new ProposalCommand.Comment(id(), null, benches, CommentKind.SUPPORT, "Godt for de ældre.", null)));
      ack(anna.call(new ProposalCommand.Comment(id(), null, yards, CommentKind.QUESTION, "Hvem passer planterne?", null)));
      ack(bo.call(new ClusterCommand.CreateCluster(id(), null, "Byrum", List.of(benches, yards))));
      ack(bo.call(new SpeakingCommand.RaiseHand(id(), null)));
      ack(facilitator.call(new ControlCommand.StartTimer(id(), TimerScope.ROUND, 900, "Runde 1", table)));
      ack(lead.call(new ControlCommand.Announce(id(), "Pause kl. 11.30 – der er kaffe i foyeren.", null)));
      ack(facilitator.call(new VoteCommand.OpenVote(id(), null, VoteMethod.DOTS, List.of(benches, yards, bikes),
          new VoteParams(5, 3))));
    }
  }
}
