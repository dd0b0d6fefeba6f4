package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.ack;
import static org.tingsted.server.TableClient.error;
import static org.tingsted.server.TableClient.id;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.Device;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.protocol.Limits;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.Protocol;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.Reply;
import org.tingsted.protocol.SpeakingCommand;
import org.tingsted.protocol.StreamId;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.TableCommand;
import org.tingsted.server.roster.Member;
import org.tingsted.server.streams.Outcome;

/**
 * The attacks of issue 11 on one member's share of a table, over real WebSockets: many screens
 * of one token, commands pipelined faster than they are carried out, a table filled to the
 * brim, and a reader that stops reading. The table stays joinable for everyone.
 */
@DisplayName("Limits that keep a table open to everyone")
class LiveLimitsTest {

  /** A tree: one character, four bytes of UTF-8. */
  private static final String TREE = "\uD83C\uDF33";
  private LiveAssembly live;

  @BeforeEach
  void start() {
    live = LiveAssembly.start(5, 9);
  }

  @AfterEach
  void stop() throws Exception {
    live.close();
  }

  private Outcome run(int table, Member m, TableCommand command) throws Exception {
    return LiveAssembly.await(live.node.streams().execute(StreamId.table(live.table(table)), command,
        new Actor(m.id(), Role.MEMBER, live.table(table)), id()));
  }

  /** Fills a table's board to its 400,000 characters: 8 members with 25 proposals of 2,000 trees each. */
  private void fill(int table) throws Exception {
    List<java.util.concurrent.CompletableFuture<Outcome>> all = new ArrayList<>();
    for (int m = 0; m < 8; m++) {
      Member member = live.members.get(table).get(m);
      for (int i = 0; i < 25; i++) {
        all.add(live.node.streams().execute(StreamId.table(live.table(table)),
            new TableCommand.Propose(TREE, TREE.repeat(Limits.PROPOSAL_TEXT - 1)),
            new Actor(member.id(), Role.MEMBER, live.table(table)), id()).toCompletionStage().toCompletableFuture());
      }
    }
    for (var f : all) {
      assertThat(f.get(60, TimeUnit.SECONDS).isRejected()).isFalse();
    }
  }

  @Test
  @DisplayName("One member's many screens: beyond four, the oldest is closed with 4409; the table hears of the person once, not per screen")
  void manyScreensOfOneMember() {
    Member sofie = live.members.get(0).get(0);
    Member mads = live.members.get(0).get(1);
    try (TableClient watcher = live.join(mads)) {
      List<TableClient> screens = new ArrayList<>();
      screens.add(live.join(sofie));
      watcher.await(m -> m instanceof Push.Presence p
          && p.members().stream().anyMatch(x -> x.id().equals(sofie.id()) && x.online()));
      long heard = watcher.received().stream().filter(m -> m instanceof Push.Presence).count();
      for (int i = 1; i < 6; i++) {
        screens.add(live.join(sofie));
      }
      assertThat(screens.get(0).awaitClosed()).isEqualTo((short) Protocol.CLOSE_REPLACED);
      assertThat(screens.get(1).awaitClosed()).isEqualTo((short) Protocol.CLOSE_REPLACED);
      assertThat(screens.subList(2, 6)).noneMatch(TableClient::isClosed);
      ack(screens.get(5).call(new ProposalCommand.Propose(id(), null, "From the newest screen", "Works")));
      // The watcher hears the proposal, and by then it would have heard of any presence sent before it.
      watcher.await(m -> m instanceof Push.Event e && "proposed".equals(e.kind()));
      assertThat(watcher.received().stream().filter(m -> m instanceof Push.Presence).count())
          .as("presence frames while Sofie opened five more screens").isEqualTo(heard);
      screens.subList(2, 6).forEach(TableClient::close);
      // (Not any presence with Sofie offline: the watcher's first one, before she came, is one.)
      watcher.await(m -> watcher.received().stream().filter(x -> x instanceof Push.Presence).count() > heard);
      List<Push.Presence> presences = watcher.received().stream()
          .filter(m -> m instanceof Push.Presence).map(m -> (Push.Presence) m).toList();
      assertThat(presences).as("one presence when she left with her last screen").hasSize((int) heard + 1);
      assertThat(presences.get(presences.size() - 1).members())
          .anyMatch(x -> x.id().equals(sofie.id()) && !x.online());
    }
  }

  @Test
  @DisplayName("Joining in a loop with one token: the 31st join in a minute is refused with rate_limited and closed with 4429; another member still joins")
  void joinsInALoop() {
    Member sofie = live.members.get(0).get(0);
    for (int i = 0; i < 30; i++) {
      live.join(sofie).close();
    }
    TableClient again = TableClient.open(live.clients, live.node.port());
    again.send(new org.tingsted.protocol.ConnectionCommand.Hello("hello-31", live.token(sofie), Device.ROOM, null));
    assertThat(error(again.reply("hello-31")).code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(again.awaitClosed()).isEqualTo((short) Protocol.CLOSE_TOO_MANY);
    live.join(live.members.get(0).get(1)).close();
  }

  @Test
  @DisplayName("Commands pipelined faster than they are carried out: beyond 64 awaiting their answer, rate_limited; each is answered once, and the member goes on")
  void pipelinedCommands() {
    Member sofie = live.members.get(0).get(0);
    try (TableClient a = live.join(sofie); TableClient b = live.join(sofie); TableClient c = live.join(sofie)) {
      // 55 from each of three screens: within each screen's burst of 60, far beyond the member's 64 in flight.
      List<TableClient> screens = List.of(a, b, c);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 55; i++) {
        for (TableClient screen : screens) {
          String id = "burst-" + ids.size();
          ids.add(id);
          screen.sendRaw("{\"type\":\"comment\",\"id\":\"" + id + "\",\"proposal\":\"p0\",\"kind\":\"support\",\"text\":\"" + "x".repeat(900) + "\"}");
        }
      }
      int answered = 0;
      int limited = 0;
      for (int n = 0; n < ids.size(); n++) {
        Reply reply = screens.get(n % 3).reply(ids.get(n));
        answered++;
        if (reply instanceof Reply.Error e && e.code() == ErrorCode.RATE_LIMITED) {
          assertThat(e.message()).contains("still being carried out");
          limited++;
        }
      }
      assertThat(answered).isEqualTo(165);
      assertThat(limited).as("refused while 64 awaited their answer").isPositive();
      long answers = screens.stream().mapToLong(s -> s.received().stream()
          .filter(m -> m instanceof Reply r && ids.contains(r.id())).count()).sum();
      assertThat(answers).as("one answer to each").isEqualTo(165);
      ack(a.call(new ProposalCommand.Propose(id(), null, "Afterwards", "Still works")));
    }
  }

