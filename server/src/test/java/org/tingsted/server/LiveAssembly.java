package org.tingsted.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.tingsted.protocol.Ballot;
import org.tingsted.protocol.VoteCommand;
import org.tingsted.protocol.VoteMethod;
import org.tingsted.protocol.VoteParams;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.Roster;
import org.tingsted.server.roster.Session;

/**
 * A started node with an assembly on it: one session, {@code tables} tables of {@code seats}
 * members and a facilitator each, a lead facilitator and an observer; and a client-side Vert.x.
 */
public final class LiveAssembly implements AutoCloseable {

  public final TingstedNode node;
  public final Vertx clients = Vertx.vertx();
  public final Assembly assembly;
  public final Session session;
  public final List<List<Member>> members = new ArrayList<>();
  public final List<Member> facilitators = new ArrayList<>();
  public final Member lead;
  public final Member observer;

  private LiveAssembly(TingstedNode node, Assembly assembly) {
    this.node = node;
    this.assembly = assembly;
    this.session = assembly.sessions().get(0);
    Member lead = null;
    Member observer = null;
    for (var table : session.tables()) {
      var seated = new ArrayList<Member>();
      for (Member m : assembly.seatedAt(table.id())) {
        if (m.role() == Role.FACILITATOR) {
          facilitators.add(m);
        } else {
          seated.add(m);
        }
      }
      members.add(seated);
    }
    for (Member m : assembly.members().values()) {
      if (m.role() == Role.LEAD_FACILITATOR) {
        lead = m;
      } else if (m.role() == Role.OBSERVER) {
        observer = m;
      }
    }
    this.lead = lead;
    this.observer = observer;
  }

  /** The session day's date. */
  public static final String DAY = "2027-03-06";

  public static LiveAssembly start(int tables, int seats) {
    try {
      TingstedNode node = await(TingstedNode.start(Settings.forTest("test-" + UUID.randomUUID())));
      Roster roster = node.roster();
      var names = new ArrayList<String>();
      for (int t = 1; t <= tables; t++) {
        names.add("Table " + t);
      }
      Assembly created = await(roster.create("Test assembly", "How?", List.of(new Roster.NewSession("Day 1", DAY, names))));
      Session day = created.sessions().get(0);
      for (var table : day.tables()) {
        await(roster.addMember(created.id(), "Facilitator of " + table.name(), Role.FACILITATOR, null, table.id()));
        for (int s = 1; s <= seats; s++) {
          await(roster.addMember(created.id(), table.name() + " member " + s, Role.MEMBER, null, table.id()));
        }
      }
      await(roster.addMember(created.id(), "Lead", Role.LEAD_FACILITATOR, day.id(), null));
      await(roster.addMember(created.id(), "Observer", Role.OBSERVER, day.id(), null));
      return new LiveAssembly(node, await(roster.require(created.id())));
    } catch (Exception e) {
      throw new AssertionError("could not start a node", e);
    }
  }

  public static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** A session credential of {@code m}: what the app holds once it exchanged their link. */
  public String token(Member m) {
    return sessionOf(node, assembly.id(), m.id());
  }

  /** The link credential of {@code m} as the roster has them now: what their join link carries. */
  public String link(Member m) {
    try {
      Member now = await(node.roster().require(assembly.id())).members().get(m.id());
      return node.links().credentials().link(assembly.id(), now);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /**
   * A new session credential of member {@code memberId} of {@code assemblyId} as the roster of
   * {@code node} has them now (their generation): what the app gets for the person's link.
   */
  public static String sessionOf(TingstedNode node, String assemblyId, String memberId) {
    try {
      Member now = await(node.roster().require(assemblyId)).members().get(memberId);
      return node.links().credentials().session(assemblyId, now).credential();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  public String table(int index) {
    return session.tables().get(index).id();
  }

  public String stream(int index) {
    return "table:" + table(index);
  }

  public TableClient join(Member m) {
    return TableClient.join(clients, node.port(), token(m));
  }

  /**
   * Has a table's facilitator open a dots vote on these items, the table's members cast these
   * ballots in seat order (one each, each over a connection of its own) and the facilitator
   * close it; the vote must be the table's {@code vote}-th ("v1" for its first).
   */
  public void closedDotsVote(int table, String vote, List<String> items, VoteParams params,
      List<Map<String, Integer>> ballots) throws Exception {
    try (TableClient facilitator = join(facilitators.get(table))) {
      TableClient.ack(facilitator.call(new VoteCommand.OpenVote(TableClient.id(), null, VoteMethod.DOTS, items, params)));
      for (int i = 0; i < ballots.size(); i++) {
        try (TableClient voter = join(members.get(table).get(i))) {
          TableClient.ack(voter.call(new VoteCommand.CastBallot(TableClient.id(), null, vote, Ballot.dots(ballots.get(i)))));
        }
      }
      TableClient.ack(facilitator.call(new VoteCommand.CloseVote(TableClient.id(), null, vote)));
    }
  }

  @Override
  public void close() throws Exception {
    await(clients.close());
    await(node.close());
  }
}
