package org.tingsted.server.gateway;

import com.hazelcast.map.EntryProcessor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who is connected to one table right now: one seat per open connection (a member may have a
 * tablet and a laptop open at once), kept in Hazelcast so that every node sees all of them.
 * The table is told of a change only when a person's state changes ({@link #people}).
 *
 * @param assembly    the assembly of the table, to name the people when the presence is published
 * @param connections the seats, by connection
 */
record TablePresence(String assembly, Map<String, Seat> connections) {

  TablePresence {
    connections = Collections.unmodifiableMap(new LinkedHashMap<>(connections));
  }

  /**
   * One connection's member, where they take part from ({@code room} or {@code remote}), and
   * the node (its Hazelcast member's id) that holds the connection.
   */
  record Seat(String member, String device, String node) {
  }

  /**
   * What the table's presence shows of each person: connected or not, and from where (in the
   * room if any of their connections is). A second tab of someone already here changes nothing.
   */
  Map<String, String> people() {
    var people = new LinkedHashMap<String, String>();
    for (Seat seat : connections.values()) {
      people.merge(seat.member(), seat.device(), (was, now) -> "room".equals(was) || "room".equals(now) ? "room" : was);
    }
    return people;
  }

  /** The presence after a change, and whether a person's state changed with it (what is worth telling the table). */
  record Change(TablePresence now, boolean changed) {
  }

  /** A connection sits down. */
  record Arrive(String assembly, String connection, Seat seat) implements EntryProcessor<String, TablePresence, Change> {
    @Override
    public Change process(Map.Entry<String, TablePresence> entry) {
      TablePresence before = entry.getValue() == null ? new TablePresence(assembly, Map.of()) : entry.getValue();
      var next = new LinkedHashMap<>(before.connections());
      next.put(connection, seat);
      var presence = new TablePresence(assembly, next);
      entry.setValue(presence);
      return new Change(presence, !presence.people().equals(before.people()));
    }
  }

  /** A connection leaves. */
  record Leave(String connection) implements EntryProcessor<String, TablePresence, Change> {
    @Override
    public Change process(Map.Entry<String, TablePresence> entry) {
      if (entry.getValue() == null) {
        return new Change(new TablePresence(null, Map.of()), false);
      }
      TablePresence before = entry.getValue();
      var next = new LinkedHashMap<>(before.connections());
      next.remove(connection);
      TablePresence presence = replace(entry, next);
      return new Change(presence, !presence.people().equals(before.people()));
    }
  }

  /**
   * A node died: its connections are gone with it. Returns the table's presence when it
   * changed, null when the node held no connection there.
   */
  record DropNode(String node) implements EntryProcessor<String, TablePresence, TablePresence> {
    @Override
    public TablePresence process(Map.Entry<String, TablePresence> entry) {
      if (entry.getValue() == null) {
        return null;
      }
      var next = new LinkedHashMap<>(entry.getValue().connections());
      if (!next.values().removeIf(seat -> node.equals(seat.node()))) {
        return null;
      }
      return replace(entry, next);
    }
  }

  private static TablePresence replace(Map.Entry<String, TablePresence> entry, Map<String, Seat> next) {
    var presence = new TablePresence(entry.getValue().assembly(), next);
    entry.setValue(next.isEmpty() ? null : presence);
    return presence;
  }
}