  @Test
  @DisplayName("A member's 51st proposal and a full board are refused with too_large over the socket; a full table stays joinable, and its snapshot (over 1 MiB) reaches a new member whole")
  void aFullTable() throws Exception {
    Member bo = live.members.get(1).get(8);
    try (TableClient b = live.join(bo)) {
      for (int i = 0; i < Limits.PROPOSALS_PER_MEMBER; i++) {
        ack(b.call(new ProposalCommand.Propose(id(), null, "Idea " + i, "Short")));
      }
      Reply.Error more = error(b.call(new ProposalCommand.Propose(id(), null, "One more", "Short")));
      assertThat(more.code()).isEqualTo(ErrorCode.TOO_LARGE);
      assertThat(more.message()).contains("50 proposals");
    }
    fill(0);
    Member late = live.members.get(0).get(7);
    try (TableClient c = live.join(late)) {
      Reply.Error full = error(c.call(new ProposalCommand.Comment(id(), null, "p1", org.tingsted.protocol.CommentKind.SUPPORT, "Yes", null)));
      assertThat(full.code()).isEqualTo(ErrorCode.TOO_LARGE);
      assertThat(full.message()).contains("board is full", "nothing more can be written");
      var snapshot = (Push.Snapshot) c.await(m -> m instanceof Push.Snapshot s && s.stream().equals(live.stream(0)));
      assertThat(snapshot.state().get("proposals").size()).isEqualTo(200);
      long bytes = c.rawFrames().stream().filter(f -> f.startsWith("{\"type\":\"snapshot\",\"stream\":\"" + live.stream(0)))
          .mapToLong(f -> f.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).max().orElse(0);
      System.out.println("LIMITS: a full board's snapshot is " + bytes + " bytes");
      assertThat(bytes).isGreaterThan(1024 * 1024).isLessThan(4 * 1024 * 1024);
      // What adds no text goes on at a full table.
      ack(c.call(new SpeakingCommand.RaiseHand(id(), null)));
      assertThat(c.isClosed()).isFalse();
    }
  }

  @Test
  @DisplayName("A lead who stops reading while four full tables' snapshots back up in the server is not closed for them; a member who never reads while more than 1 MiB of events follow is closed with 4429")
  void aReaderThatStopsReading() throws Exception {
    for (int t = 0; t < 4; t++) {
      fill(t);
    }
    try (SlowReader lead = new SlowReader(live.node.port())) {
      lead.send("{\"type\":\"hello\",\"id\":\"hello-lead\",\"token\":\"" + live.token(live.lead) + "\",\"device\":\"remote\"}");
      Thread.sleep(1_000);
      // The welcome and the snapshots of five tables and the session (over 6 MB) wait in the server; events follow them.
      for (int t = 0; t < 4; t++) {
        assertThat(run(t, live.members.get(t).get(1), new TableCommand.RaiseHand()).isRejected()).isFalse();
      }
      lead.readFor(5_000);
      assertThat(lead.closeCode()).as("closed while its snapshots backed up").isNull();
      assertThat(lead.messages()).anyMatch(m -> m.startsWith("{\"type\":\"welcome\",\"id\":\"hello-lead\""));
      assertThat(lead.messages().stream().filter(m -> m.startsWith("{\"type\":\"snapshot\""))).hasSize(6);
      assertThat(lead.messages().stream().filter(m -> m.contains("\"kind\":\"handRaised\""))).hasSize(4);

    }
    // A member at a table of their own who never reads: the events after their snapshot are bounded.
    try (SlowReader stuck = new SlowReader(live.node.port())) {
      Member silent = live.members.get(4).get(0);
      stuck.send("{\"type\":\"hello\",\"id\":\"hello-stuck\",\"token\":\"" + live.token(silent) + "\",\"device\":\"room\"}");
      Thread.sleep(500);
      // 5 members × 40 proposals of 8 KB: 1.6 MB of events it does not read.
      for (int m = 1; m <= 5; m++) {
        for (int i = 0; i < 40; i++) {
          assertThat(run(4, live.members.get(4).get(m), new TableCommand.Propose(TREE, TREE.repeat(Limits.PROPOSAL_TEXT - 1))).isRejected()).isFalse();
        }
      }
      stuck.readFor(20_000);
      assertThat(stuck.closeCode()).isEqualTo(Protocol.CLOSE_TOO_MANY);
      assertThat(stuck.messages()).anyMatch(m -> m.startsWith("{\"type\":\"snapshot\""));
    }
    // Everyone else is served: at the full table a hand still goes up.
    try (TableClient other = live.join(live.members.get(0).get(2))) {
      ack(other.call(new SpeakingCommand.RaiseHand(id(), null)));
    }
  }
}
