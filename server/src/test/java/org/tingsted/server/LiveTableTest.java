package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.ack;
import static org.tingsted.server.TableClient.error;
import static org.tingsted.server.TableClient.id;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.Ballot;
import org.tingsted.protocol.ClusterCommand;
import org.tingsted.protocol.CommentKind;
import org.tingsted.protocol.Device;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.Protocol;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.Reply;
import org.tingsted.protocol.ServerMessage;
import org.tingsted.protocol.VoteCommand;
import org.tingsted.protocol.VoteMethod;
import org.tingsted.protocol.VoteParams;
import org.tingsted.server.roster.Member;

@DisplayName("A live table session over real WebSockets")
class LiveTableTest {

  private LiveAssembly live;

  @BeforeEach
  void start() {
    live = LiveAssembly.start(2, 6);
  }

  @AfterEach
  void stop() throws Exception {
    live.close();
  }




  @Test
  @DisplayName("Two tables of six act at once: each member of a table sees the same events in the same order, no gap, and nothing from the other table")
  void twoTablesActConcurrently() throws Exception {
    List<List<TableClient>> tables = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      var clients = new ArrayList<TableClient>();
      for (Member m : live.members.get(t)) {
        clients.add(live.join(m));
      }
      tables.add(clients);
    }
    int perMember = 8;
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      var work = new ArrayList<Future<?>>();
      for (int t = 0; t < 2; t++) {
        for (TableClient client : tables.get(t)) {
          int table = t;
          work.add(pool.submit(() -> {
            for (int i = 0; i < perMember; i++) {
              Reply r = client.call(new ProposalCommand.Propose(id(), null, "Idea " + i + " at table " + table, "Text " + i));
              Reply.Ack a = ack(r);
              client.call(new ProposalCommand.Comment(id(), null, client.proposalOf(a), CommentKind.SUPPORT, "Yes", null));
            }
          }));
        }
      }
      for (Future<?> f : work) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    int expected = 6 * perMember * 2;
    for (int t = 0; t < 2; t++) {
      String stream = live.stream(t);
      List<Push.Event> reference = tables.get(t).get(0).awaitEvents(stream, expected);
      assertThat(reference).extracting(Push.Event::seq)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, expected).boxed().toList());
      for (TableClient client : tables.get(t)) {
        List<Push.Event> seen = client.awaitEvents(stream, expected);
        assertThat(seen).as("events seen by a member of table %d", t).isEqualTo(reference);
        assertThat(client.allEvents()).as("events of other streams").allMatch(e -> e.stream().equals(stream));
      }
    }
    tables.forEach(clients -> clients.forEach(TableClient::close));
  }


  @Test
  @DisplayName("A command retried after a reconnect is applied once and answered with the original ack")
  void retriedCommandIsAppliedOnce() {
    Member sofie = live.members.get(0).get(0);
    String commandId = id();
    var propose = new ProposalCommand.Propose(commandId, null, "Green courtyards", "More trees in courtyards");
    Reply.Ack first;
    try (TableClient tablet = live.join(sofie)) {
      first = ack(tablet.call(propose));
    }
    try (TableClient again = live.join(sofie)) {
      Reply.Ack retried = ack(again.call(propose));
      assertThat(retried).isEqualTo(first);
      Reply.Ack next = ack(again.call(new ProposalCommand.Propose(id(), null, "Another", "Text")));
      assertThat(next.seq()).isEqualTo(first.seq() + 1);
    }
    try (TableClient observer = live.join(live.members.get(0).get(1))) {
      var snapshot = (Push.Snapshot) observer.await(m -> m instanceof Push.Snapshot s && s.stream().startsWith("table:"));
      assertThat(snapshot.seq()).isEqualTo(2);
      assertThat(snapshot.state().get("proposals").size()).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("A member who reconnects with the last seq they saw receives exactly the events they missed")
  void resumeReceivesExactlyTheMissedEvents() {
    Member sofie = live.members.get(0).get(0);
    Member mads = live.members.get(0).get(1);
    String stream = live.stream(0);
    try (TableClient other = live.join(mads)) {
      long lastSeen;
      try (TableClient tablet = live.join(sofie)) {
        ack(tablet.call(new ProposalCommand.Propose(id(), null, "Before", "Seen")));
        tablet.awaitEvents(stream, 1);
        lastSeen = tablet.lastSeq(stream);
      }
      for (int i = 0; i < 5; i++) {
        ack(other.call(new ProposalCommand.Propose(id(), null, "Missed " + i, "While away")));
      }
      try (TableClient back = TableClient.join(live.clients, live.node.port(), live.token(sofie),
          Device.REMOTE, Map.of(stream, lastSeen))) {
        assertThat(back.welcome().streams()).containsEntry(stream, 6L);
        List<Push.Event> missed = back.awaitEvents(stream, 5);
        assertThat(missed).extracting(Push.Event::seq).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(missed).extracting(e -> e.data().get("title").asText())
            .containsExactly("Missed 0", "Missed 1", "Missed 2", "Missed 3", "Missed 4");
        ack(other.call(new ProposalCommand.Propose(id(), null, "Live again", "Now")));
        assertThat(back.awaitEvents(stream, 6)).extracting(Push.Event::seq).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(back.received()).noneMatch(m -> m instanceof Push.Snapshot s && s.stream().startsWith("table:"));
      }
    }
  }

  @Test
  @DisplayName("A member who resumes from a seq the stream never reached (a journal restored from a backup) gets a snapshot at once, and then every event")
  void resumeBeyondTheStreamGetsASnapshot() {
    Member sofie = live.members.get(0).get(0);
    Member mads = live.members.get(0).get(1);
    String stream = live.stream(0);
    try (TableClient other = live.join(mads)) {
      ack(other.call(new ProposalCommand.Propose(id(), null, "One", "Seq 1")));
      long asked = System.nanoTime();
      try (TableClient back = TableClient.join(live.clients, live.node.port(), live.token(sofie),
          Device.REMOTE, Map.of(stream, 3L))) {
        Push.Snapshot snapshot = (Push.Snapshot) back.await(m -> m instanceof Push.Snapshot s && s.stream().equals(stream));
        assertThat(snapshot.seq()).isEqualTo(1L);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("not after waiting for seq 3")
            .isLessThan(Duration.ofSeconds(5));
        for (String title : List.of("Two", "Three", "Four")) {
          ack(other.call(new ProposalCommand.Propose(id(), null, title, "Now")));
        }
        assertThat(back.awaitEvents(stream, 3)).extracting(Push.Event::seq).containsExactly(2L, 3L, 4L);
      }
    }
  }

  @Test
  @DisplayName("120 emoji are a 120-character title over the socket, as the protocol counts; 121 are too large")
  void emojiTitles() {
    String tree = "\uD83C\uDF33";
    try (TableClient anna = live.join(live.members.get(0).get(0))) {
      Reply.Ack ok = ack(anna.call(new ProposalCommand.Propose(id(), null, tree.repeat(120), tree.repeat(2000))));
      Push.Event proposed = (Push.Event) anna.await(m -> m instanceof Push.Event e && e.seq() == ok.seq());
      assertThat(proposed.data().get("title").asText()).isEqualTo(tree.repeat(120));
      // Past the Java client's own check, as any client could send it.
      anna.sendRaw("{\"type\":\"propose\",\"id\":\"long1\",\"title\":\"" + tree.repeat(121) + "\",\"text\":\"t\"}");
      Reply refused = anna.reply("long1");
      assertThat(refused).isInstanceOf(Reply.Error.class);
      assertThat(((Reply.Error) refused).code()).isEqualTo(ErrorCode.TOO_LARGE);
    }
  }

  @Test
  @DisplayName("A first connection gets a snapshot of the table as it is")
  void firstConnectGetsSnapshot() {
    try (TableClient a = live.join(live.members.get(0).get(0))) {
      ack(a.call(new ProposalCommand.Propose(id(), null, "Bike lanes", "Wider")));
    }
    try (TableClient b = live.join(live.members.get(0).get(1))) {
      var snapshot = (Push.Snapshot) b.await(m -> m instanceof Push.Snapshot s && s.stream().startsWith("table:"));
      assertThat(snapshot.stream()).isEqualTo(live.stream(0));
      assertThat(snapshot.seq()).isEqualTo(1);
      assertThat(snapshot.state().at("/proposals").elements().next().get("title").asText()).isEqualTo("Bike lanes");
    }
  }

  @Test
  @DisplayName("A member's facilitator-only command is refused with forbidden, and a facilitator's is accepted")
  void facilitatorCommandsAreRefusedToMembers() {
    try (TableClient member = live.join(live.members.get(0).get(0));
         TableClient facilitator = live.join(live.facilitators.get(0))) {
      Reply.Ack proposed = ack(member.call(new ProposalCommand.Propose(id(), null, "Parks", "More")));
      String proposal = member.proposalOf(proposed);
      var open = new VoteCommand.OpenVote(id(), null, VoteMethod.SCALE, List.of(proposal), null);
      assertThat(error(member.call(open)).code()).isEqualTo(ErrorCode.FORBIDDEN);
      assertThat(error(member.call(new VoteCommand.CloseVote(id(), null, "v1"))).code()).isEqualTo(ErrorCode.FORBIDDEN);
      assertThat(error(member.call(new org.tingsted.protocol.ModerationCommand.Hide(id(), null, proposal, "spam")))
          .code()).isEqualTo(ErrorCode.FORBIDDEN);
      ack(facilitator.call(new VoteCommand.OpenVote(id(), null, VoteMethod.SCALE, List.of(proposal), null)));
    }
  }

  @Test
  @DisplayName("A member cannot act at another table, even by naming it")
  void memberCannotActAtAnotherTable() {
    try (TableClient member = live.join(live.members.get(0).get(0))) {
      Reply reply = member.call(new ProposalCommand.Propose(id(), live.table(1), "Elsewhere", "Sneaky"));
      assertThat(error(reply).code()).isEqualTo(ErrorCode.FORBIDDEN);
    }
    try (TableClient other = live.join(live.members.get(1).get(0))) {
      var snapshot = (Push.Snapshot) other.await(m -> m instanceof Push.Snapshot s && s.stream().startsWith("table:"));
      assertThat(snapshot.seq()).isZero();
    }
  }

  @Test
  @DisplayName("Malformed, unknown and oversized frames get an error with a code, and the connection keeps working")
  void badFramesAreAnsweredNotObeyed() {
    try (TableClient member = live.join(live.members.get(0).get(0))) {
      member.sendRaw("{not json");
      assertThat(error((Reply) member.await(m -> m instanceof Reply.Error e && e.id() == null)).code())
          .isEqualTo(ErrorCode.INVALID);
      member.sendRaw("{\"type\":\"propose\",\"id\":\"x1\",\"title\":42}");
      assertThat(error(member.reply("x1")).code()).isEqualTo(ErrorCode.INVALID);
      member.sendRaw("{\"type\":\"teleport\",\"id\":\"x2\"}");
      assertThat(error(member.reply("x2")).code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
      member.sendRaw("{\"type\":\"propose\",\"id\":\"x3\",\"title\":\"" + "a".repeat(121) + "\",\"text\":\"t\"}");
      assertThat(error(member.reply("x3")).code()).isEqualTo(ErrorCode.TOO_LARGE);
      member.sendRaw("{\"type\":\"edit\",\"id\":\"x4\",\"proposal\":\"p404\",\"version\":1,\"title\":\"New\"}");
      assertThat(error(member.reply("x4")).code()).isEqualTo(ErrorCode.NOT_FOUND);
      Reply.Ack ok = ack(member.call(new ProposalCommand.Propose(id(), null, "Still here", "Works")));
      assertThat(ok.seq()).isEqualTo(1);
      assertThat(member.isClosed()).isFalse();
    }
  }

  @Test
  @DisplayName("An author editing with a stale version gets conflict; with the current one the edit lands")
  void staleEditIsAConflict() {
    try (TableClient member = live.join(live.members.get(0).get(0))) {
      String proposal = member.proposalOf(ack(member.call(new ProposalCommand.Propose(id(), null, "Draft", "v1"))));
      ack(member.call(new ProposalCommand.Edit(id(), null, proposal, 1, null, "v2")));
      Reply stale = member.call(new ProposalCommand.Edit(id(), null, proposal, 1, null, "v2 again"));
      assertThat(error(stale).code()).isEqualTo(ErrorCode.CONFLICT);
      ack(member.call(new ProposalCommand.Edit(id(), null, proposal, 2, null, "v3")));
    }
  }

  @Test
  @DisplayName("A join token that is forged or for nobody is refused with unauthorized and the socket closes with 4401")
  void badTokensAreRefused() {
    TableClient stranger = TableClient.open(live.clients, live.node.port());
    stranger.send(new org.tingsted.protocol.ConnectionCommand.Hello("h1", "forged.token", Device.ROOM, null));
    assertThat(error(stranger.reply("h1")).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(stranger.awaitClosed()).isEqualTo((short) Protocol.CLOSE_UNAUTHORIZED);

    String nobody = live.node.links().credentials().session(live.assembly.id(),
        new org.tingsted.server.roster.Member("mnobody", "Nobody", org.tingsted.server.deliberation.Role.MEMBER,
            live.session.id(), live.table(0))).credential();
    TableClient ghost = TableClient.open(live.clients, live.node.port());
    ghost.send(new org.tingsted.protocol.ConnectionCommand.Hello("h2", nobody, Device.ROOM, null));
    assertThat(error(ghost.reply("h2")).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(ghost.awaitClosed()).isEqualTo((short) Protocol.CLOSE_UNAUTHORIZED);
  }

  @Test
  @DisplayName("The upgrade is refused with 403 from a page of a foreign origin, and taken from this server's own pages and from apps that send no Origin")
  void foreignOriginsAreRefused() throws Exception {
    var client = live.clients.createWebSocketClient();
    java.util.function.Function<String, io.vertx.core.http.WebSocketConnectOptions> from = origin -> {
      var options = new io.vertx.core.http.WebSocketConnectOptions().setHost("127.0.0.1").setPort(live.node.port())
          .setURI("/ws").addSubProtocol(Protocol.SUBPROTOCOL);
      return origin == null ? options : options.addHeader("Origin", origin);
    };
    for (String foreign : List.of("https://evil.example", "null", "http://127.0.0.1:1")) {
      var refused = client.connect(from.apply(foreign)).toCompletionStage().toCompletableFuture();
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> refused.get(10, java.util.concurrent.TimeUnit.SECONDS)))
          .as(foreign).isNotNull().hasMessageContaining("403");
    }
    for (String own : java.util.Arrays.asList("http://127.0.0.1:" + live.node.port(), null)) {
      var socket = client.connect(from.apply(own)).toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
      socket.close();
    }
    client.close();
  }

  @Test
  @DisplayName("A hello without a token, with an empty one, or with a valid token spelt another way is refused with unauthorized and 4401, so a cut link sends the person back")
  void missingEmptyAndNonCanonicalTokens() {
    String valid = live.token(live.members.get(0).get(0));
    String padded = valid.substring(0, valid.indexOf('.')) + "=" + valid.substring(valid.indexOf('.'));
    for (String frame : List.of("{\"type\":\"hello\",\"id\":\"h3\"}",
        "{\"type\":\"hello\",\"id\":\"h3\",\"token\":\"\"}",
        "{\"type\":\"hello\",\"id\":\"h3\",\"token\":\"   \"}",
        "{\"type\":\"hello\",\"id\":\"h3\",\"token\":\"" + padded + "\"}")) {
      TableClient c = TableClient.open(live.clients, live.node.port());
      c.sendRaw(frame);
      assertThat(error(c.reply("h3")).code()).as(frame).isEqualTo(ErrorCode.UNAUTHORIZED);
      assertThat(c.awaitClosed()).as(frame).isEqualTo((short) Protocol.CLOSE_UNAUTHORIZED);
    }
    live.join(live.members.get(0).get(0)).close();
  }

  @Test
  @DisplayName("A command before hello is refused with unauthorized")
  void commandBeforeHelloIsRefused() {
    try (TableClient early = TableClient.open(live.clients, live.node.port())) {
      Reply reply = early.call(new ProposalCommand.Propose(id(), null, "Too early", "No hello"));
      assertThat(error(reply).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    }
  }

  @Test
  @DisplayName("A binary frame breaks the protocol: the socket closes with 4400")
  void binaryFrameClosesTheSocket() {
    TableClient member = live.join(live.members.get(0).get(0));
    member.sendBinary(new byte[] {1, 2, 3});
    assertThat(member.awaitClosed()).isEqualTo((short) Protocol.CLOSE_PROTOCOL_VIOLATION);
  }

  @Test
  @DisplayName("Presence tells the table who is connected, in the room or remote")
  void presenceShowsWhoIsHere() {
    Member sofie = live.members.get(0).get(0);
    Member mads = live.members.get(0).get(1);
    try (TableClient a = live.join(sofie);
         TableClient b = TableClient.join(live.clients, live.node.port(), live.token(mads), Device.REMOTE, null)) {
      ServerMessage seen = a.await(m -> m instanceof Push.Presence p
          && p.members().stream().anyMatch(x -> x.id().equals(mads.id()) && x.online() && x.device() == Device.REMOTE)
          && p.members().stream().anyMatch(x -> x.id().equals(sofie.id()) && x.online() && x.device() == Device.ROOM));
      var presence = (Push.Presence) seen;
      assertThat(presence.table()).isEqualTo(live.table(0));
      assertThat(presence.members()).hasSize(7);
      assertThat(presence.members()).filteredOn(x -> !x.online()).hasSize(5);
      b.close();
      a.await(m -> m instanceof Push.Presence p
          && p.members().stream().anyMatch(x -> x.id().equals(mads.id()) && !x.online()));
    }
  }

  @Test
  @DisplayName("A dot vote opened without params, or with dots alone, gets the documented defaults: 5 dots and at most 3 on one item, never more than the dots")
  void dotVoteDefaults() {
    try (TableClient facilitator = live.join(live.facilitators.get(0)); TableClient sofie = live.join(live.members.get(0).get(0))) {
      String p1 = sofie.proposalOf(ack(sofie.call(new ProposalCommand.Propose(id(), null, "Trees", "Plant"))));
      Reply.Ack plain = ack(facilitator.call(new VoteCommand.OpenVote(id(), null, VoteMethod.DOTS, List.of(p1), null)));
      Push.Event opened = (Push.Event) facilitator.await(m -> m instanceof Push.Event e && e.seq() == plain.seq());
      assertThat(opened.data().get("dotsPerMember").asInt()).isEqualTo(5);
      assertThat(opened.data().get("capPerItem").asInt()).isEqualTo(3);
      Reply.Ack two = ack(facilitator.call(new VoteCommand.OpenVote(id(), null, VoteMethod.DOTS, List.of(p1), new VoteParams(2, null))));
      Push.Event small = (Push.Event) facilitator.await(m -> m instanceof Push.Event e && e.seq() == two.seq());
      assertThat(small.data().get("dotsPerMember").asInt()).isEqualTo(2);
      assertThat(small.data().get("capPerItem").asInt()).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("A dots vote: members see how many voted but not what, until the facilitator closes it and the result comes")
  void dotsVoteOverTheWire() {
    List<Member> seated = live.members.get(0);
    try (TableClient facilitator = live.join(live.facilitators.get(0));
         TableClient sofie = live.join(seated.get(0));
         TableClient mads = live.join(seated.get(1))) {
      String stream = live.stream(0);
      String p1 = sofie.proposalOf(ack(sofie.call(new ProposalCommand.Propose(id(), null, "Trees", "Plant"))));
      String p2 = sofie.proposalOf(ack(mads.call(new ProposalCommand.Propose(id(), null, "Benches", "Sit"))));
      ack(sofie.call(new ClusterCommand.CreateCluster(id(), null, "Green", List.of(p1))));
      ack(facilitator.call(new VoteCommand.OpenVote(id(), null, VoteMethod.DOTS, List.of(p1, p2), new VoteParams(3, 2))));
      Reply.Ack sofiesBallot = ack(sofie.call(new VoteCommand.CastBallot(id(), null, "v1", Ballot.dots(Map.of(p1, 2, p2, 1)))));
      ack(mads.call(new VoteCommand.CastBallot(id(), null, "v1", Ballot.dots(Map.of(p2, 2)))));
      Reply over = mads.call(new VoteCommand.CastBallot(id(), null, "v1", Ballot.dots(Map.of(p1, 2, p2, 2))));
      assertThat(error(over).code()).isEqualTo(ErrorCode.INVALID);

      Push.Event seenByMads = (Push.Event) mads.await(m -> m instanceof Push.Event e && e.seq() == sofiesBallot.seq());
      assertThat(seenByMads.kind()).isEqualTo("ballotCast");
      assertThat(seenByMads.data().has("ballot")).isFalse();
      assertThat(seenByMads.data().get("ballots").asInt()).isEqualTo(1);
      Push.Event seenBySofie = (Push.Event) sofie.await(m -> m instanceof Push.Event e && e.seq() == sofiesBallot.seq());
      assertThat(seenBySofie.data().at("/ballot/dots/" + p1).asInt()).isEqualTo(2);

      Reply.Ack closed = ack(facilitator.call(new VoteCommand.CloseVote(id(), null, "v1")));
      Push.Event closedForMads = (Push.Event) mads.await(m -> m instanceof Push.Event e && e.seq() == closed.seq());
      assertThat(closedForMads.kind()).isEqualTo("voteClosed");
      assertThat(closedForMads.data().has("result")).as("hidden until published").isFalse();
      Reply.Ack published = ack(facilitator.call(new VoteCommand.PublishResult(id(), null, "v1")));
      Push.Event result = (Push.Event) mads.await(m -> m instanceof Push.Event e && e.seq() == published.seq());
      assertThat(result.kind()).isEqualTo("resultPublished");
      assertThat(result.data().at("/result/dots/totals/" + p1).asInt()).isEqualTo(2);
      assertThat(result.data().at("/result/dots/totals/" + p2).asInt()).isEqualTo(3);
      assertThat(result.data().at("/result/ballots").asInt()).isEqualTo(2);
      Reply late = sofie.call(new VoteCommand.CastBallot(id(), null, "v1", Ballot.dots(Map.of(p1, 1))));
      assertThat(error(late).code()).isEqualTo(ErrorCode.PHASE_CLOSED);
      assertThat(sofie.awaitEvents(stream, 8)).hasSize(8);
    }
  }

  @Test
  @DisplayName("The lead facilitator reads every table of the session")
  void leadFacilitatorReadsEveryTable() {
    try (TableClient lead = live.join(live.lead)) {
      assertThat(lead.welcome().streams()).containsOnlyKeys(live.stream(0), live.stream(1), "session:" + live.session.id());
      assertThat(lead.welcome().table()).isNull();
      try (TableClient member = live.join(live.members.get(1).get(0))) {
        ack(member.call(new ProposalCommand.Propose(id(), null, "At table 2", "Hello")));
      }
      assertThat(lead.awaitEvents(live.stream(1), 1).get(0).data().get("title").asText()).isEqualTo("At table 2");
      Reply reply = lead.call(new ProposalCommand.Propose(id(), null, "No table named", "?"));
      assertThat(error(reply).code()).isEqualTo(ErrorCode.INVALID);
    }
  }

  @Test
  @DisplayName("A member pages through the table's full history from the journal, and cannot read another table's")
  void historyPagesThroughTheRecord() {
    try (TableClient member = live.join(live.members.get(0).get(0))) {
      for (int i = 1; i <= 5; i++) {
        ack(member.call(new ProposalCommand.Propose(id(), null, "Idea " + i, "Text")));
      }
      String stream = live.stream(0);
      var first = (Reply.History) member.call(new org.tingsted.protocol.ConnectionCommand.History(id(), stream, 1, 2));
      assertThat(first.events()).extracting(Push.Event::seq).containsExactly(1L, 2L);
      assertThat(first.next()).isEqualTo(3L);
      var second = (Reply.History) member.call(new org.tingsted.protocol.ConnectionCommand.History(id(), stream, first.next(), 2));
      assertThat(second.events()).extracting(e -> e.data().get("title").asText()).containsExactly("Idea 3", "Idea 4");
      var last = (Reply.History) member.call(new org.tingsted.protocol.ConnectionCommand.History(id(), stream, 5, null));
      assertThat(last.events()).extracting(Push.Event::seq).containsExactly(5L);
      assertThat(last.next()).isNull();
      assertThat(last.events().get(0)).isEqualTo(member.events(stream).get(4));
      Reply other = member.call(new org.tingsted.protocol.ConnectionCommand.History(id(), live.stream(1), 1, null));
      assertThat(error(other).code()).isEqualTo(ErrorCode.FORBIDDEN);
    }
  }

  @Test
  @DisplayName("An observer may read a table but not act at it")
  void observerReadsOnly() {
    try (TableClient observer = live.join(live.observer)) {
      Reply reply = observer.call(new ProposalCommand.Propose(id(), live.table(0), "I only watch", "?"));
      assertThat(error(reply).code()).isEqualTo(ErrorCode.FORBIDDEN);
    }
  }
}
