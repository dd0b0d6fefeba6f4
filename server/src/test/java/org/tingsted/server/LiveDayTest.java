package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.ack;
import static org.tingsted.server.TableClient.error;
import static org.tingsted.server.TableClient.id;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.AgendaItem;
import org.tingsted.protocol.Ballot;
import org.tingsted.protocol.ClientMessage;
import org.tingsted.protocol.ClusterCommand;
import org.tingsted.protocol.CommentKind;
import org.tingsted.protocol.ConnectionCommand;
import org.tingsted.protocol.ControlCommand;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.protocol.StreamId;
import org.tingsted.protocol.ModerationCommand;
import org.tingsted.protocol.PhaseKind;
import org.tingsted.protocol.PlenaryCommand;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.Reply;
import org.tingsted.protocol.SpeakingCommand;
import org.tingsted.protocol.TimerScope;
import org.tingsted.protocol.VoteCommand;
import org.tingsted.protocol.VoteMethod;
import org.tingsted.protocol.VoteParams;
import org.tingsted.server.roster.Member;

/** A scripted session day over real sockets: the facilitators steer, every tablet follows. */
@DisplayName("A session day steered by the facilitators")
class LiveDayTest {

  private LiveAssembly live;

  @BeforeEach
  void start() {
    live = LiveAssembly.start(2, 6);
  }

  @AfterEach
  void stop() throws Exception {
    live.close();
  }


  private static Push.Event event(TableClient client, String kind) {
    return (Push.Event) client.await(m -> m instanceof Push.Event e && e.kind().equals(kind));
  }

