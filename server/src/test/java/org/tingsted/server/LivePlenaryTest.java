package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.ack;
import static org.tingsted.server.TableClient.error;
import static org.tingsted.server.TableClient.id;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.Choice;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.protocol.PlenaryCommand;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.Reply;
import org.tingsted.server.roster.Member;

@DisplayName("The plenary over real WebSockets")
class LivePlenaryTest {

  private LiveAssembly live;

  @BeforeEach
  void start() {
    live = LiveAssembly.start(2, 6);
  }

  @AfterEach
  void stop() throws Exception {
    live.close();
  }



  private static ErrorCode code(Reply reply) {
    return error(reply).code();
  }


  @Test
  @DisplayName("The lead facilitator promotes from two tables and merges; the members vote; the result is the share of all members against the threshold")
  void promoteMergeAndVote() {
    String session = "session:" + live.session.id();
    List<Member> table1 = live.members.get(0);
    List<Member> table2 = live.members.get(1);
    try (TableClient lead = live.join(live.lead);
         TableClient a = live.join(table1.get(0));
         TableClient b = live.join(table2.get(0))) {
      String p1 = a.proposalOf(ack(a.call(new ProposalCommand.Propose(id(), null, "Green courtyards", "Trees in every yard"))));
      String p2 = b.proposalOf(ack(b.call(new ProposalCommand.Propose(id(), null, "Shade in courtyards", "Trees and benches"))));
      String p3 = b.proposalOf(ack(b.call(new ProposalCommand.Propose(id(), null, "Night buses", "Every 15 minutes"))));

      assertThat(code(a.call(new PlenaryCommand.Promote(id(), live.table(0), p1, null, null, null)))).isEqualTo(ErrorCode.FORBIDDEN);
      assertThat(code(lead.call(new PlenaryCommand.Promote(id(), live.table(0), "p404", null, null, null)))).isEqualTo(ErrorCode.NOT_FOUND);

      ack(lead.call(new PlenaryCommand.Promote(id(), live.table(0), p1, null, null, null)));
      ack(lead.call(new PlenaryCommand.Promote(id(), live.table(1), p2, null, null, null)));
      ack(lead.call(new PlenaryCommand.Promote(id(), live.table(1), p3, null, null, null)));
      Push.Event promoted = (Push.Event) a.await(m -> m instanceof Push.Event e && e.stream().equals(session) && e.seq() == 1);
      assertThat(promoted.kind()).isEqualTo("draftPromoted");
      assertThat(promoted.data().at("/sources/0/title").asText()).isEqualTo("Green courtyards");
      assertThat(promoted.data().at("/sources/0/table").asText()).isEqualTo(live.table(0));

      ack(lead.call(new PlenaryCommand.MergeDrafts(id(), "d2", "d1", "Green and shaded courtyards", null)));
      Push.Event merged = (Push.Event) b.await(m -> m instanceof Push.Event e && e.stream().equals(session) && e.kind().equals("draftsMerged"));
      assertThat(merged.data().get("sources")).hasSize(2);

      ack(lead.call(new PlenaryCommand.OpenFinalVote(id(), List.of("d1", "d3"), 0.5)));
      Push.Event opened = (Push.Event) a.await(m -> m instanceof Push.Event e && e.kind().equals("finalVoteOpened"));
      assertThat(opened.data().get("electorate").asInt()).as("every member of the session").isEqualTo(12);

      for (int i = 0; i < 6; i++) {
        Member voter = i < 3 ? table1.get(i) : table2.get(i - 3);
        try (TableClient tablet = live.join(voter)) {
          Choice onD3 = i < 2 ? Choice.SUPPORT : Choice.OPPOSE;
          ack(tablet.call(new PlenaryCommand.CastFinalBallot(id(), "f1", Map.of("d1", Choice.SUPPORT, "d3", onD3))));
        }
      }
      assertThat(code(lead.call(new PlenaryCommand.CastFinalBallot(id(), "f1", Map.of("d1", Choice.SUPPORT)))))
          .as("facilitators do not vote").isEqualTo(ErrorCode.FORBIDDEN);
      Push.Event cast = (Push.Event) b.await(m -> m instanceof Push.Event e && e.kind().equals("finalBallotCast")
          && e.data().get("ballots").asInt() == 6);
      assertThat(cast.data().has("choices")).as("others see only the count").isFalse();

      ack(lead.call(new PlenaryCommand.CloseFinalVote(id(), "f1")));
      Push.Event closed = (Push.Event) a.await(m -> m instanceof Push.Event e && e.kind().equals("finalVoteClosed"));
      var d1 = closed.data().at("/result/drafts/0");
      var d3 = closed.data().at("/result/drafts/1");
      assertThat(d1.get("support").asInt()).isEqualTo(6);
      assertThat(d1.get("share").asDouble()).isEqualTo(0.5);
      assertThat(d1.get("adopted").asBoolean()).isTrue();
      assertThat(d3.get("support").asInt()).isEqualTo(2);
      assertThat(d3.get("oppose").asInt()).isEqualTo(4);
      assertThat(d3.get("adopted").asBoolean()).isFalse();

      ack(lead.call(new PlenaryCommand.PublishReport(id())));
      a.await(m -> m instanceof Push.Event e && e.kind().equals("reportPublished"));
    }
  }
}
