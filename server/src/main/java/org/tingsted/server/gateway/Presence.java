package org.tingsted.server.gateway;

import com.hazelcast.config.SerializerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tingsted.protocol.Device;
import org.tingsted.protocol.PresentMember;
import org.tingsted.protocol.Push;
import org.tingsted.server.cluster.HazelcastSetup;
import org.tingsted.server.cluster.JsonSerializer;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.Roster;
import org.tingsted.server.roster.TablePlace;
import org.tingsted.server.streams.ModelJson;

/**
 * Who is at each table, in the room or remote, and who is not connected. Changes are
 * published to every node as a ready {@code presence} frame; presence is neither sequenced
 * nor journaled.
 */
final class Presence {

  private static final Logger LOG = LoggerFactory.getLogger(Presence.class);

  private final Vertx vertx;
  private final IMap<String, TablePresence> tables;
  private final Frames frames;
  private final Roster roster;
  private final HazelcastInstance hazelcast;

  Presence(Vertx vertx, HazelcastInstance hazelcast, Frames frames, Roster roster) {
    this.vertx = vertx;
    this.tables = hazelcast.getMap(HazelcastSetup.MAP_PREFIX + "presence");
    this.frames = frames;
    this.roster = roster;
    this.hazelcast = hazelcast;
  }

  static List<SerializerConfig> serializers() {
    var mapper = ModelJson.mapper();
    return List.of(
        JsonSerializer.of(mapper, TablePresence.class, 1201),
        JsonSerializer.of(mapper, TablePresence.Arrive.class, 1202),
        JsonSerializer.of(mapper, TablePresence.Leave.class, 1203),
        JsonSerializer.of(mapper, TablePresence.DropNode.class, 1204),
        JsonSerializer.of(mapper, TablePresence.Change.class, 1205));
  }

  /** The event-bus address on which a table's presence frames go to every node. */
  static String address(String table) {
    return "tingsted.presence." + table;
  }

  /**
   * A connection sits down at its table. The table is told when the person was not there
   * before (or moves from remote into the room); completes with the table's presence frame as
   * it is now, for the arriving connection itself.
   */
  Future<String> arrive(Assembly assembly, String table, String connection, Member member, Device device) {
    var arrive = new TablePresence.Arrive(assembly.id(), connection, new TablePresence.Seat(member.id(), device.wireName(), node()));
    return publishChange(assembly, table, Future.fromCompletionStage(tables.submitToKey(table, arrive), vertx.getOrCreateContext()));
  }

  /**
   * Publishes the table's presence as it is, whoever changed: for when the roster changed under
   * it (a member moved in or out), which the seats alone do not show.
   */
  Future<Void> republish(Assembly assembly, String table) {
    return current(assembly, table).map(frame -> {
      vertx.eventBus().publish(address(table), frame);
      return null;
    });
  }

  /** A connection leaves its table; the table is told when it was the person's last. */
  Future<String> leave(Assembly assembly, String table, String connection) {
    var leave = new TablePresence.Leave(connection);
    return publishChange(assembly, table, Future.fromCompletionStage(tables.submitToKey(table, leave), vertx.getOrCreateContext()));
  }

  /** The table's presence frame as it is, for a reader without a seat there (it tells no one else). */
  Future<String> current(Assembly assembly, String table) {
    return Future.fromCompletionStage(tables.getAsync(table), vertx.getOrCreateContext())
        .map(presence -> frames.encode(message(assembly, table, presence)));
  }

  /**
   * Publishes a change of the seats with the roster as it is now, not as the connection read it
   * when it joined: since then someone may have been pseudonymised (their old name must not
   * come back) or moved.
   */
  private Future<String> publishChange(Assembly assembly, String table, Future<TablePresence.Change> change) {
    return change.compose(c -> roster.get(assembly.id())
        .otherwise(e -> null)
        .map(now -> {
          String frame = frames.encode(message(now != null ? now : assembly, table, c.now()));
          if (c.changed()) {
            vertx.eventBus().publish(address(table), frame);
          }
          return frame;
        }));
  }

  /** This node's Hazelcast member as it is now: one that merged back after a split has a new id. */
  private String node() {
    return hazelcast.getCluster().getLocalMember().getUuid().toString();
  }

  /**
   * The seats a dead node held are gone: removes them from every table and publishes the
   * tables whose presence changed. Completes with how many tables changed.
   */
  Future<Integer> dropNode(String deadNode) {
    return vertx.executeBlocking(() -> tables.executeOnEntries(new TablePresence.DropNode(deadNode)))
        .compose(results -> {
          var published = new ArrayList<Future<Void>>();
          results.forEach((table, presence) -> {
            if (presence != null && presence.assembly() != null) {
              published.add(roster.get(presence.assembly()).compose(assembly -> assembly == null
                  ? Future.succeededFuture()
                  : publish(assembly, table, Future.succeededFuture(presence))));
            }
          });
          return Future.all(published).map(all -> published.size());
        })
        .onFailure(e -> LOG.warn("could not clear the presence of node {}", deadNode, e));
  }

  private Future<Void> publish(Assembly assembly, String table, Future<TablePresence> change) {
    return change.map(presence -> {
      vertx.eventBus().publish(address(table), frames.encode(message(assembly, table, presence)));
      return null;
    });
  }

  /** Everyone seated at the table, connected or not; a member counts as in the room if any of their connections is. */
  static Push.Presence message(Assembly assembly, String table, TablePresence presence) {
    Map<String, TablePresence.Seat> connections = presence == null ? Map.of() : presence.connections();
    var members = new ArrayList<PresentMember>();
    for (Member m : assembly.seatedAt(table)) {
      var seats = connections.values().stream().filter(s -> s.member().equals(m.id())).toList();
      boolean inRoom = seats.stream().anyMatch(s -> Device.ROOM.wireName().equals(s.device()));
      Device device = seats.isEmpty() || inRoom ? Device.ROOM : Device.REMOTE;
      members.add(new PresentMember(m.id(), m.name(), Translation.role(m.role()), device, !seats.isEmpty()));
    }
    String name = assembly.sessionOfTable(table).flatMap(s -> s.tables().stream()
        .filter(t -> t.id().equals(table)).map(TablePlace::name).findFirst()).orElse(null);
    return new Push.Presence(table, name, members);
  }
}