  private static Push.Event event(TableClient client, String kind, int nth) {
    client.await(m -> client.allEvents().stream().filter(e -> e.kind().equals(kind)).count() >= nth);
    return client.allEvents().stream().filter(e -> e.kind().equals(kind)).skip(nth - 1).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("The agenda runs through its phases; a phase timer elapses and advances the day; closed actions get phase_closed")
  void agendaWithTimersThatElapse() {
    List<Member> table1 = live.members.get(0);
    try (TableClient lead = live.join(live.lead);
         TableClient sofie = live.join(table1.get(0))) {
      ack(lead.call(new ControlCommand.SetAgenda(id(), List.of(
          AgendaItem.of(PhaseKind.WELCOME, "Velkommen", 0),
          new AgendaItem(PhaseKind.PROPOSE, "Forslag", 2, true),
          AgendaItem.of(PhaseKind.CLUSTER, "Gruppering", 0)))));
      ack(lead.call(new ControlCommand.StartAgenda(id())));
      assertThat(event(sofie, "phaseChanged").data().get("phase").asText()).isEqualTo("welcome");
      Reply early = sofie.call(new ProposalCommand.Propose(id(), null, "Too early", "Welcome phase"));
      assertThat(error(early).code()).isEqualTo(ErrorCode.PHASE_CLOSED);

      ack(lead.call(new ControlCommand.AdvancePhase(id())));
      Push.Event propose = event(sofie, "phaseChanged", 2);
      assertThat(propose.data().get("phase").asText()).isEqualTo("propose");
      Push.Event timer = event(sofie, "timerStarted");
      assertThat(timer.data().get("deadline").asLong() - timer.at()).isEqualTo(2000);
      ack(sofie.call(new ProposalCommand.Propose(id(), null, "Grønne gårde", "Træer")));

      Push.Event elapsed = (Push.Event) sofie.await(m -> m instanceof Push.Event e && e.kind().equals("timerElapsed"));
      assertThat(elapsed.by()).as("the server's clock, not a person").isNull();
      assertThat(elapsed.at()).isGreaterThanOrEqualTo(timer.data().get("deadline").asLong());
      Push.Event cluster = event(sofie, "phaseChanged", 3);
      assertThat(cluster.data().get("phase").asText()).as("auto-advanced").isEqualTo("cluster");
      assertThat(error(sofie.call(new ProposalCommand.Propose(id(), null, "Too late", "Cluster phase"))).code())
          .isEqualTo(ErrorCode.PHASE_CLOSED);
      ack(sofie.call(new ClusterCommand.CreateCluster(id(), null, "Grønt", null)));
    }
  }

  @Test
  @DisplayName("Timers start, pause, resume, extend and cancel, and two tablets that measured their clocks count down within 250 ms")
  void timersAndTheSharedCountdown() {
    try (TableClient lead = live.join(live.lead);
         TableClient a = live.join(live.members.get(0).get(0));
         TableClient b = live.join(live.members.get(1).get(0))) {
      ack(lead.call(new ControlCommand.StartTimer(id(), TimerScope.ROUND, 60, "Runde 1", null)));
      Push.Event started = event(a, "timerStarted");
      String timer = started.data().get("timer").asText();
      long deadline = started.data().get("deadline").asLong();

      long remainingA = remaining(a, deadline);
      long remainingB = remaining(b, deadline);
      assertThat(Math.abs(remainingA - remainingB)).as("screens agree").isLessThan(250);
      assertThat(remainingA).isBetween(55_000L, 60_000L);

      ack(lead.call(new ControlCommand.PauseTimer(id(), timer)));
      long left = event(b, "timerPaused").data().get("remainingMillis").asLong();
      assertThat(left).isBetween(50_000L, 60_000L);
      ack(lead.call(new ControlCommand.ExtendTimer(id(), timer, 120)));
      Push.Event extended = event(b, "timerExtended");
      assertThat(extended.data().get("remainingMillis").asLong()).as("extended by two minutes").isEqualTo(left + 120_000);
      ack(lead.call(new ControlCommand.ResumeTimer(id(), timer)));
      Push.Event resumed = event(b, "timerResumed");
      assertThat(resumed.data().get("deadline").asLong() - resumed.at()).isEqualTo(left + 120_000);
      ack(lead.call(new ControlCommand.CancelTimer(id(), timer)));
      event(a, "timerCancelled");
      assertThat(error(lead.call(new ControlCommand.PauseTimer(id(), timer))).code()).isEqualTo(ErrorCode.CONFLICT);
    }
  }

  /** What a tablet shows: the deadline less its own clock corrected by the best of a few clock exchanges. */
  private static long remaining(TableClient client, long deadline) {
    long bestRoundTrip = Long.MAX_VALUE;
    long offset = 0;
    for (int i = 0; i < 5; i++) {
      long sent = System.currentTimeMillis();
      var reply = (Reply.Clock) client.call(new ConnectionCommand.Clock(id(), sent));
      long back = System.currentTimeMillis();
      if (back - sent < bestRoundTrip) {
        bestRoundTrip = back - sent;
        offset = reply.serverTime() - (sent + bestRoundTrip / 2);
      }
    }
    return deadline - (System.currentTimeMillis() + offset);
  }

  @Test
  @DisplayName("The speaking queue: hands go up, the facilitator gives the floor and ends turns, and speaking time adds up")
  void speakingQueue() {
    List<Member> table1 = live.members.get(0);
    try (TableClient facilitator = live.join(live.facilitators.get(0));
         TableClient sofie = live.join(table1.get(0));
         TableClient mads = live.join(table1.get(1))) {
      ack(sofie.call(new SpeakingCommand.RaiseHand(id(), null)));
      ack(mads.call(new SpeakingCommand.RaiseHand(id(), null)));
      assertThat(error(mads.call(new SpeakingCommand.GiveFloor(id(), null, null))).code()).isEqualTo(ErrorCode.FORBIDDEN);
      ack(facilitator.call(new SpeakingCommand.GiveFloor(id(), null, null)));
      Push.Event given = event(mads, "floorGiven");
      assertThat(given.data().get("member").asText()).isEqualTo(table1.get(0).id());
      ack(sofie.call(new SpeakingCommand.EndTurn(id(), null)));
      Push.Event ended = event(mads, "turnEnded");
      assertThat(ended.data().get("member").asText()).isEqualTo(table1.get(0).id());
      assertThat(ended.data().get("millis").asLong()).as("the turn lasted from the floor being given to its end, on the server's clock")
          .isEqualTo(ended.at() - given.data().get("at").asLong());
      ack(facilitator.call(new SpeakingCommand.GiveFloor(id(), null, table1.get(1).id())));
      ack(facilitator.call(new SpeakingCommand.EndTurn(id(), null)));
      ack(sofie.call(new SpeakingCommand.RaiseHand(id(), null)));
      ack(facilitator.call(new SpeakingCommand.FavourLeastHeard(id(), null)));
      event(sofie, "queueReordered");
    }
  }

  @Test
  @DisplayName("A vote is opened, voted, closed and published: members see the result only once it is published")
  void voteClosedThenPublished() {
    List<Member> table1 = live.members.get(0);
    try (TableClient facilitator = live.join(live.facilitators.get(0));
         TableClient sofie = live.join(table1.get(0))) {
      String p1 = sofie.proposalOf(ack(sofie.call(new ProposalCommand.Propose(id(), null, "Parker", "Flere"))));
      ack(facilitator.call(new VoteCommand.OpenVote(id(), null, VoteMethod.DOTS, List.of(p1), new VoteParams(2, 2))));
      ack(sofie.call(new VoteCommand.CastBallot(id(), null, "v1", Ballot.dots(Map.of(p1, 2)))));
      ack(facilitator.call(new VoteCommand.CloseVote(id(), null, "v1")));
      assertThat(event(facilitator, "voteClosed").data().has("result")).as("facilitators see it at once").isTrue();
      assertThat(event(sofie, "voteClosed").data().has("result")).as("members wait for publication").isFalse();
      ack(facilitator.call(new VoteCommand.PublishResult(id(), null, "v1")));
      assertThat(event(sofie, "resultPublished").data().at("/result/dots/totals/" + p1).asInt()).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("A member moved to another table mid-phase follows without reconnecting; their earlier work stays where it was made")
  void memberMovedBetweenTables() {
    Member sofie = live.members.get(0).get(0);
    try (TableClient lead = live.join(live.lead);
         TableClient tablet = live.join(sofie);
         TableClient stays = live.join(live.members.get(0).get(1));
         TableClient there = live.join(live.members.get(1).get(0))) {
      ack(lead.call(new ControlCommand.SetAgenda(id(), List.of(AgendaItem.of(PhaseKind.PROPOSE, "Forslag", 0)))));
      ack(lead.call(new ControlCommand.StartAgenda(id())));
      ack(tablet.call(new ProposalCommand.Propose(id(), null, "At table 1", "Before the move")));
      ack(tablet.call(new SpeakingCommand.RaiseHand(id(), null)));
      ack(lead.call(new ControlCommand.MoveMember(id(), sofie.id(), live.table(1))));
      Push.Event lowered = event(stays, "handLowered");
      assertThat(lowered.data().get("member").asText()).as("no longer waits at the old table").isEqualTo(sofie.id());
      Push.Event moved = event(tablet, "memberMoved");
      assertThat(moved.data().get("to").asText()).isEqualTo(live.table(1));
      tablet.await(m -> m instanceof Push.Snapshot s && s.stream().equals(live.stream(1)));
      there.await(m -> m instanceof Push.Presence p && p.table().equals(live.table(1))
          && p.members().stream().anyMatch(x -> x.id().equals(sofie.id()) && x.online()));

      Reply.Ack atNewTable = ack(tablet.call(new ProposalCommand.Propose(id(), null, "At table 2", "After the move")));
      assertThat(atNewTable.stream()).isEqualTo(live.stream(1));
      assertThat(there.awaitEvents(live.stream(1), 1).get(0).data().get("title").asText()).isEqualTo("At table 2");
      assertThat(stays.events(live.stream(0))).filteredOn(e -> e.kind().equals("proposed"))
          .extracting(e -> e.data().get("title").asText()).containsExactly("At table 1");
      assertThat(error(tablet.call(new ProposalCommand.Propose(id(), live.table(0), "Back?", "No"))).code())
          .isEqualTo(ErrorCode.FORBIDDEN);
    }
  }

  @Test
  @DisplayName("A comment hidden by the facilitator vanishes for members, is kept in the record with who and why, and comes back when restored")
  void commentHiddenAndRestored() {
    List<Member> table1 = live.members.get(0);
    try (TableClient facilitator = live.join(live.facilitators.get(0));
         TableClient sofie = live.join(table1.get(0))) {
      String p1 = sofie.proposalOf(ack(sofie.call(new ProposalCommand.Propose(id(), null, "Cykelstier", "Bredere"))));
      Reply.Ack commented = ack(sofie.call(new ProposalCommand.Comment(id(), null, p1, CommentKind.OTHER, "Off topic", null)));
      String comment = ((Push.Event) sofie.await(m -> m instanceof Push.Event e && e.seq() == commented.seq())).data().get("comment").asText();
      ack(facilitator.call(new ModerationCommand.Hide(id(), null, comment, "off topic")));
      Push.Event hidden = event(facilitator, "itemHidden");
      assertThat(hidden.data().get("reason").asText()).isEqualTo("off topic");
      assertThat(hidden.data().get("by").asText()).isEqualTo(live.facilitators.get(0).id());
      try (TableClient later = live.join(table1.get(1))) {
        var snapshot = (Push.Snapshot) later.await(m -> m instanceof Push.Snapshot s && s.stream().equals(live.stream(0)));
        assertThat(snapshot.state().get("comments").has(comment)).isFalse();
      }
      ack(facilitator.call(new ModerationCommand.Restore(id(), null, comment, "on reflection fine")));
      event(sofie, "itemRestored");
      try (TableClient later = live.join(table1.get(2))) {
        var snapshot = (Push.Snapshot) later.await(m -> m instanceof Push.Snapshot s && s.stream().equals(live.stream(0)));
        assertThat(snapshot.state().get("comments").has(comment)).isTrue();
      }
    }
  }

  @Test
  @DisplayName("Every control and plenary command sent by a role that may not send it gets forbidden")
  void controlCommandsAreAuthorised() {
    String otherTable = live.table(1);
    List<ClientMessage> leadOnly = List.of(
        new ControlCommand.SetAgenda(id(), List.of(AgendaItem.of(PhaseKind.PROPOSE, "Forslag", 0))),
        new ControlCommand.StartAgenda(id()),
        new ControlCommand.AdvancePhase(id()),
        new ControlCommand.GoBackPhase(id()),
        new ControlCommand.StartTimer(id(), TimerScope.PHASE, 60, null, null),
        new ControlCommand.Announce(id(), "Kaffepause", List.of()),
        new ControlCommand.MoveMember(id(), live.members.get(0).get(0).id(), otherTable),
        new ControlCommand.SetTablePhase(id(), otherTable, PhaseKind.CLUSTER),
        new ControlCommand.StartTimer(id(), TimerScope.ROUND, 60, null, otherTable));
    List<ClientMessage> facilitatorOfTable = List.of(
        new SpeakingCommand.GiveFloor(id(), null, null),
        new SpeakingCommand.ReorderQueue(id(), null, List.of(live.members.get(0).get(1).id())),
        new SpeakingCommand.FavourLeastHeard(id(), null),
        new SpeakingCommand.LowerHand(id(), null, live.members.get(0).get(1).id()),
        new VoteCommand.OpenVote(id(), null, VoteMethod.SCALE, List.of("p1"), null),
        new VoteCommand.CloseVote(id(), null, "v1"),
        new VoteCommand.PublishResult(id(), null, "v1"),
        new ModerationCommand.Hide(id(), null, "p1", "why"),
        new ModerationCommand.Restore(id(), null, "p1", "why"),
        new ControlCommand.StartTimer(id(), TimerScope.ROUND, 60, null, live.table(0)),
        new ControlCommand.SetTablePhase(id(), live.table(0), PhaseKind.CLUSTER));
    List<ClientMessage> plenaryLeadOnly = List.of(
        new PlenaryCommand.Promote(id(), live.table(0), "p1", null, null, null),
        new PlenaryCommand.EditDraft(id(), "d1", 1, "New title", null),
        new PlenaryCommand.MergeDrafts(id(), "d1", "d2", null, null),
        new PlenaryCommand.WithdrawDraft(id(), "d1", "why"),
        new PlenaryCommand.OpenFinalVote(id(), List.of("d1"), 0.5),
        new PlenaryCommand.CloseFinalVote(id(), "f1"),
        new PlenaryCommand.PublishReport(id()),
        new PlenaryCommand.UnpublishReport(id()));
    var refusals = new ArrayList<String>();
    List<StreamId> streams = List.of(StreamId.session(live.session.id()), StreamId.table(live.table(0)),
        StreamId.table(otherTable));
    List<Long> before = seqs(streams);
    try (TableClient member = live.join(live.members.get(0).get(0));
         TableClient facilitator = live.join(live.facilitators.get(0));
         TableClient observer = live.join(live.observer)) {
      for (ClientMessage command : leadOnly) {
        check(member, command, refusals, "member");
        check(facilitator, command, refusals, "table facilitator");
        check(observer, command, refusals, "observer");
      }
      for (ClientMessage command : facilitatorOfTable) {
        check(member, command, refusals, "member");
        check(observer, command, refusals, "observer");
      }
      for (ClientMessage command : plenaryLeadOnly) {
        check(member, command, refusals, "member");
        check(facilitator, command, refusals, "table facilitator");
        check(observer, command, refusals, "observer");
      }
      var ballot = new PlenaryCommand.CastFinalBallot(id(), "f1", Map.of("d1", org.tingsted.protocol.Choice.SUPPORT));
      check(facilitator, ballot, refusals, "table facilitator");
      check(observer, ballot, refusals, "observer");
    }
    assertThat(refusals).as("commands that were not refused with forbidden").isEmpty();
    assertThat(seqs(streams)).as("the session's and the tables' streams after the refusals: no event was added")
        .isEqualTo(before);
  }

  private List<Long> seqs(List<StreamId> streams) {
    var seqs = new ArrayList<Long>();
    for (StreamId stream : streams) {
      try {
        seqs.add(LiveAssembly.await(live.node.streams().seq(stream)));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    return seqs;
  }

  private static void check(TableClient client, ClientMessage command, List<String> refusals, String role) {
    ClientMessage fresh = withFreshId(command);
    Reply reply = client.call(fresh);
    if (!(reply instanceof Reply.Error e) || e.code() != ErrorCode.FORBIDDEN) {
      refusals.add(role + ": " + command.getClass().getSimpleName() + " → " + reply);
    }
  }

  /** The same command under a new id, so that each try is decided afresh. */
  private static ClientMessage withFreshId(ClientMessage command) {
    var codec = new org.tingsted.protocol.ProtocolCodec();
    try {
      var tree = (com.fasterxml.jackson.databind.node.ObjectNode) codec.mapper().readTree(codec.encode(command));
      tree.put("id", id());
      return codec.decodeClient(tree.toString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  @DisplayName("The lead facilitator's console shows each table's phase, presence, hands and vote progress")
  void console() {
    List<Member> table1 = live.members.get(0);
    try (TableClient lead = live.join(live.lead);
         TableClient facilitator = live.join(live.facilitators.get(0));
         TableClient sofie = live.join(table1.get(0));
         TableClient mads = TableClient.join(live.clients, live.node.port(), live.token(table1.get(1)),
             org.tingsted.protocol.Device.REMOTE, null)) {
      ack(lead.call(new ControlCommand.SetAgenda(id(), List.of(AgendaItem.of(PhaseKind.PROPOSE, "Forslag", 600)))));
      ack(lead.call(new ControlCommand.StartAgenda(id())));
      ack(sofie.call(new SpeakingCommand.RaiseHand(id(), null)));
      String p1 = sofie.proposalOf(ack(sofie.call(new ProposalCommand.Propose(id(), null, "Parker", "Flere"))));
      ack(facilitator.call(new VoteCommand.OpenVote(id(), null, VoteMethod.SCALE, List.of(p1), null)));
      ack(mads.call(new VoteCommand.CastBallot(id(), null, "v1", Ballot.scale(Map.of(p1, 4)))));
      var console = (Push.Console) lead.await(m -> m instanceof Push.Console c
          && c.tables().get(0).hands() == 1 && c.tables().get(0).votes().size() == 1
          && c.tables().get(0).votes().get(0).ballots() == 1 && c.tables().get(0).remote() == 1);
      var table = console.tables().get(0);
      assertThat(console.phase().phase()).isEqualTo(PhaseKind.PROPOSE);
      assertThat(table.phase()).isEqualTo(PhaseKind.PROPOSE);
      assertThat(table.proposals()).isEqualTo(1);
      assertThat(table.members()).isEqualTo(6);
      assertThat(table.online()).as("sofie and mads; the facilitator is not a member").isGreaterThanOrEqualTo(2);
      assertThat(table.inRoom()).isGreaterThanOrEqualTo(1);
      assertThat(table.votes().get(0).electorate()).isEqualTo(6);
      assertThat(sofie.received()).noneMatch(m -> m instanceof Push.Console);
    }
  }

  @Test
  @DisplayName("A table facilitator who runs two tables reads both, steers both, and sees both in the console with the fairness indicator")
  void facilitatorOfTwoTables() throws Exception {
    Member both = LiveAssembly.await(live.node.roster().addMember(live.assembly.id(), "Runs two", org.tingsted.server.deliberation.Role.FACILITATOR,
        null, live.table(0), List.of(live.table(1))));
    Member atSecond = live.members.get(1).get(0);
    try (TableClient facilitator = TableClient.join(live.clients, live.node.port(), LiveAssembly.sessionOf(live.node, live.assembly.id(), both.id()));
         TableClient member = live.join(atSecond)) {
      assertThat(facilitator.welcome().streams()).containsKeys(live.stream(0), live.stream(1));
      ack(member.call(new SpeakingCommand.RaiseHand(id(), null)));
      ack(facilitator.call(new SpeakingCommand.GiveFloor(id(), live.table(1), null)));
      ack(facilitator.call(new SpeakingCommand.EndTurn(id(), live.table(1))));
      ack(facilitator.call(new ControlCommand.StartTimer(id(), TimerScope.SPEAKER, 90, "Taletid", live.table(1))));
      var console = (Push.Console) facilitator.await(m -> m instanceof Push.Console c && c.tables().size() == 2
          && c.tables().get(1).fairness() != null);
      assertThat(console.tables()).extracting(Push.Console.TableState::table).containsExactly(live.table(0), live.table(1));
      assertThat(console.tables().get(1).fairness().mostHeard()).isEqualTo(atSecond.id());
      assertThat(console.tables().get(1).fairness().mostHeardShare()).isEqualTo(1.0);
      assertThat(console.tables().get(1).fairness().leastHeardShare()).isEqualTo(0.0);
      assertThat(member.received()).noneMatch(m -> m instanceof Push.Console);
    }
  }

  @Test
  @DisplayName("A facilitator attaches a video-call link to the table; remote members get it live and in the snapshot")
  void videoLink() {
    try (TableClient facilitator = live.join(live.facilitators.get(0));
         TableClient remote = TableClient.join(live.clients, live.node.port(), live.token(live.members.get(0).get(0)),
             org.tingsted.protocol.Device.REMOTE, null)) {
      assertThat(error(remote.call(new org.tingsted.protocol.SettingCommand.SetVideoLink(id(), null, "https://meet.example.org/x"))).code())
          .isEqualTo(ErrorCode.FORBIDDEN);
      ack(facilitator.call(new org.tingsted.protocol.SettingCommand.SetVideoLink(id(), null, "https://meet.example.org/bord-1")));
      assertThat(event(remote, "videoLinkSet").data().get("url").asText()).isEqualTo("https://meet.example.org/bord-1");
      try (TableClient later = live.join(live.members.get(0).get(1))) {
        var snapshot = (Push.Snapshot) later.await(m -> m instanceof Push.Snapshot sn && sn.stream().equals(live.stream(0)));
        assertThat(snapshot.state().get("videoLink").asText()).isEqualTo("https://meet.example.org/bord-1");
      }
    }
  }

  @Test
  @DisplayName("Announcements reach the tables they are meant for")
  void announcements() {
    try (TableClient lead = live.join(live.lead);
         TableClient a = live.join(live.members.get(0).get(0));
         TableClient b = live.join(live.members.get(1).get(0))) {
      ack(lead.call(new ControlCommand.Announce(id(), "Bord 2: kom til plenum", List.of(live.table(1)))));
      ack(lead.call(new ControlCommand.Announce(id(), "Alle: frokost", List.of())));
      assertThat(event(b, "announced").data().get("text").asText()).isEqualTo("Bord 2: kom til plenum");
      assertThat(event(a, "announced").data().get("text").asText()).isEqualTo("Alle: frokost");
      event(b, "announced", 2);
      assertThat(a.allEvents()).filteredOn(e -> e.kind().equals("announced")).hasSize(1);
    }
  }

}
