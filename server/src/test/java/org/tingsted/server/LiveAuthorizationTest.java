package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.ack;
import static org.tingsted.server.TableClient.id;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tingsted.protocol.Ballot;
import org.tingsted.protocol.ClientMessage;
import org.tingsted.protocol.ClusterCommand;
import org.tingsted.protocol.CommentKind;
import org.tingsted.protocol.ConnectionCommand;
import org.tingsted.protocol.Device;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.protocol.ModerationCommand;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.ProtocolCodec;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.Reply;
import org.tingsted.protocol.SettingCommand;
import org.tingsted.protocol.SpeakingCommand;
import org.tingsted.protocol.StreamId;
import org.tingsted.protocol.TableCommand;
import org.tingsted.protocol.VoteCommand;
import org.tingsted.protocol.VoteMethod;
import org.tingsted.protocol.VoteParams;
import org.tingsted.server.roster.Member;

/**
 * Every table command, from every role that may not send it, over real WebSockets: each is
 * answered {@code forbidden}, and no stream changes. The model's rule tests hold each rule;
 * this holds the gateway and the model together, command type by command type, and fails when
 * a new table command type has no row here.
 */
@DisplayName("Who may act, over real sockets: every table command from every role that may not send it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveAuthorizationTest {

  private LiveAssembly live;
  private String proposal;
  private String cluster;
  private String otherCluster;
  private String vote;

  @BeforeAll
  void start() {
    live = LiveAssembly.start(2, 3);
    // Something real to aim at on each table, so that a refusal is about who sends, not about
    // what is missing: another member's proposal, a cluster, an open vote.
    try (TableClient author = live.join(live.members.get(0).get(1));
         TableClient facilitator = live.join(live.facilitators.get(0))) {
      proposal = author.proposalOf(ack(author.call(new ProposalCommand.Propose(id(), null, "Parks", "More trees"))));
      cluster = dataOf(author, ack(author.call(new ClusterCommand.CreateCluster(id(), null, "Green", List.of()))),
          "cluster");
      otherCluster = dataOf(author, ack(author.call(new ClusterCommand.CreateCluster(id(), null, "Blue", List.of()))),
          "cluster");
      vote = dataOf(facilitator, ack(facilitator.call(new VoteCommand.OpenVote(id(), null, VoteMethod.DOTS,
          List.of(proposal), new VoteParams(3, 2)))), "vote");
      ack(author.call(new SpeakingCommand.RaiseHand(id(), null)));
    }
    try (TableClient other = live.join(live.members.get(1).get(0))) {
      other.proposalOf(ack(other.call(new ProposalCommand.Propose(id(), null, "Buses", "At night"))));
    }
  }

  @AfterAll
  void stop() throws Exception {
    live.close();
  }

  /** One sample of every table command type, aimed at {@code table} (null: the sender's own). */
  private Map<Class<?>, ClientMessage> everyTableCommand(String table) {
    String someone = live.members.get(0).get(1).id();
    var all = new LinkedHashMap<Class<?>, ClientMessage>();
    for (ClientMessage c : List.of(
        new ProposalCommand.Propose(id(), table, "Mine", "Text"),
        new ProposalCommand.Edit(id(), table, proposal, 1, "Changed", "Changed"),
        new ProposalCommand.Withdraw(id(), table, proposal),
        new ProposalCommand.Comment(id(), table, proposal, CommentKind.SUPPORT, "Yes", null),
        new ClusterCommand.CreateCluster(id(), table, "Mine", List.of(proposal)),
        new ClusterCommand.RenameCluster(id(), table, cluster, "Renamed"),
        new ClusterCommand.MoveToCluster(id(), table, proposal, cluster),
        new ClusterCommand.MergeClusters(id(), table, otherCluster, cluster),
        new ClusterCommand.DissolveCluster(id(), table, cluster),
        new VoteCommand.OpenVote(id(), table, VoteMethod.SCALE, List.of(proposal), null),
        new VoteCommand.CastBallot(id(), table, vote, new Ballot(Map.of(proposal, 1), null, null)),
        new VoteCommand.CloseVote(id(), table, vote),
        new VoteCommand.PublishResult(id(), table, vote),
        new ModerationCommand.Hide(id(), table, proposal, "spam"),
        new ModerationCommand.Restore(id(), table, proposal, "not spam"),
        new SpeakingCommand.RaiseHand(id(), table),
        new SpeakingCommand.LowerHand(id(), table, someone),
        new SpeakingCommand.GiveFloor(id(), table, someone),
        new SpeakingCommand.EndTurn(id(), table),
        new SpeakingCommand.ReorderQueue(id(), table, List.of(someone)),
        new SpeakingCommand.FavourLeastHeard(id(), table),
        new SettingCommand.SetVideoLink(id(), table, "https://meet.example.org/x"))) {
      all.put(c.getClass(), c);
    }
    return all;
  }

  @Test
  @DisplayName("the sample holds every table command type the protocol has")
  void everyTypeIsTried() {
    Set<Class<?>> types = Arrays.stream(TableCommand.class.getPermittedSubclasses())
        .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
        .collect(Collectors.toSet());
    assertThat(everyTableCommand(null).keySet()).containsExactlyInAnyOrderElementsOf(types);
  }

  @Test
  @DisplayName("an observer, a member and a facilitator of table 1 at table 2, and a member doing a facilitator's work: all forbidden, nothing changes")
  void refusedAndNothingChanges() throws Exception {
    List<StreamId> streams = List.of(StreamId.table(live.table(0)), StreamId.table(live.table(1)),
        StreamId.session(live.session.id()));
    List<Long> before = seqs(streams);
    var wrong = new ArrayList<String>();
    Member member = live.members.get(0).get(0);
    try (TableClient observer = live.join(live.observer);
         TableClient atHome = live.join(member);
         TableClient facilitator = live.join(live.facilitators.get(0));
         TableClient otherTable = live.join(live.members.get(1).get(1))) {
      for (ClientMessage c : everyTableCommand(live.table(0)).values()) {
        expectForbidden(observer, c, "observer at table 1", wrong);
      }
      for (ClientMessage c : everyTableCommand(live.table(1)).values()) {
        expectForbidden(atHome, c, "member of table 1 at table 2", wrong);
        expectForbidden(facilitator, c, "facilitator of table 1 at table 2", wrong);
      }
      Map<Class<?>, ClientMessage> own = everyTableCommand(null);
      for (Class<?> facilitatorsWork : List.of(ProposalCommand.Edit.class, ProposalCommand.Withdraw.class,
          VoteCommand.OpenVote.class, VoteCommand.CloseVote.class, VoteCommand.PublishResult.class,
          ModerationCommand.Hide.class, ModerationCommand.Restore.class, SpeakingCommand.LowerHand.class,
          SpeakingCommand.GiveFloor.class, SpeakingCommand.ReorderQueue.class, SpeakingCommand.FavourLeastHeard.class,
          SettingCommand.SetVideoLink.class)) {
        expectForbidden(atHome, own.get(facilitatorsWork), "member at their own table", wrong);
      }
      expectForbidden(facilitator, own.get(VoteCommand.CastBallot.class), "facilitator at their own table", wrong);
      assertThat(wrong).as("answers that were not forbidden").isEmpty();
      assertThat(seqs(streams)).as("every stream after the refusals: no event added").isEqualTo(before);
      // The member of table 2 who watched all along was sent nothing from the attempts.
      assertThat(otherTable.events(live.stream(1))).isEmpty();
    }
  }

  @Test
  @DisplayName("a member of table 1 cannot read table 2: not by resuming it in hello, not by paging its history")
  void cannotReadAnotherTable() {
    Member member = live.members.get(0).get(0);
    String foreign = live.stream(1);
    try (TableClient client = TableClient.join(live.clients, live.node.port(), live.token(member), Device.ROOM,
        Map.of(foreign, 0L))) {
      assertThat(client.welcome().streams()).doesNotContainKey(foreign);
      Reply history = client.call(new ConnectionCommand.History(id(), foreign, 1, 100));
      assertThat(TableClient.error(history).code()).isEqualTo(ErrorCode.FORBIDDEN);
      // Its own table's snapshot comes; nothing of table 2 ever does.
      client.await(m -> m instanceof Push.Snapshot s && s.stream().equals(live.stream(0)));
      client.replyWithin("nothing-more", Duration.ofMillis(500));
      assertThat(client.received()).noneMatch(m -> m instanceof Push.Snapshot s && s.stream().equals(foreign)
          || m instanceof Push.Event e && e.stream().equals(foreign));
    }
  }

  private static void expectForbidden(TableClient client, ClientMessage command, String who, List<String> wrong) {
    ClientMessage fresh = withFreshId(command);
    Reply reply = client.call(fresh);
    if (!(reply instanceof Reply.Error e) || e.code() != ErrorCode.FORBIDDEN) {
      wrong.add(who + ": " + command.getClass().getSimpleName() + " → " + reply);
    }
  }

  private static final ProtocolCodec CODEC = new ProtocolCodec();

  private static ClientMessage withFreshId(ClientMessage command) {
    try {
      var tree = (ObjectNode) CODEC.mapper().readTree(CODEC.encode(command));
      tree.put("id", id());
      return CODEC.decodeClient(tree.toString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String dataOf(TableClient client, Reply.Ack ack, String field) {
    Push.Event event = (Push.Event) client.await(m -> m instanceof Push.Event e
        && e.stream().equals(ack.stream()) && e.seq() == ack.seq());
    return event.data().get(field).asText();
  }

  private List<Long> seqs(List<StreamId> streams) throws Exception {
    var seqs = new ArrayList<Long>();
    for (StreamId stream : streams) {
      seqs.add(LiveAssembly.await(live.node.streams().seq(stream)));
    }
    return seqs;
  }
}
